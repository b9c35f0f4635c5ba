package io.auditwarehouse.sinks.kibana;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.auditwarehouse.cli.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The embedded default: the worked example's nightly leaves bulk-API files a re-run reproduces. */
class KibanaBulkFilesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path out;

    @Test
    void nightlyWritesOneBulkFilePerIndexAndDateAndARerunLeavesTheSameDocuments() throws Exception {
        Path kibana = out.resolve("kibana");
        nightly();
        Path runs = kibana.resolve("audit-recon-runs-2026.10/2026-10-01.ndjson");
        Path findings = kibana.resolve("audit-recon-findings-2026.10/2026-10-01.ndjson");
        List<JsonNode> runLines = lines(runs);
        assertEquals(8, runLines.size(), "4 run documents, each an action line and a source line");
        assertEquals(12, lines(findings).size(), "6 finding documents");
        assertEquals("audit-recon-runs-2026.10", runLines.get(0).path("index").path("_index").asText());
        assertTrue(runLines.get(1).has("@timestamp"));
        assertTrue(Files.exists(kibana.resolve("saved-objects.ndjson")));
        assertTrue(Files.exists(kibana.resolve("index-template-audit-recon-runs.json")));
        assertTrue(Files.exists(kibana.resolve("index-template-audit-recon-findings.json")));

        Map<Path, String> first = files(kibana);
        nightly();
        Map<Path, String> second = files(kibana);
        assertEquals(first.keySet(), second.keySet(), "no file added or left behind");
        assertNotEquals(first.get(runs), second.get(runs), "the second batch wrote its own batch id");
        for (Path f : first.keySet()) assertEquals(withoutBatchIds(first.get(f)), withoutBatchIds(second.get(f)), f.toString());
    }

    private void nightly() throws Exception {
        Path input = Path.of(getClass().getResource("/worked-example").toURI());
        Cli.expect(0, "nightly", "--input", input.toString(), "--out", out.toString(),
                "--date", "2026-10-01", "--as-of", "2026-10-10T00:00:00+09:00");
    }

    private static List<JsonNode> lines(Path file) throws Exception {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : Files.readAllLines(file)) nodes.add(JSON.readTree(line));
        return nodes;
    }

    private static Map<Path, String> files(Path root) throws Exception {
        Map<Path, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.filter(Files::isRegularFile).toList()) files.put(p, Files.readString(p));
        }
        return files;
    }

    /** The content with each document's batch_id blanked: the one field a new batch must change. */
    private static String withoutBatchIds(String content) throws Exception {
        StringBuilder b = new StringBuilder();
        for (String line : content.split("\n")) {
            if (line.startsWith("{\"@timestamp\"")) {
                ObjectNode doc = (ObjectNode) JSON.readTree(line);
                doc.put("batch_id", "-");
                line = doc.toString();
            }
            b.append(line).append('\n');
        }
        return b.toString();
    }
}
