package io.auditwarehouse.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.auditwarehouse.errors.Checkpoints;
import io.auditwarehouse.sinks.BatchRecord;
import io.auditwarehouse.testing.CliProcess;
import io.auditwarehouse.testing.ElasticsearchServer;
import io.auditwarehouse.testing.PrivateElasticsearch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 10 item 5 against a real Elasticsearch, one of the test's own (the shared one must stay up): a nightly paused by
 * its checkpoint right after the warehouse commit, Elasticsearch killed at exactly that point, then the nightly let go.
 * It exits 4 with the batch PUBLISHED_WAREHOUSE_ONLY; once Elasticsearch is back, a nightly of later dates republishes
 * the owed dates, and the indices hold, document for document, what two undisturbed nightlies leave.
 */
@Timeout(value = 15, unit = TimeUnit.MINUTES)
class ElasticsearchKilledBetweenPublishesIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String AS_OF = "2026-10-10T00:00:00+09:00";
    /** 2026-09-24 .. 2026-10-01 (lookback 7 days). */
    private static final String FIRST = "2026-10-01";
    /** 2026-10-02 .. 2026-10-09: none of the first nightly's dates. */
    private static final String SECOND = "2026-10-09";

    @TempDir
    Path tmp;

    @Test
    void theNextNightlyRepublishesTheIndexesOwedWhenElasticsearchDiedBetweenThePublishes() throws Exception {
        try (PrivateElasticsearch es = PrivateElasticsearch.start()) {
            ElasticsearchServer server = es.server();
            Path undisturbed = tmp.resolve("undisturbed");
            String undisturbedConfig = config(es, "undisturbed");
            Cli.expect(ExitCodes.OK, nightly(undisturbed, undisturbedConfig, FIRST));
            Cli.expect(ExitCodes.OK, nightly(undisturbed, undisturbedConfig, SECOND));

            Path out = tmp.resolve("out");
            String config = config(es, "owed");
            CliProcess first = CliProcess.start(tmp, "first", List.of(),
                    Map.of(Checkpoints.ENV, Checkpoints.AFTER_WAREHOUSE_PUBLISH + ":pause"), nightly(out, config, FIRST));
            first.awaitPause(Checkpoints.AFTER_WAREHOUSE_PUBLISH, Duration.ofMinutes(5));
            es.kill();
            first.resume();
            first.expectExit(ExitCodes.WRITE_FAILED, Duration.ofMinutes(5));

            BatchRecord owed = OwedKibanaIndexesTest.ledger(out).values().iterator().next();
            assertEquals(BatchRecord.PUBLISHED_WAREHOUSE_ONLY, owed.status(), owed.toString());
            List<String> errors = first.output().lines().filter(l -> l.startsWith("error")).toList();
            assertEquals(1, errors.size(), first.output());
            assertTrue(errors.get(0).startsWith("error (write failed): batch " + owed.batchId() + " is PUBLISHED_WAREHOUSE_ONLY:"
                    + " the warehouse is published and the Kibana indexes are owed; the next nightly or backfill republishes"
                    + " them (Kibana indexes: cannot reach Elasticsearch at " + es.url()), errors.get(0));

            es.startAgain();
            assertEquals(Map.of(), documents(server, out, "owed"), "the indexes lag: nothing was indexed");
            Cli repaid = Cli.expect(ExitCodes.OK, nightly(out, config, SECOND));
            assertTrue(repaid.err().contains("kibana: republished the Kibana indexes owed by " + owed.batchId()), repaid.err());
            assertEquals(BatchRecord.COMPLETED, OwedKibanaIndexesTest.ledger(out).get(owed.batchId()).status());

            Map<String, String> expected = documents(server, undisturbed, "undisturbed");
            assertEquals(10, expected.size(), "the worked example's 4 run and 6 finding documents: " + expected.keySet());
            assertEquals(expected, documents(server, out, "owed"), "document for document, as two undisturbed nightlies left them");
        }
    }

    private static String[] nightly(Path out, String config, String date) throws Exception {
        return new String[]{"nightly", "--input", WorkedExampleTest.resource("worked-example").toString(), "--out", out.toString(),
                "--config", config, "--date", date, "--as-of", AS_OF};
    }

    private String config(PrivateElasticsearch es, String prefix) throws Exception {
        return Files.writeString(tmp.resolve(prefix + ".yaml"), "sources:\n  evidence: files\nelasticsearch:\n  url: " + es.url()
                + "\noutputs:\n  kibana:\n    index_prefix: " + prefix + "\n").toString();
    }

    /**
     * Every document under the prefix by index (without the prefix) and id, each batch id replaced by its place in the
     * ledger ("batch 1", "batch 2"): the ids differ between the two warehouses, which batch wrote what must not.
     */
    private static Map<String, String> documents(ElasticsearchServer server, Path out, String prefix) throws Exception {
        server.refresh(prefix + "-*");
        ElasticsearchServer.Response r = server.request("POST", "/" + prefix + "-*/_search?ignore_unavailable=true&allow_no_indices=true",
                "{\"size\": 10000, \"sort\": [\"_doc\"]}");
        assertEquals(200, r.status(), r.body());
        List<String> batches = OwedKibanaIndexesTest.ledger(out).values().stream()
                .sorted(Comparator.comparing(BatchRecord::startedAt)).map(BatchRecord::batchId).toList();
        Map<String, String> docs = new TreeMap<>();
        for (JsonNode hit : JSON.readTree(r.body()).path("hits").path("hits")) {
            String source = JSON.writeValueAsString(hit.path("_source"));
            for (int i = 0; i < batches.size(); i++) source = source.replace(batches.get(i), "batch " + (i + 1));
            docs.put(hit.path("_index").asText().substring(prefix.length()) + "/" + hit.path("_id").asText(), source);
        }
        return docs;
    }
}
