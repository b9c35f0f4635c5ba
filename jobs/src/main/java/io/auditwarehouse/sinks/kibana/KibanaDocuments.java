package io.auditwarehouse.sinks.kibana;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.auditwarehouse.sinks.WarehouseTables;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * recon_run and recon_finding rows as the documents of the Kibana-ready indexes (outputs.md §2): {@code _id} is the
 * natural key, {@code @timestamp} the run's start or the finding's occurrence, times ISO-8601 UTC, one index per month
 * of business date. Pure: no I/O.
 */
public final class KibanaDocuments {

    public static final String RUNS = "runs";
    public static final String FINDINGS = "findings";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter UTC_MILLIS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("uuuu.MM");

    /** One document: where it goes, its id, and its JSON source on one line. */
    public record Document(String index, String id, LocalDate businessDate, String source) {

        /** The two lines of a bulk-API index action. */
        public String bulkLines() {
            ObjectNode meta = JSON.createObjectNode();
            meta.putObject("index").put("_index", index).put("_id", id);
            return meta + "\n" + source + "\n";
        }
    }

    private KibanaDocuments() {
    }

    /** {@code <prefix>-runs-YYYY.MM} or {@code <prefix>-findings-YYYY.MM}. */
    public static String indexName(String prefix, String kind, LocalDate businessDate) {
        return prefix + "-" + kind + "-" + MONTH.format(businessDate);
    }

    public static Document run(Row row, String prefix) {
        ObjectNode doc = source(row, WarehouseTables.RUN_SCHEMA);
        // comma-joined lists in the table, arrays of keywords in Kibana
        splitList(doc, "reason_codes");
        splitList(doc, "evidence_sources");
        doc.set("@timestamp", doc.get("started_at"));
        LocalDate date = localDate(value(row, WarehouseTables.RUN_SCHEMA, "business_date"));
        String id = text(row, "controller") + "|" + text(row, "job_name") + "|" + value(row, WarehouseTables.RUN_SCHEMA, "build_number");
        return new Document(indexName(prefix, RUNS, date), id, date, withTimestampFirst(doc).toString());
    }

    /** last_batch_id becomes batch_id: the batch that last wrote the document, as on runs. */
    public static Document finding(Row row, String prefix) {
        ObjectNode doc = source(row, WarehouseTables.FINDING_SCHEMA);
        doc.set("batch_id", doc.remove("last_batch_id"));
        doc.set("@timestamp", doc.get("occurred_at"));
        LocalDate date = localDate(value(row, WarehouseTables.FINDING_SCHEMA, "business_date"));
        String id = (String) value(row, WarehouseTables.FINDING_SCHEMA, "finding_id");
        return new Document(indexName(prefix, FINDINGS, date), id, date, withTimestampFirst(doc).toString());
    }

    private static ObjectNode source(Row row, StructType schema) {
        if (row.length() != schema.size()) {
            throw new IllegalArgumentException("row has " + row.length() + " columns, expected " + schema.size());
        }
        ObjectNode doc = JSON.createObjectNode();
        String[] names = schema.fieldNames();
        for (int i = 0; i < names.length; i++) put(doc, names[i], row.get(i));
        return doc;
    }

    private static void put(ObjectNode doc, String name, Object v) {
        if (v == null) doc.putNull(name);
        else if (v instanceof Instant || v instanceof java.sql.Timestamp) doc.put(name, UTC_MILLIS.format(instant(v)));
        else if (v instanceof LocalDate || v instanceof java.sql.Date) doc.put(name, localDate(v).toString());
        else if (v instanceof Integer i) doc.put(name, i);
        else if (v instanceof Long l) doc.put(name, l);
        else if (v instanceof Boolean b) doc.put(name, b);
        else doc.put(name, v.toString());
    }

    private static void splitList(ObjectNode doc, String field) {
        String joined = doc.path(field).asText("");
        ArrayNode values = doc.putArray(field);
        for (String v : joined.split(",")) if (!v.isBlank()) values.add(v.strip());
    }

    private static ObjectNode withTimestampFirst(ObjectNode doc) {
        ObjectNode ordered = JSON.createObjectNode();
        ordered.set("@timestamp", doc.remove("@timestamp"));
        ordered.setAll(doc);
        return ordered;
    }

    private static Object value(Row row, StructType schema, String column) {
        return row.get(schema.fieldIndex(column));
    }

    private static String text(Row row, String runColumn) {
        return (String) value(row, WarehouseTables.RUN_SCHEMA, runColumn);
    }

    private static Instant instant(Object v) {
        return v instanceof java.sql.Timestamp t ? t.toInstant() : (Instant) v;
    }

    private static LocalDate localDate(Object v) {
        if (v == null) throw new IllegalArgumentException("business_date is missing");
        return v instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) v;
    }
}
