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
    APPROVALS_JDBC_URL("sources.approvals.jdbc_url", "", "read approvals (and users) from this MySQL database instead of approvals.csv, e.g. jdbc:mysql://db:3306/approval"),
    APPROVALS_USER("sources.approvals.user", "", "read-only account for the approval database"),
    APPROVALS_PASSWORD_ENV("sources.approvals.password_env", "", "name of the environment variable holding its password"),
    APPROVALS_PASSWORD_FILE("sources.approvals.password_file", "", "... or a file holding it"),
    APPROVALS_CA_FILE("sources.approvals.ca_file", "", "PEM CA certificate: the connection then requires TLS and checks the server's certificate and host name (sslMode=verify-full); without it the driver's own sslMode in jdbc_url applies"),
    APPROVALS_TABLE("sources.approvals.table", "approval_record", "relation (table or view) with the approval columns of inputs.md §1"),
    APPROVALS_PARTITIONS("sources.approvals.partitions", "4", "parallel JDBC reads, split on updated_at"),
    APPROVALS_FETCH_SIZE("sources.approvals.fetch_size", "1000", "rows fetched per round trip"),
    USERS_TABLE("sources.users.table", "app_user", "users relation in the approval database; empty = no users (rules needing them are not evaluated)"),
    EVIDENCE("sources.evidence", "auto", "where build records and audit trail are read: files, elasticsearch, or auto (elasticsearch when elasticsearch.url is set)"),
    BUILDS_INDEX("sources.builds.index", "jenkins-builds-*", "Elasticsearch index pattern of the Jenkins Logstash plugin documents"),
    AUDIT_INDEX("sources.audit.index", "jenkins-audit-*", "Elasticsearch index pattern of the Audit Trail plugin documents"),
    ES_URL("elasticsearch.url", "", "read build records and audit trail from this Elasticsearch instead of files, and write the Kibana indexes there"),
    ES_USER("elasticsearch.user", "", "basic-auth user"),
    ES_PASSWORD_ENV("elasticsearch.password_env", "", "environment variable holding the basic-auth password"),
    ES_PASSWORD_FILE("elasticsearch.password_file", "", "... or a file holding it"),
    ES_API_KEY_ENV("elasticsearch.api_key_env", "", "environment variable holding an API key (id:key, base64-encoded)"),
    ES_API_KEY_FILE("elasticsearch.api_key_file", "", "... or a file holding it"),
    ES_CA_FILE("elasticsearch.ca_file", "", "PEM CA certificate that signed the server's certificate, for an https elasticsearch.url; empty = the JVM's trusted CAs"),
    WAREHOUSE_JDBC_URL("warehouse.jdbc_url", "", "publish to this MySQL server instead of Parquet under --out, e.g. jdbc:mysql://dw:3306/"),
    WAREHOUSE_SCHEMA("warehouse.schema", "audit_dw", "warehouse schema (database) name"),
    WAREHOUSE_USER("warehouse.user", "", "the job's writer account"),
    WAREHOUSE_PASSWORD_ENV("warehouse.password_env", "", "environment variable holding its password"),
    WAREHOUSE_PASSWORD_FILE("warehouse.password_file", "", "... or a file holding it"),
    WAREHOUSE_CA_FILE("warehouse.ca_file", "", "PEM CA certificate: the warehouse connection requires TLS and checks the server's certificate and host name (sslMode=verify-full)"),
    WAREHOUSE_LOCK_WAIT("warehouse.lock_wait", "10m", "how long `nightly`, `backfill` and `report` wait while another process holds the warehouse's writer lock before giving up with exit code 7 naming the holder; 0 = do not wait"),
    WAREHOUSE_RETENTION("warehouse.retention", "400d", "embedded warehouse: how long a snapshot is kept after a later batch superseded it, for `sql --batch` and `report --reproduce` (the current one is always kept); older ones and the files only they name are deleted by the next writer"),
    KIBANA_INDEX_PREFIX("outputs.kibana.index_prefix", "audit-recon", "prefix of the Kibana-ready indices (<prefix>-runs-YYYY.MM, <prefix>-findings-YYYY.MM)"),
    PORTAL_BIND("portal.bind", "127.0.0.1:8080", "`serve`: host:port the evidence portal listens on; without portal.tls.keystore only a loopback address unless portal.allow_plain_http"),
    PORTAL_SESSION_IDLE("portal.session_idle", "30m", "`serve`: a signed-in session ends after this long without a request"),
    PORTAL_USERS_FILE("portal.users_file", "", "`serve`, `portal user add`: the users file (name, role, Argon2id hash per line); empty = <output.dir>/portal/users"),
    PORTAL_ALLOW_PLAIN_HTTP("portal.allow_plain_http", "false", "`serve`: allow plain http on a non-loopback portal.bind (behind a TLS-terminating proxy)"),
    PORTAL_LOCKOUT_AFTER("portal.lockout_after", "5", "`serve`: failed sign-ins in a row that lock an account"),
    PORTAL_LOCKOUT_FOR("portal.lockout_for", "15m", "`serve`: how long a locked account stays locked"),
    PORTAL_TLS_KEYSTORE("portal.tls.keystore", "", "`serve`: PKCS12 keystore holding the portal's certificate and key: the portal then serves https only"),
    PORTAL_TLS_PASSWORD_ENV("portal.tls.password_env", "", "environment variable holding the keystore password"),
    PORTAL_TLS_PASSWORD_FILE("portal.tls.password_file", "", "... or a file holding it"),
    PORTAL_OIDC_ISSUER("portal.oidc.issuer", "", "OpenID Connect issuer URL (its /.well-known/openid-configuration is read at start); empty = no SSO"),
    PORTAL_OIDC_CLIENT_ID("portal.oidc.client_id", "", "the portal's client id at the provider"),
    PORTAL_OIDC_CLIENT_SECRET_ENV("portal.oidc.client_secret_env", "", "environment variable holding the client secret"),
    PORTAL_OIDC_CLIENT_SECRET_FILE("portal.oidc.client_secret_file", "", "... or a file holding it"),
    PORTAL_OIDC_REDIRECT_URL("portal.oidc.redirect_url", "", "the callback URL registered at the provider; empty = http(s)://<portal.bind>/oidc/callback"),
    PORTAL_OIDC_ROLE_CLAIM("portal.oidc.role_claim", "portal_role", "ID token claim holding the role (auditor, compliance or admin; a list may hold several: the highest counts); no role = refused"),
    REPORT_LOCALE("report.locale", "ko", "language of the evidence package's labels and control names: ko or en"),
    REPORT_FONT_DIR("report.font_dir", "/usr/share/fonts/truetype/nanum", "folder holding NanumGothic.ttf and NanumGothicBold.ttf (Debian's fonts-nanum), embedded in the PDF"),
    REPORT_SEED("report.sample.seed", "", "auditor sample seed (a whole number, e.g. supplied by the auditor); `--seed` overrides; empty = derived from the month"),
    REPORT_SAMPLE_SIZES("report.sample.sizes", "{daily: 25, weekly: 5, monthly: 2, quarterly: 2, annual: 1}", "sample size by control frequency; keys given here replace the defaults"),
    REPORT_CONTROL_FREQUENCY("report.sample.frequency", "{}", "map of control id to frequency (daily, weekly, monthly, quarterly, annual); unlisted controls are daily"),
    REPORT_PSEUDONYMISE("report.pseudonymise", "false", "true = every user id and display name in the evidence package (PDF, XLSX, CSV, sample, restatements) is replaced by a keyed pseudonym such as U-7F3A2C19 (HMAC-SHA-256 of the user id); needs the key below; `reveal` maps a pseudonym back"),
    REPORT_PSEUDONYM_KEY_ENV("report.pseudonym_key_env", "", "environment variable holding the pseudonym key (at least 16 characters; the same key gives the same pseudonyms every month)"),
    REPORT_PSEUDONYM_KEY_FILE("report.pseudonym_key_file", "", "... or a file holding it"),
    MAIL_SMTP_HOST("mail.smtp.host", "", "SMTP server the failure-report digest is sent through; required by `digest`"),
    MAIL_SMTP_PORT("mail.smtp.port", "587", "SMTP port (587 submission with starttls; 465 is usual with tls)"),
    MAIL_SMTP_SECURITY("mail.smtp.security", "starttls", "none, starttls (required: the mail is not sent without it) or tls (TLS from the first byte); the server certificate is checked against the JVM's trusted CAs and the host name"),
    MAIL_SMTP_USER("mail.smtp.user", "", "SMTP account; empty = no authentication"),
    MAIL_SMTP_PASSWORD_ENV("mail.smtp.password_env", "", "environment variable holding its password"),
    MAIL_SMTP_PASSWORD_FILE("mail.smtp.password_file", "", "... or a file holding it"),
    MAIL_FROM("mail.from", "", "sender of the digest, e.g. `Audit Warehouse <audit@example.com>`; required by `digest`"),
    MAIL_TO("mail.to", "[]", "list of recipient addresses of the digest; required by `digest`"),
    DIGEST_GROUP_BY("digest.group_by", "approver", "the digest groups failure reports by approver or by department (the approver's `app_user.department`)"),
    REVIEW_SLA("review.sla", "5", "working days (Monday to Friday in `business.zone`) a HIGH finding may stay OPEN (unreviewed) before the digest lists it as ageing"),
    REVIEW_REVIEWER("review.reviewer", "", "the reviewer `review` records when `--as` is not given (automation); a user id of `users.csv`/`app_user` with the COMPLIANCE or ADMIN role"),
    SCHEDULE_NIGHTLY("schedule.nightly", "0 30 2 * * ?", "`scheduler`: Quartz cron expression (in `business.zone`) of the nightly run for yesterday; empty = off"),
    SCHEDULE_REPORT("schedule.report", "0 0 6 1 * ?", "`scheduler`: cron of the evidence package of the month before; empty = off"),
    SCHEDULE_DIGEST("schedule.digest", "0 0 9 ? * MON-FRI", "`scheduler`: cron of the failure-report digest mail; empty = off"),
    SCHEDULE_PROBE("schedule.probe", "", "`scheduler`, for tests and smoke checks: cron of a job that records itself and sleeps `schedule.probe_sleep`; empty = off"),
    SCHEDULE_PROBE_SLEEP("schedule.probe_sleep", "1s", "how long the probe job sleeps"),
    SCHEDULE_MISFIRE_THRESHOLD("schedule.misfire_threshold", "60s", "a fire later than this is a misfire: after downtime one catch-up run is made, not one per missed slot"),
    SCHEDULE_CLUSTER_CHECKIN("schedule.cluster_checkin", "15s", "with `warehouse.jdbc_url`: how often a scheduler node checks in; a node silent for about this plus 7.5 s is taken as dead and its runs are re-run by another"),
    SCHEDULE_THREADS("schedule.threads", "4", "jobs one scheduler node runs at the same time (each kind never runs twice at once)"),
    NOTIFY_TARGETS("notify.targets", "[]", "chat targets, any number: `{name, type: webhook, url_env or url_file}` (Slack, Mattermost) or `{name, type: works, bot_id, channel_id, client_id, client_secret_env or client_secret_file, service_account, private_key_file, api_base, auth_url}` (NAVER WORKS Bot API 2.0); `name` keys the notification ledger"),
    NOTIFY_MIN_SEVERITY("notify.min_severity", "HIGH", "findings at or above this severity are announced, each once per target"),
    NOTIFY_ATTEMPTS("notify.retry.attempts", "4", "requests per message to a target that fails (5xx, 429, unreachable) before it is left for the next run"),
    NOTIFY_MAX_WAIT("notify.retry.max_wait", "60s", "the most one run waits for one target (backoff and Retry-After together); a longer wait is not made and the target is caught up on the next run"),
    NOTIFY_TIMEOUT("notify.timeout", "10s", "connect and response timeout of each request to a chat target"),
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
    static final List<ConfigKey> STRUCTURED = List.of(CONTROLLERS, SEVERITY, REPORT_SAMPLE_SIZES, REPORT_CONTROL_FREQUENCY, NOTIFY_TARGETS);
}
