package io.auditwarehouse.config;

import java.util.List;

/** Every configuration key, its default and what it means: the one list validation and the README follow. */
public enum ConfigKey {
    INPUT_DIR("input.dir", "./data", "files source folder (inputs.md §6); `--input` overrides"),
    OUTPUT_DIR("output.dir", "./out", "embedded warehouse and outputs; `--out` overrides"),
    BUSINESS_ZONE("business.zone", "Asia/Seoul", "zone that assigns business dates and prints times"),
    APPROVALS_ZONE("sources.approvals.zone", "UTC", "zone of the approval DATETIME values (e.g. Asia/Seoul for KST wall-clock)"),
    APPROVAL_PARAM("sources.builds.approval_param", "APPROVAL_NO", "build parameter carrying the approval number"),
    CONTROLLERS("sources.controllers", "[]", "list of `{id, source_host, audit}`: maps Logstash `source_host` URLs and audit files/indices to controller ids; unmapped ones are derived (inputs.md §5)"),
    LOOKBACK("rules.lookback", "7d", "`nightly` also re-reconciles this many days before the date"),
    FAILURE_REPORT_SLA("rules.failure_report_sla", "3d", "time after a failure within which a failure report must be filed"),
    INCOMPLETE_AFTER("rules.incomplete_after", "24h", "an unfinished run older than this is RUN_INCOMPLETE"),
    TOGGLE_REVIEW_BEFORE("rules.toggle_review_before", "4h", "an enable/disable review may be decided this long before the toggle"),
    TOGGLE_REVIEW_AFTER("rules.toggle_review_after", "24h", "... or this long after it"),
    GAP_LOOKBACK("rules.gap_lookback", "35d", "build-number gaps are judged between runs at most this far apart"),
    SEVERITY("rules.severity", "{}", "map of reason code to severity (HIGH, MEDIUM, LOW, INFO) overriding the catalog"),
    SPARK_MASTER("spark.master", "local[*]", "Spark master; ignored when launched by spark-submit");

    private final String key;
    private final String defaultValue;
    private final String description;

    ConfigKey(String key, String defaultValue, String description) {
        this.key = key;
        this.defaultValue = defaultValue;
        this.description = description;
    }

    public String key() {
        return key;
    }

    public String defaultValue() {
        return defaultValue;
    }

    public String description() {
        return description;
    }

    public static ConfigKey byName(String key) {
        for (ConfigKey k : values()) if (k.key.equals(key)) return k;
        return null;
    }

    /** Keys whose value is itself a map or list, so the YAML walk stops there. */
    static final List<ConfigKey> STRUCTURED = List.of(CONTROLLERS, SEVERITY);
}
