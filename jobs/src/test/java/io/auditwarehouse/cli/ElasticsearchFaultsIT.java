package io.auditwarehouse.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.auditwarehouse.errors.Checkpoints;
import io.auditwarehouse.sinks.kibana.KibanaTemplates;
import io.auditwarehouse.testing.CliProcess;
import io.auditwarehouse.testing.ElasticsearchServer;
import io.auditwarehouse.testing.PrivateElasticsearch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Elasticsearch faults against nodes of the test's own (the shared one must stay up): killed in the middle of the
 * sliced read of the evidence, and so busy that it rejects bulk writes (a write thread pool of one thread and a queue
 * of one). Down at start is {@code ServerSourcesIT.anUnreachableElasticsearchExitsThreeAndPublishesNothing}.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class ElasticsearchFaultsIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    /**
     * A nightly reading its evidence from Elasticsearch, stopped by its checkpoint after the first document of a slice,
     * Elasticsearch killed there, the nightly let go: the read fails, is retried within the bounded time, then the
     * command exits 3 naming the source, publishes nothing and leaves its batch FAILED in the ledger.
     */
    @Test
    void elasticsearchKilledInTheMiddleOfASlicedReadIsRetriedBoundedThenExitsThreeAndNothingIsPublished() throws Exception {
        try (PrivateElasticsearch es = PrivateElasticsearch.start()) {
            Path config = Files.writeString(tmp.resolve("es.yaml"), String.join("\n",
                    "sources:", "  builds:", "    index: src-builds-*", "  audit:", "    index: src-audit-*",
                    "elasticsearch:", "  url: " + es.url(), "outputs:", "  kibana:", "    index_prefix: killed", ""));
            Path input = tmp.resolve("input");
            Cli.expect(ExitCodes.OK, "generate", "--month", FaultMatrix.MONTH, "--runs", "400", "--seed", "10", "--out", input.toString(),
                    "--to", "files,es", "--config", config.toString());
            Path out = tmp.resolve("out");
            CliProcess nightly = CliProcess.start(tmp, "nightly", List.of(), Map.of(Checkpoints.ENV, Checkpoints.READING_SOURCES + ":pause"),
                    "nightly", "--input", input.toString(), "--out", out.toString(), "--config", config.toString(),
                    "--date", FaultMatrix.DATE, "--as-of", FaultMatrix.AS_OF);
            nightly.awaitPause(Checkpoints.READING_SOURCES, Duration.ofMinutes(5));
            es.kill();
            long released = System.nanoTime();
            nightly.release();
            nightly.expectExit(ExitCodes.SOURCE_UNAVAILABLE, Duration.ofMinutes(5));
            double seconds = (System.nanoTime() - released) / 1e9;
            System.out.printf("Elasticsearch killed mid-read: exit 3 %.1f s after the release%n", seconds);

            List<String> errors = nightly.output().lines().filter(l -> l.startsWith("error")).toList();
            assertEquals(1, errors.size(), nightly.output());
            String line = errors.get(0);
            assertTrue(line.startsWith("error (source unavailable): "), line);
            assertTrue(line.contains("127.0.0.1:" + es.server().port()) || line.contains("elasticsearch"), line);
            Matcher attempts = Pattern.compile("after (\\d+) attempts").matcher(line);
            assertTrue(attempts.find() && Integer.parseInt(attempts.group(1)) >= 2, "retried: " + line);
            assertTrue(seconds < 90, "bounded: " + seconds + " s");
            assertFalse(nightly.output().contains("\tat "), "no stack trace: " + nightly.output());

            assertFalse(Files.exists(out.resolve("warehouse/recon_run")), "nothing published");
            assertFalse(Files.exists(out.resolve("kibana")), "no Kibana file");
            try (FaultMatrix.Sql sql = EmbeddedWarehouseFaultsTest.sql(out)) {
                assertEquals(List.of("FAILED"), List.copyOf(FaultMatrix.ledger(sql).values()), "the batch is FAILED in the ledger");
            }
        }
    }

    /**
     * The Kibana-index publisher against a node whose write pool holds one request and queues one, with indices of 8
     * shards so that each bulk request fans out into 8 shard requests: the node really rejects some (429, counted in its
     * thread pool stats). Only the rejected documents are sent again, with backoff; the indices then hold exactly the
     * documents an undisturbed run writes to its bulk files: none lost, none twice.
     */
    @Test
    void writeRejectionsAreRetriedForTheRejectedDocumentsOnlyWithNoDuplicateAndNoLoss() throws Exception {
        try (PrivateElasticsearch es = PrivateElasticsearch.start("thread_pool.write.size=1", "thread_pool.write.queue_size=1")) {
            ElasticsearchServer server = es.server();
            String prefix = "busy";
            KibanaTemplates templates = new KibanaTemplates(prefix);
            for (String kind : List.of("runs", "findings")) {
                ElasticsearchServer.Response t = server.request("PUT", "/_index_template/" + templates.templateName(kind),
                        templates.indexTemplate(kind));
                assertEquals(200, t.status(), t.body());
                // the template's mappings and aliases, with more shards than the write pool and its queue hold
                ElasticsearchServer.Response i = server.request("PUT", "/" + prefix + "-" + kind + "-" + FaultMatrix.MONTH.replace('-', '.'),
                        "{\"settings\": {\"number_of_shards\": 8, \"number_of_replicas\": 0}}");
                assertEquals(200, i.status(), i.body());
            }
            Path config = Files.writeString(tmp.resolve("busy.yaml"), String.join("\n",
                    "sources:", "  evidence: files", "elasticsearch:", "  url: " + es.url(), "outputs:", "  kibana:",
                    "    index_prefix: " + prefix, ""));
            Cli.expect(ExitCodes.OK, FaultMatrix.nightly(tmp.resolve("busy"), config.toString()));
            long rejected = writeRejections(server);
            System.out.println("write rejections: the node rejected " + rejected + " write requests");
            assertTrue(rejected > 0, "the node rejected writes: " + rejected);

            Path files = tmp.resolve("files");
            Cli.expect(ExitCodes.OK, FaultMatrix.nightly(files, null));
            Map<String, JsonNode> expected = bulkFileDocuments(files);
            assertTrue(expected.size() > 50, "runs and findings of eight days: " + expected.size());
            server.refresh(prefix + "-*");
            ElasticsearchServer.Response count = server.get("/" + prefix + "-*/_count");
            assertEquals(expected.size(), JSON.readTree(count.body()).path("count").asInt(), "no document twice, none lost");
            assertEquals(expected, indexedDocuments(server, prefix), "document for document, as the bulk files");
        }
    }

    /** The write thread pool's rejected count, summed over the nodes. */
    private static long writeRejections(ElasticsearchServer server) throws Exception {
        ElasticsearchServer.Response stats = server.get("/_nodes/stats/thread_pool");
        assertEquals(200, stats.status(), stats.body());
        long rejected = 0;
        for (JsonNode node : JSON.readTree(stats.body()).path("nodes")) rejected += node.path("thread_pool").path("write").path("rejected").asLong();
        return rejected;
    }

    /** The documents of the bulk files under {@code <out>/kibana}, by index (without its prefix) and id. */
    private static Map<String, JsonNode> bulkFileDocuments(Path out) throws Exception {
        Map<String, JsonNode> docs = new TreeMap<>();
        for (Map.Entry<String, String> file : FaultMatrix.kibanaFiles(out).entrySet()) {
            if (!file.getKey().endsWith(".ndjson") || !file.getKey().contains("/")) continue;
            List<String> lines = file.getValue().lines().toList();
            for (int i = 0; i + 1 < lines.size(); i += 2) {
                JsonNode action = JSON.readTree(lines.get(i)).path("index");
                String index = action.path("_index").asText();
                docs.put(index.substring(KibanaTemplates.DEFAULT_PREFIX.length() + 1) + "/" + action.path("_id").asText(), JSON.readTree(lines.get(i + 1)));
            }
        }
        return docs;
    }

    private static Map<String, JsonNode> indexedDocuments(ElasticsearchServer server, String prefix) throws Exception {
        ElasticsearchServer.Response r = server.request("POST", "/" + prefix + "-*/_search", "{\"size\": 10000, \"sort\": [\"_doc\"]}");
        assertEquals(200, r.status(), r.body());
        Map<String, JsonNode> docs = new TreeMap<>();
        String normalised = r.body().replaceAll("(nightly|backfill)-\\d{8}T\\d{6}Z-[0-9a-f]{6}", "<batch>");
        for (JsonNode hit : JSON.readTree(normalised).path("hits").path("hits")) {
            docs.put(hit.path("_index").asText().substring(prefix.length() + 1) + "/" + hit.path("_id").asText(), hit.path("_source"));
        }
        return docs;
    }
}
