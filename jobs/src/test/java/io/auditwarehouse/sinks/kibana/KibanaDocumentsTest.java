package io.auditwarehouse.sinks.kibana;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.auditwarehouse.sinks.kibana.KibanaDocuments.Document;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KibanaDocumentsTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final KibanaTemplates TEMPLATES = new KibanaTemplates("audit-recon");

    static Row run(LocalDate date, String controller, String job, int build, Instant started) {
        return run(date, controller, job, build, started, "nightly-1");
    }

    static Row run(LocalDate date, String controller, String job, int build, Instant started, String batchId) {
        return RowFactory.create(date, controller, job, build, started, started.plusMillis(18_342), 18_342L, "FAILURE",
                "MANUAL", "kim", "APR-1", "EXECUTE", "APPROVED", "lee", "park", started.minusSeconds(3600), 1,
                "EXCEPTION", "FAILURE_NOT_REPORTED,SELF_APPROVED", "HIGH", 2, "", true, false, "builds", "agent-07",
                "doc-1,doc-2", batchId);
    }

    static Row finding(String id, LocalDate date, Instant occurred) {
        return finding(id, date, occurred, "nightly-1");
    }

    static Row finding(String id, LocalDate date, Instant occurred, String batchId) {
        return RowFactory.create(id, date, "C5", "FAILURE_NOT_REPORTED", "MEDIUM", "batch-a", "payments/settle", 12,
                "APR-1", "kim", occurred, "The failed run was not reported", "{\"finished\":\"2026-09-26 10:00 KST\"}",
                "nightly-0", batchId);
    }

    @Test
    void runDocumentIsKeyedByControllerJobAndBuildAndStampedWithItsStart() throws Exception {
        Instant started = Instant.parse("2026-09-30T16:50:00.123456Z");
        Document d = KibanaDocuments.run(run(LocalDate.of(2026, 10, 1), "batch-a", "payments/settle", 12, started), "audit-recon");
        assertEquals("batch-a|payments/settle|12", d.id());
        assertEquals("audit-recon-runs-2026.10", d.index());
        JsonNode source = JSON.readTree(d.source());
        assertEquals("2026-09-30T16:50:00.123Z", source.get("@timestamp").asText(), "UTC, milliseconds");
        assertEquals("2026-09-30T16:50:18.465Z", source.get("finished_at").asText());
        assertEquals("2026-10-01", source.get("business_date").asText());
        assertEquals(12, source.get("build_number").asInt());
        assertEquals(List.of("FAILURE_NOT_REPORTED", "SELF_APPROVED"), strings(source.get("reason_codes")));
        assertEquals(0, source.get("not_evaluated").asText().length());
        assertEquals("nightly-1", source.get("batch_id").asText());
    }

    @Test
    void findingDocumentIsKeyedByFindingIdAndCarriesTheBatchThatWroteIt() throws Exception {
        Document d = KibanaDocuments.finding(finding("f-123", LocalDate.of(2026, 9, 30), Instant.parse("2026-09-30T01:02:03Z")),
                "my.prefix");
        assertEquals("f-123", d.id());
        assertEquals("my.prefix-findings-2026.09", d.index());
        JsonNode source = JSON.readTree(d.source());
        assertEquals("2026-09-30T01:02:03.000Z", source.get("@timestamp").asText());
        assertEquals("nightly-1", source.get("batch_id").asText());
        assertEquals("nightly-0", source.get("first_batch_id").asText());
        assertFalse(source.has("last_batch_id"));
    }

    @Test
    void bulkLinesAreAnIndexActionFollowedByTheDocument() throws Exception {
        Document d = KibanaDocuments.finding(finding("f-1", LocalDate.of(2026, 10, 1), Instant.parse("2026-10-01T00:00:00Z")), "p");
        String[] lines = d.bulkLines().split("\n");
        assertEquals(2, lines.length);
        JsonNode action = JSON.readTree(lines[0]).get("index");
        assertEquals("p-findings-2026.10", action.get("_index").asText());
        assertEquals("f-1", action.get("_id").asText());
        assertEquals(d.source(), lines[1]);
    }

    /** The exact bytes: @timestamp first, columns in table order, lists as arrays, nulls kept, JSON escapes. */
    @Test
    void bulkLinesAreExactlyTheDocumentedLayout() {
        Row odd = RowFactory.create(LocalDate.of(2026, 10, 2), "c", "j \"q\" \u00fc\u0001", 3, null, null, null, null, "TIMER", null,
                null, null, null, null, null, null, null, "PENDING", null, null, 0, null, false, true, "audit", null, "x", "b");
        assertEquals("{\"index\":{\"_index\":\"p-runs-2026.10\",\"_id\":\"c|j \\\"q\\\" ü\\u0001|3\"}}" + "\n"
                + "{\"@timestamp\":null,\"business_date\":\"2026-10-02\",\"controller\":\"c\",\"job_name\":\"j \\\"q\\\" ü\\u0001\",\"build_number\":3,\"started_at\":null,\"finished_at\":null,\"duration_ms\":null,\"result\":null,\"trigger_type\":\"TIMER\",\"executor\":null,\"approval_no\":null,\"approval_type\":null,\"approval_status\":null,\"approval_requester\":null,\"approval_approver\":null,\"approval_decided_at\":null,\"approval_run_rank\":null,\"control_status\":\"PENDING\",\"reason_codes\":[],\"max_severity\":null,\"finding_count\":0,\"not_evaluated\":null,\"in_build_records\":false,\"in_audit_trail\":true,\"evidence_sources\":[\"audit\"],\"node\":null,\"source_doc_ids\":\"x\",\"batch_id\":\"b\"}" + "\n", KibanaDocuments.run(odd, "p").bulkLines());
        Document f = KibanaDocuments.finding(finding("f-123", LocalDate.of(2026, 9, 30), Instant.parse("2026-09-30T01:02:03Z")), "audit-recon");
        assertEquals("{\"@timestamp\":\"2026-09-30T01:02:03.000Z\",\"finding_id\":\"f-123\",\"business_date\":\"2026-09-30\",\"control_id\":\"C5\",\"reason_code\":\"FAILURE_NOT_REPORTED\",\"severity\":\"MEDIUM\",\"controller\":\"batch-a\",\"job_name\":\"payments/settle\",\"build_number\":12,\"approval_no\":\"APR-1\",\"actor\":\"kim\",\"occurred_at\":\"2026-09-30T01:02:03.000Z\",\"detail\":\"The failed run was not reported\",\"first_batch_id\":\"nightly-0\",\"batch_id\":\"nightly-1\","
                + "\"disposition\":\"OPEN\",\"disposition_reference\":null,\"reviewed_by\":null,\"reviewed_at\":null,\"approved_by\":null,"
                + "\"disposition_pending\":null}", f.source());
    }

    @Test
    void everyDocumentFieldIsMappedAndEveryTimeFieldIsADate() throws Exception {
        Instant t = Instant.parse("2026-10-01T00:00:00Z");
        assertMapped(KibanaDocuments.RUNS, KibanaDocuments.run(run(LocalDate.of(2026, 10, 1), "c", "j", 1, t), "audit-recon"),
                Set.of("@timestamp", "business_date", "started_at", "finished_at", "approval_decided_at"));
        assertMapped(KibanaDocuments.FINDINGS, KibanaDocuments.finding(finding("f", LocalDate.of(2026, 10, 1), t), "audit-recon"),
                Set.of("@timestamp", "business_date", "occurred_at"));
    }

    @Test
    void templatesDeclareTheirPatternAndAliasForThePrefix() throws Exception {
        JsonNode runs = JSON.readTree(new KibanaTemplates("x-1").indexTemplate(KibanaDocuments.RUNS));
        assertEquals("x-1-runs-*", runs.get("index_patterns").get(0).asText());
        assertTrue(runs.path("template").path("aliases").has("x-1-runs"));
        assertEquals("strict", runs.path("template").path("mappings").path("dynamic").asText());
        assertThrows(io.auditwarehouse.config.ConfigException.class, () -> new KibanaTemplates("audit*"));
    }

    @Test
    void everyFieldTheSavedObjectsReferenceExistsInTheTemplates() throws Exception {
        Set<String> runFields = mappedFields(KibanaDocuments.RUNS);
        Set<String> findingFields = mappedFields(KibanaDocuments.FINDINGS);
        List<JsonNode> objects = new ArrayList<>();
        for (String line : TEMPLATES.savedObjects().split("\n")) if (!line.isBlank()) objects.add(JSON.readTree(line));
        int checked = 0;
        for (JsonNode o : objects) {
            String type = o.get("type").asText();
            JsonNode a = o.get("attributes");
            if (type.equals("index-pattern")) continue;
            if (type.equals("dashboard")) continue;
            Set<String> fields = fieldsOf(dataView(objects, o), runFields, findingFields);
            Set<String> referenced = new TreeSet<>();
            a.path("columns").forEach(c -> referenced.add(c.asText()));
            a.path("sort").forEach(s -> referenced.add(s.get(0).asText()));
            JsonNode search = JSON.readTree(a.path("kibanaSavedObjectMeta").path("searchSourceJSON").asText());
            referenced.addAll(kqlFields(search.path("query").path("query").asText()));
            if (type.equals("visualization")) {
                JsonNode vis = JSON.readTree(a.get("visState").asText());
                vis.path("aggs").forEach(agg -> {
                    if (agg.path("params").has("field")) referenced.add(agg.path("params").get("field").asText());
                });
            }
            assertFalse(referenced.isEmpty(), o.get("id").asText() + " references no field");
            for (String f : referenced) assertTrue(fields.contains(f), o.get("id") + " references unmapped field " + f);
            checked++;
        }
        assertEquals(4, checked, "two searches and two visualizations");
        for (JsonNode o : objects) {
            if (!o.get("type").asText().equals("index-pattern")) continue;
            String title = o.get("attributes").get("title").asText();
            assertTrue(Set.of("audit-recon-runs*", "audit-recon-findings*").contains(title), title);
            String timeField = o.get("attributes").get("timeFieldName").asText();
            assertEquals("date", mappingOf(title.contains("runs") ? KibanaDocuments.RUNS : KibanaDocuments.FINDINGS)
                    .path(timeField).path("type").asText(), title + " time field " + timeField);
        }
    }

    @Test
    void theDashboardReferencesObjectsThatAreShipped() throws Exception {
        Set<String> ids = new TreeSet<>();
        List<JsonNode> objects = new ArrayList<>();
        for (String line : TEMPLATES.savedObjects().split("\n")) {
            JsonNode o = JSON.readTree(line);
            objects.add(o);
            ids.add(o.get("type").asText() + ":" + o.get("id").asText());
        }
        for (JsonNode o : objects) {
            for (JsonNode ref : o.get("references")) {
                assertTrue(ids.contains(ref.get("type").asText() + ":" + ref.get("id").asText()), o.get("id") + " -> " + ref);
            }
        }
        JsonNode dashboard = objects.stream().filter(o -> o.get("type").asText().equals("dashboard")).findFirst().orElseThrow();
        assertEquals(4, JSON.readTree(dashboard.get("attributes").get("panelsJSON").asText()).size());
    }

    private static void assertMapped(String kind, Document d, Set<String> timeFields) throws Exception {
        JsonNode mapping = mappingOf(kind);
        JsonNode source = JSON.readTree(d.source());
        Iterator<String> names = source.fieldNames();
        int n = 0;
        while (names.hasNext()) {
            String name = names.next();
            assertTrue(mapping.has(name), kind + " template does not map " + name);
            n++;
        }
        assertEquals(mapping.size(), n, kind + ": the template maps exactly the document fields");
        for (String t : timeFields) assertEquals("date", mapping.get(t).get("type").asText(), t);
    }

    static JsonNode mappingOf(String kind) throws Exception {
        return JSON.readTree(TEMPLATES.indexTemplate(kind)).path("template").path("mappings").path("properties");
    }

    /** Field names, with multi-fields as {@code name.sub}. */
    static Set<String> mappedFields(String kind) throws Exception {
        Set<String> names = new TreeSet<>();
        mappingOf(kind).fields().forEachRemaining(e -> {
            names.add(e.getKey());
            e.getValue().path("fields").fieldNames().forEachRemaining(sub -> names.add(e.getKey() + "." + sub));
        });
        return names;
    }

    private static String dataView(List<JsonNode> objects, JsonNode o) {
        String id = o.get("references").get(0).get("id").asText();
        return objects.stream().filter(x -> x.get("id").asText().equals(id)).findFirst().orElseThrow()
                .get("attributes").get("title").asText();
    }

    private static Set<String> fieldsOf(String dataViewTitle, Set<String> runs, Set<String> findings) {
        return dataViewTitle.contains("-runs") ? runs : findings;
    }

    /** The field names of a KQL query: the words before ':'. */
    static Set<String> kqlFields(String kql) {
        Set<String> fields = new TreeSet<>();
        Matcher m = Pattern.compile("([A-Za-z@_][\\w.@]*)\\s*:").matcher(kql);
        while (m.find()) fields.add(m.group(1));
        return fields;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asText()));
        return out;
    }
}
