package io.auditwarehouse.model;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The shipped controls catalog ({@code schemas/control-catalog.csv}): which control each code tests. */
public final class ControlCatalog implements Serializable {

    public static final String RESOURCE = "/schemas/control-catalog.csv";

    /** One row: a reason code with its control and default severity, in English and Korean. */
    public record Entry(String controlId, String controlNameEn, String controlNameKo, String controlTestEn,
                        String controlTestKo, ReasonCode reasonCode, Severity severity, String reasonEn,
                        String reasonKo) implements Serializable {
    }

    private final List<Entry> entries;
    private final Map<ReasonCode, Entry> byCode;

    private ControlCatalog(List<Entry> entries) {
        this.entries = List.copyOf(entries);
        this.byCode = new EnumMap<>(ReasonCode.class);
        for (Entry e : entries) {
            if (byCode.put(e.reasonCode(), e) != null) {
                throw new IllegalStateException("control catalog lists " + e.reasonCode() + " twice");
            }
        }
        for (ReasonCode code : ReasonCode.values()) {
            if (!byCode.containsKey(code)) {
                throw new IllegalStateException("control catalog has no row for " + code);
            }
        }
    }

    public static ControlCatalog shipped() {
        return ShippedCsv.read(RESOURCE, "control catalog", ControlCatalog::read);
    }

    static ControlCatalog read(Reader csv) throws IOException {
        List<Entry> rows = new ArrayList<>();
        for (CSVRecord r : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(csv)) {
            rows.add(new Entry(r.get("control_id"), r.get("control_name_en"), r.get("control_name_ko"),
                    r.get("control_test_en"), r.get("control_test_ko"), ReasonCode.valueOf(r.get("reason_code")),
                    Severity.valueOf(r.get("severity")), r.get("reason_en"), r.get("reason_ko")));
        }
        return new ControlCatalog(rows);
    }

    public List<Entry> entries() {
        return Collections.unmodifiableList(entries);
    }

    /** The control ids, in catalog order (C1 ... C6). */
    public List<String> controlIds() {
        return entries.stream().map(Entry::controlId).distinct().toList();
    }

    public String controlOf(ReasonCode code) {
        return byCode.get(code).controlId();
    }

    /** Catalog severities with the configured overrides applied. */
    public Map<ReasonCode, Severity> severities(Map<ReasonCode, Severity> overrides) {
        Map<ReasonCode, Severity> result = new EnumMap<>(ReasonCode.class);
        for (Entry e : entries) result.put(e.reasonCode(), e.severity());
        result.putAll(overrides);
        return result;
    }
}
