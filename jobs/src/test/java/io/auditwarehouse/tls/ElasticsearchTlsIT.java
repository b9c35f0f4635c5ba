package io.auditwarehouse.tls;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.auditwarehouse.cli.Cli;
import io.auditwarehouse.cli.WarehouseSnapshot;
import io.auditwarehouse.testing.FailedRun;
import io.auditwarehouse.testing.ElasticsearchServer;
import io.auditwarehouse.testing.RealServices;
import io.auditwarehouse.testing.TestCa;
import io.auditwarehouse.testing.TlsProxy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The nightly job through the TLS-terminating nginx of bin/test-services: https with the test CA, basic auth on one
 * port and an API key on the other, read with Elasticsearch-Hadoop and published to the Kibana indexes, gives the
 * tables and documents of a run over plain http. Wrong credentials, a wrong CA and plain http on the https port fail
 * at the first attempt (exit 6) with one line naming the key to fix and holding no secret: each runs as an operator
 * runs it, in a JVM of its own, so every byte it printed is checked.
 */
class ElasticsearchTlsIT {

    private static final String DATE = "2026-10-20";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path tmp;

    private static TlsProxy proxy;
    private static ElasticsearchServer es;
    private static String prefix;
    private static Path input;
    private static String asOf;
    private static Map<String, List<String>> plainTables;
    private static Map<String, String> plainDocuments;

    @BeforeAll
    static void loadAMonthAndRunItOverPlainHttp() throws Exception {
        proxy = TlsProxy.fromEnvironment(); // first: without the proxy the test fails here, naming what starts it
        es = RealServices.elasticsearch();
        prefix = ElasticsearchServer.uniquePrefix("aw-tls");
        input = tmp.resolve("input");
        Path plain = config("plain", List.of("  url: " + es.url()));
        Cli.expect(0, "generate", "--month", "2026-10", "--runs", "300", "--seed", "11", "--out", input.toString(),
                "--to", "files,es", "--config", plain.toString());
        asOf = JSON.readTree(input.resolve("generation.json").toFile()).get("as_of").asText();
        Path out = tmp.resolve("out-plain");
        Cli.expect(0, "nightly", "--config", plain.toString(), "--input", input.toString(), "--out", out.toString(),
                "--date", DATE, "--as-of", asOf);
        plainTables = WarehouseSnapshot.of(out, false);
        plainDocuments = documents("plain");
        assertFalse(plainDocuments.isEmpty(), "the plain run indexed documents");
    }

    @AfterAll
    static void deleteIndices() throws Exception {
        if (es == null) return;
        es.deleteIndices(prefix + "-*");
        es.deleteIndexTemplates(prefix + "-*");
    }

    @Test
    void httpsWithBasicAuthGivesThePlainRunsTablesAndDocuments() throws Exception {
        Path config = config("basic", List.of("  url: " + proxy.basicUrl(), "  user: " + proxy.user(),
                "  password_file: " + proxy.passwordFile(), "  ca_file: " + proxy.caFile()));
        assertSameAsPlain("basic", config);
    }

    @Test
    void httpsWithAnApiKeyGivesThePlainRunsTablesAndDocuments() throws Exception {
        Path config = config("apikey", List.of("  url: " + proxy.apiKeyUrl(), "  api_key_file: " + proxy.apiKeyFile(),
                "  ca_file: " + proxy.caFile()));
        assertSameAsPlain("apikey", config);
    }

    @Test
    void aWrongPasswordIsRefusedAtOnceWithoutShowingIt() throws Exception {
        String wrong = "wrong-" + proxy.password();
        Path password = Files.writeString(tmp.resolve("wrong-password"), wrong);
        Path config = config("wrong-password", List.of("  url: " + proxy.basicUrl(), "  user: " + proxy.user(),
                "  password_file: " + password, "  ca_file: " + proxy.caFile()));
        String line = refused("wrong-password", config, Map.of(), List.of(wrong, proxy.user() + ":" + wrong, proxy.password()));
        assertTrue(line.contains("authentication failed") && line.contains("elasticsearch.user and elasticsearch.password_env"), line);
    }

    @Test
    void aWrongApiKeyIsRefusedAtOnceWithoutShowingIt() throws Exception {
        String idAndKey = "aw-wrong:" + Long.toHexString(System.nanoTime());
        String wrong = Base64.getEncoder().encodeToString(idAndKey.getBytes(StandardCharsets.UTF_8));
        Path config = config("wrong-apikey", List.of("  url: " + proxy.apiKeyUrl(), "  api_key_env: AW_TLS_IT_API_KEY",
                "  ca_file: " + proxy.caFile()));
        String line = refused("wrong-apikey", config, Map.of("AW_TLS_IT_API_KEY", wrong), List.of(wrong, idAndKey, proxy.apiKey()));
        assertTrue(line.contains("authentication failed") && line.contains("elasticsearch.api_key_env"), line);
    }

    @Test
    void aCertificateFromAnotherCaIsRefusedAtOnce() throws Exception {
        TestCa other = TestCa.create(tmp.resolve("other-ca"), "another CA");
        Path config = config("wrong-ca", List.of("  url: " + proxy.basicUrl(), "  user: " + proxy.user(),
                "  password_file: " + proxy.passwordFile(), "  ca_file: " + other.caFile()));
        String line = refused("wrong-ca", config, Map.of(), List.of(proxy.password(), proxy.user() + ":" + proxy.password()));
        assertTrue(line.contains("TLS refused") && line.contains("elasticsearch.ca_file"), line);
    }

    @Test
    void plainHttpOnTheHttpsPortIsRefusedAtOnce() throws Exception {
        Path config = config("plain-on-https", List.of("  url: " + proxy.plainHttpUrl(), "  user: " + proxy.user(),
                "  password_file: " + proxy.passwordFile(), "  ca_file: " + proxy.caFile()));
        String line = refused("plain-on-https", config, Map.of(), List.of(proxy.password(), proxy.user() + ":" + proxy.password()));
        assertTrue(line.contains("TLS refused") && line.contains("plain http sent to an https port")
                && line.contains("elasticsearch.url (http or https)"), line);
    }

    private void assertSameAsPlain(String name, Path config) throws Exception {
        Path out = tmp.resolve("out-" + name);
        Cli run = Cli.expect(0, "nightly", "--config", config.toString(), "--input", input.toString(), "--out", out.toString(),
                "--date", DATE, "--as-of", asOf);
        assertTrue(run.err().contains("time range pushed down"), "read with Elasticsearch-Hadoop:\n" + run.err());
        assertEquals(plainTables, WarehouseSnapshot.of(out, false), "tables");
        assertEquals(plainDocuments, documents(name), "Kibana documents");
    }

    /** Runs nightly in a JVM of its own: exit 6 at the first attempt, one line, no secret, nothing published. */
    private static String refused(String name, Path config, Map<String, String> env, List<String> secrets) throws Exception {
        String line = FailedRun.expect(6, tmp, name, env, secrets, tmp.resolve("out-" + name), "nightly", "--config",
                config.toString(), "--input", input.toString(), "--date", DATE, "--as-of", asOf);
        assertTrue(line.startsWith("error (source refused): elasticsearch: ") && line.contains("(attempt 1, not retried)"), line);
        return line;
    }

    private static Path config(String name, List<String> elasticsearch) throws Exception {
        List<String> lines = new ArrayList<>(List.of("sources:", "  builds: {index: \"" + prefix + "-builds-*\"}",
                "  audit: {index: \"" + prefix + "-audit-*\"}", "outputs:", "  kibana: {index_prefix: " + prefix + "-" + name + "}",
                "elasticsearch:"));
        lines.addAll(elasticsearch);
        lines.add("");
        return Files.writeString(tmp.resolve(name + ".yaml"), String.join("\n", lines));
    }

    /** The Kibana documents a run indexed under {@code <prefix>-<name>}: index (without the prefix), id and source without the batch. */
    private static Map<String, String> documents(String name) throws Exception {
        String pattern = prefix + "-" + name + "-*";
        es.refresh(pattern);
        Map<String, String> docs = new TreeMap<>();
        JsonNode hits = JSON.readTree(es.get("/" + pattern + "/_search?size=10000").body()).path("hits").path("hits");
        for (JsonNode hit : hits) {
            ObjectNode source = (ObjectNode) hit.path("_source").deepCopy();
            source.remove("batch_id");
            source.remove("first_batch_id");
            docs.put(hit.path("_index").asText().substring(pattern.length() - 1) + " " + hit.path("_id").asText(), source.toString());
        }
        return docs;
    }
}
