package io.auditwarehouse.sinks.kibana;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.auditwarehouse.cli.Cli;
import io.auditwarehouse.config.AppConfig;
import io.auditwarehouse.config.ConfigLoader;
import io.auditwarehouse.sinks.WriteFailedException;
import io.auditwarehouse.testing.ElasticsearchServer;
import io.auditwarehouse.testing.RealServices;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Kibana-ready indices in a real Elasticsearch: typed by the shipped templates, replaced per date on re-runs. */
@ExtendWith(RealServices.class)
class KibanaIndexesIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate OCT_1 = LocalDate.of(2026, 10, 1);
    private static final LocalDate OCT_2 = LocalDate.of(2026, 10, 2);

    @TempDir
    Path tmp;
    private ElasticsearchServer es;
    private String prefix;

    @BeforeEach
    void prefix(ElasticsearchServer es) {
        this.es = es;
        this.prefix = ElasticsearchServer.uniquePrefix("kibana-it");
    }

    @AfterEach
    void cleanUp() throws Exception {
        es.deleteIndices(prefix + "-*");
        es.request("DELETE", "/_index_template/" + prefix + "-runs", null);
        es.request("DELETE", "/_index_template/" + prefix + "-findings", null);
    }

    @Test
    void templatesTypeEveryTimeFieldAsDateAndARepublishReplacesTheDatesDocuments() throws Exception {
        KibanaIndexes indexes = KibanaIndexes.forConfig(config());
        Instant t = Instant.parse("2026-09-30T16:00:00Z");
        KibanaIndexes.Published first = indexes.publish("b1", runRows("b1", 3), findingRows("b1", 2), List.of(OCT_1, OCT_2));
        assertEquals(new KibanaIndexes.Published(3, 2), first);

        JsonNode mappings = JSON.readTree(es.get("/" + prefix + "-runs-2026.10/_mapping").body());
        JsonNode runFields = mappings.path(prefix + "-runs-2026.10").path("mappings").path("properties");
        for (String f : List.of("@timestamp", "business_date", "started_at", "finished_at", "approval_decided_at")) {
            assertEquals("date", runFields.path(f).path("type").asText(), "runs " + f + " in " + runFields);
        }
        JsonNode findingFields = JSON.readTree(es.get("/" + prefix + "-findings-2026.10/_mapping").body())
                .path(prefix + "-findings-2026.10").path("mappings").path("properties");
        for (String f : List.of("@timestamp", "business_date", "occurred_at")) {
            assertEquals("date", findingFields.path(f).path("type").asText(), "findings " + f);
        }
        assertEquals("keyword", runFields.path("job_name").path("type").asText());
        assertEquals(3, count(prefix + "-runs"), "the alias covers the monthly index");

        // build 11 is gone from the sources: republishing 2026-10-01 alone must drop it and leave 2026-10-02 alone
        KibanaIndexes.Published second = indexes.publish("b2", runRows("b2", 1), findingRows("b2", 1), List.of(OCT_1));
        assertEquals(new KibanaIndexes.Published(1, 1), second);
        Map<String, JsonNode> after = sources(prefix + "-runs");
        assertEquals(Set.of("batch-a|payments/settle|10", "batch-b|billing/close|7"), after.keySet());
        assertEquals("b2", after.get("batch-a|payments/settle|10").get("batch_id").asText());
        assertEquals("b1", after.get("batch-b|billing/close|7").get("batch_id").asText());
        assertEquals(2, count(prefix + "-findings"));
    }

    @Test
    void nightlyTwiceGivesTheSameDocuments() throws Exception {
        Path cfg = tmp.resolve("kibana.yaml");
        Files.writeString(cfg, "sources:\n  evidence: files\nelasticsearch:\n  url: " + es.url() + "\noutputs:\n  kibana:\n    index_prefix: " + prefix + "\n");
        Path input = Path.of(getClass().getResource("/worked-example").toURI());
        String[] nightly = {"nightly", "--config", cfg.toString(), "--input", input.toString(), "--out", tmp.resolve("out").toString(),
                "--date", "2026-10-01", "--as-of", "2026-10-10T00:00:00+09:00"};
        Cli.expect(0, nightly);
        Map<String, JsonNode> runs = withoutBatchIds(sources(prefix + "-runs"));
        Map<String, JsonNode> findings = withoutBatchIds(sources(prefix + "-findings"));
        assertEquals(4, runs.size());
        assertEquals(6, findings.size());

        Cli.expect(0, nightly);
        assertEquals(runs, withoutBatchIds(sources(prefix + "-runs")));
        assertEquals(findings, withoutBatchIds(sources(prefix + "-findings")));
    }

    @Test
    void anUnreachableServerIsOneReadableWriteFailureWithoutTheKey() throws Exception {
        Path key = tmp.resolve("api-key");
        Files.writeString(key, "c2VjcmV0LWlkOnNlY3JldC1rZXk=");
        Path cfg = tmp.resolve("down.yaml");
        Files.writeString(cfg, "elasticsearch:\n  url: http://127.0.0.1:1\n  api_key_file: " + key + "\n");
        KibanaIndexes indexes = KibanaIndexes.forConfig(ConfigLoader.load(cfg, tmp, tmp.resolve("out")));
        WriteFailedException e = assertThrows(WriteFailedException.class,
                () -> indexes.publish("b1", List.of(), List.of(), List.of(OCT_1)));
        assertTrue(e.getMessage().startsWith("Kibana indexes: cannot reach Elasticsearch at http://127.0.0.1:1"), e.getMessage());
        assertFalse(e.getMessage().contains("c2VjcmV0"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    /** The first n of: builds 10 and 11 on 2026-10-01, build 7 of another job on 2026-10-02, as batch b wrote them. */
    private static List<Row> runRows(String b, int n) {
        Instant t = Instant.parse("2026-09-30T16:00:00Z");
        return List.of(
                KibanaDocumentsTest.run(OCT_1, "batch-a", "payments/settle", 10, t, b),
                KibanaDocumentsTest.run(OCT_1, "batch-a", "payments/settle", 11, t.plusSeconds(60), b),
                KibanaDocumentsTest.run(OCT_2, "batch-b", "billing/close", 7, t.plusSeconds(86_400), b)).subList(0, n);
    }

    private static List<Row> findingRows(String b, int n) {
        Instant t = Instant.parse("2026-09-30T16:00:00Z");
        return List.of(KibanaDocumentsTest.finding("f-1", OCT_1, t, b), KibanaDocumentsTest.finding("f-2", OCT_2, t.plusSeconds(86_400), b))
                .subList(0, n);
    }

    private AppConfig config() throws Exception {
        Path cfg = tmp.resolve("es.yaml");
        Files.writeString(cfg, "sources:\n  evidence: files\nelasticsearch:\n  url: " + es.url() + "\noutputs:\n  kibana:\n    index_prefix: " + prefix + "\n");
        return ConfigLoader.load(cfg, tmp, tmp.resolve("out"));
    }

    private long count(String index) throws Exception {
        return JSON.readTree(es.get("/" + index + "/_count").body()).path("count").asLong(-1);
    }

    /** Every document's _source by _id. */
    private Map<String, JsonNode> sources(String index) throws Exception {
        ElasticsearchServer.Response r = es.request("POST", "/" + index + "/_search", "{\"size\": 1000, \"sort\": [\"_doc\"]}");
        assertEquals(200, r.status(), r.body());
        Map<String, JsonNode> docs = new TreeMap<>();
        for (JsonNode hit : JSON.readTree(r.body()).path("hits").path("hits")) docs.put(hit.get("_id").asText(), hit.get("_source"));
        return docs;
    }

    private static Map<String, JsonNode> withoutBatchIds(Map<String, JsonNode> docs) {
        Map<String, JsonNode> out = new TreeMap<>();
        docs.forEach((id, source) -> out.put(id, ((ObjectNode) source.deepCopy()).put("batch_id", "-")));
        return out;
    }
}
