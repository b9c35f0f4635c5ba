package io.auditwarehouse.sinks.kibana;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.auditwarehouse.model.FindingStatus;
import io.auditwarehouse.sinks.WarehouseTables;
import org.apache.spark.sql.Row;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Set;

/**
 * recon_run and recon_finding rows as the documents of the Kibana-ready indexes (outputs.md §2): {@code _id} is the
 * natural key, {@code @timestamp} the run's start or the finding's occurrence, times ISO-8601 UTC, one index per month
 * of business date. Pure: no I/O.
 */
public final class KibanaDocuments {

    public static final String RUNS = "runs";
    public static final String FINDINGS = "findings";

    private static final JsonFactory JSON = new JsonFactory();
    private static final DateTimeFormatter UTC_MILLIS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("uuuu.MM");
    private static final String[] RUN_FIELDS = WarehouseTables.RUN_SCHEMA.fieldNames();
    private static final String[] FINDING_FIELDS = WarehouseTables.FINDING_SCHEMA.fieldNames();
    /** Comma-joined lists in the table, arrays of keywords in Kibana. */
    private static final Set<String> LISTS = Set.of("reason_codes", "evidence_sources");
    private static final int RUN_DATE = WarehouseTables.RUN_SCHEMA.fieldIndex("business_date");
    private static final int RUN_STARTED = WarehouseTables.RUN_SCHEMA.fieldIndex("started_at");
    private static final int RUN_CONTROLLER = WarehouseTables.RUN_SCHEMA.fieldIndex("controller");
    private static final int RUN_JOB = WarehouseTables.RUN_SCHEMA.fieldIndex("job_name");
    private static final int RUN_BUILD = WarehouseTables.RUN_SCHEMA.fieldIndex("build_number");
    private static final int FINDING_ID = WarehouseTables.FINDING_SCHEMA.fieldIndex("finding_id");
    private static final int FINDING_DATE = WarehouseTables.FINDING_SCHEMA.fieldIndex("business_date");
    private static final int FINDING_OCCURRED = WarehouseTables.FINDING_SCHEMA.fieldIndex("occurred_at");
    private static final String LAST_BATCH = "last_batch_id";

    /** One document: where it goes, its id, and its JSON source on one line. */
    public record Document(String index, String id, LocalDate businessDate, String source) {

        /** The two lines of a bulk-API index action. */
        public String bulkLines() {
            return json(g -> {
                g.writeObjectFieldStart("index");
                g.writeStringField("_index", index);
                g.writeStringField("_id", id);
                g.writeEndObject();
            }) + "\n" + source + "\n";
        }
    }

    private KibanaDocuments() {
    }

    /** {@code <prefix>-runs-YYYY.MM} or {@code <prefix>-findings-YYYY.MM}. */
    public static String indexName(String prefix, String kind, LocalDate businessDate) {
        return prefix + "-" + kind + "-" + MONTH.format(businessDate);
    }

    /** {@code @timestamp} (the start) first, then the columns in table order. */
    public static Document run(Row row, String prefix) {
        checkWidth(row, RUN_FIELDS);
        LocalDate date = localDate(row.get(RUN_DATE));
        String source = json(g -> {
            put(g, "@timestamp", row.get(RUN_STARTED));
            for (int i = 0; i < RUN_FIELDS.length; i++) {
                if (LISTS.contains(RUN_FIELDS[i])) putList(g, RUN_FIELDS[i], (String) row.get(i));
                else put(g, RUN_FIELDS[i], row.get(i));
            }
        });
        String id = row.get(RUN_CONTROLLER) + "|" + row.get(RUN_JOB) + "|" + row.get(RUN_BUILD);
        return new Document(indexName(prefix, RUNS, date), id, date, source);
    }

    /** A finding nobody has reviewed: disposition OPEN. */
    public static Document finding(Row row, String prefix) {
        return finding(row, prefix, null);
    }

    /**
     * last_batch_id becomes batch_id: the batch that last wrote the document, as on runs; then the finding's current
     * disposition (issue 12; OPEN when {@code status} is null), which a recorded review updates in place.
     */
    public static Document finding(Row row, String prefix, FindingStatus status) {
        checkWidth(row, FINDING_FIELDS);
        LocalDate date = localDate(row.get(FINDING_DATE));
        String source = json(g -> {
            put(g, "@timestamp", row.get(FINDING_OCCURRED));
            Object lastBatch = null;
            for (int i = 0; i < FINDING_FIELDS.length; i++) {
                if (FINDING_FIELDS[i].equals(LAST_BATCH)) lastBatch = row.get(i);
                else put(g, FINDING_FIELDS[i], row.get(i));
            }
            put(g, "batch_id", lastBatch);
            dispositionFields(g, status == null ? FindingStatus.open((String) row.get(FINDING_ID)) : status);
        });
        return new Document(indexName(prefix, FINDINGS, date), (String) row.get(FINDING_ID), date, source);
    }

    /** The fields a review changes, as a partial document for an update. */
    public static String dispositionDocument(FindingStatus status) {
        return json(g -> dispositionFields(g, status));
    }

    private static void dispositionFields(JsonGenerator g, FindingStatus s) throws IOException {
        put(g, "disposition", s.disposition().name());
        put(g, "disposition_reference", s.reference());
        put(g, "reviewed_by", s.reviewer());
        put(g, "reviewed_at", s.reviewedAt());
        put(g, "approved_by", s.approvedBy());
        put(g, "disposition_pending", s.pendingDisposition() == null ? null : s.pendingDisposition().name());
    }

    @FunctionalInterface
    private interface Fields {
        void write(JsonGenerator g) throws IOException;
    }

    /** One JSON object on one line, written by a streaming generator: tree nodes cost more than the rules. */
    private static String json(Fields fields) {
        StringWriter out = new StringWriter(512);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            fields.write(g);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.toString();
    }

    private static void checkWidth(Row row, String[] fields) {
        if (row.length() != fields.length) {
            throw new IllegalArgumentException("row has " + row.length() + " columns, expected " + fields.length);
        }
    }

    private static void put(JsonGenerator g, String name, Object v) throws IOException {
        if (v == null) g.writeNullField(name);
        else if (v instanceof Instant || v instanceof java.sql.Timestamp) g.writeStringField(name, UTC_MILLIS.format(instant(v)));
        else if (v instanceof LocalDate || v instanceof java.sql.Date) g.writeStringField(name, localDate(v).toString());
        else if (v instanceof Integer i) g.writeNumberField(name, i);
        else if (v instanceof Long l) g.writeNumberField(name, l);
        else if (v instanceof Boolean b) g.writeBooleanField(name, b);
        else g.writeStringField(name, v.toString());
    }

    private static void putList(JsonGenerator g, String name, String joined) throws IOException {
        g.writeArrayFieldStart(name);
        if (joined != null) for (String v : joined.split(",")) if (!v.isBlank()) g.writeString(v.strip());
        g.writeEndArray();
    }

    private static Instant instant(Object v) {
        return v instanceof java.sql.Timestamp t ? t.toInstant() : (Instant) v;
    }

    private static LocalDate localDate(Object v) {
        if (v == null) throw new IllegalArgumentException("business_date is missing");
        return v instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) v;
    }
}
