package io.auditwarehouse.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.auditwarehouse.testing.ElasticsearchServer;
import io.auditwarehouse.testing.RealServices;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 12: the Kibana finding documents in a real Elasticsearch carry the current disposition, a recorded review
 * updates them at once, a re-run keeps it, and the saved search "Open exceptions" selects findings open by disposition.
 */
@ExtendWith(RealServices.class)
class ReviewKibanaIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;
    private ElasticsearchServer es;
    private String prefix;

    @BeforeEach
    void prefix(ElasticsearchServer es) {
        this.es = es;
        this.prefix = ElasticsearchServer.uniquePrefix("review-it");
    }

    @AfterEach
    void cleanUp() throws Exception {
        es.deleteIndices(prefix + "-*");
        es.deleteIndexTemplates(prefix + "-*");
    }

    @Test
    void aReviewUpdatesTheFindingDocumentAndTheOpenSearchNoLongerFindsIt() throws Exception {
        Path input = ReviewedExample.input(tmp.resolve("input"));
        Path out = tmp.resolve("out");
        String config = Files.writeString(tmp.resolve("es.yaml"), "sources:\n  evidence: files\nelasticsearch:\n  url: " + es.url()
                + "\noutputs:\n  kibana:\n    index_prefix: " + prefix + "\n").toString();
        ReviewedExample.nightly(input, out, "--config", config);
        String index = prefix + "-findings-2026.10";
        es.refresh(index);
        long findings = count(index, "{\"query\": {\"match_all\": {}}}");
        assertTrue(findings >= 6, "the worked example's findings: " + findings);
        assertEquals(findings, open(index), "nothing reviewed yet: every finding is open");

        String gap = ReviewedExample.findingId(out, "BUILD_NUMBER_GAP", 13, "--config", config);
        Cli r = Cli.expect(0, "review", "--config", config, "--input", input.toString(), "--out", out.toString(), gap,
                "--disposition", "REMEDIATED", "--reference", "INC-4711", "--as", "han.audit");
        assertTrue(r.out().contains("1 Kibana finding document(s) updated"), r.out());
        JsonNode doc = source(index, gap);
        assertEquals("REMEDIATED|INC-4711|han.audit", doc.path("disposition").asText() + "|" + doc.path("disposition_reference").asText()
                + "|" + doc.path("reviewed_by").asText());
        assertEquals("BUILD_NUMBER_GAP", doc.path("reason_code").asText(), "the rest of the document is as published");
        assertEquals(findings - 1, open(index));

        ReviewedExample.nightly(input, out, "--config", config); // republishing the date keeps the disposition
        es.refresh(index);
        assertEquals("REMEDIATED", source(index, gap).path("disposition").asText());
        assertEquals(findings - 1, open(index));
    }

    @Test
    void theSavedSearchOpenExceptionsMeansFindingsOpenByDisposition() throws Exception {
        JsonNode search = null;
        for (String line : Files.readAllLines(Path.of("..", "schemas", "kibana", "saved-objects.ndjson"))) {
            JsonNode o = JSON.readTree(line);
            if ("Open exceptions".equals(o.path("attributes").path("title").asText())) search = o;
        }
        assertTrue(search != null, "the saved search exists");
        JsonNode source = JSON.readTree(search.path("attributes").path("kibanaSavedObjectMeta").path("searchSourceJSON").asText());
        assertEquals("disposition : \"OPEN\"", source.path("query").path("query").asText());
        assertEquals("audit-recon-findings", search.path("references").get(0).path("id").asText());
    }

    private long open(String index) throws Exception {
        return count(index, "{\"query\": {\"term\": {\"disposition\": \"OPEN\"}}}");
    }

    private long count(String index, String query) throws Exception {
        return JSON.readTree(es.request("POST", "/" + index + "/_count", query).body()).path("count").asLong(-1);
    }

    private JsonNode source(String index, String id) throws Exception {
        return JSON.readTree(es.get("/" + index + "/_doc/" + java.net.URLEncoder.encode(id, java.nio.charset.StandardCharsets.UTF_8)).body())
                .path("_source");
    }
}
