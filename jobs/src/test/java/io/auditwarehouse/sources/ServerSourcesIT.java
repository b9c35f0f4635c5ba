package io.auditwarehouse.sources;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.auditwarehouse.cli.Cli;
import io.auditwarehouse.cli.WarehouseSnapshot;
import io.auditwarehouse.testing.ElasticsearchServer;
import io.auditwarehouse.testing.MySqlServer;
import io.auditwarehouse.testing.RealServices;
import io.auditwarehouse.testing.ServerSourcesConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A generated month read from MySQL and Elasticsearch reconciles to the same tables as the same month read from files. */
@ExtendWith(RealServices.class)
class ServerSourcesIT {

    @TempDir
    Path tmp;

    @Test
    void aMonthReadFromTheServersGivesTheFilesModeTables(MySqlServer mysql, ElasticsearchServer es) throws Exception {
        String prefix = ElasticsearchServer.uniquePrefix("aw-it");
        try (MySqlServer.TestDatabase db = mysql.newDatabase("aw_approvals")) {
            Path config = ServerSourcesConfig.write(tmp, db, es, prefix);
            Path input = tmp.resolve("input");
            Cli generated = Cli.expect(0, "generate", "--month", "2026-10", "--runs", "3000", "--seed", "7",
                    "--out", input.toString(), "--to", "files,mysql,es", "--config", config.toString());
            assertTrue(generated.out().contains("approvals and") && generated.out().contains("documents loaded"), generated.out());
            String asOf = new ObjectMapper().readTree(input.resolve("generation.json").toFile()).get("as_of").asText();

            Path fromFiles = tmp.resolve("from-files");
            Cli.expect(0, "backfill", "--input", input.toString(), "--out", fromFiles.toString(),
                    "--from", "2026-10-01", "--to", "2026-10-31", "--as-of", asOf);
            Path fromServers = tmp.resolve("from-servers");
            Cli servers = Cli.expect(0, "backfill", "--config", config.toString(), "--input", tmp.resolve("no-files").toString(),
                    "--out", fromServers.toString(), "--from", "2026-10-01", "--to", "2026-10-31", "--as-of", asOf);
            assertTrue(servers.err().contains("time range pushed down"), servers.err());

            Map<String, List<String>> expected = WarehouseSnapshot.of(fromFiles, false);
            assertTrue(expected.get("recon_run").size() >= 3000, "runs: " + expected.get("recon_run").size());
            assertEquals(expected, WarehouseSnapshot.of(fromServers, false));
        } finally {
            es.deleteIndices(prefix + "-*");
            es.deleteIndexTemplates(prefix + "-*");
        }
    }

    @Test
    void anUnreachableElasticsearchExitsThreeAndPublishesNothing() throws Exception {
        Path config = tmp.resolve("es-down.yaml");
        Files.writeString(config, "elasticsearch:\n  url: http://127.0.0.1:1\n");
        Path input = Path.of(ServerSourcesIT.class.getResource("/worked-example").toURI());
        Path out = tmp.resolve("out");
        Cli r = Cli.expect(3, "nightly", "--config", config.toString(), "--input", input.toString(), "--out", out.toString(),
                "--date", "2026-10-01", "--as-of", "2026-10-10T00:00:00+09:00");
        List<String> errors = r.err().lines().filter(l -> l.startsWith("error")).toList();
        assertEquals(1, errors.size(), r.err());
        assertTrue(errors.get(0).contains("elasticsearch") && errors.get(0).contains("127.0.0.1:1"), errors.get(0));
        // bounded retries: several attempts, within the sources' budget of about 8 s of waits
        java.util.regex.Matcher tried = java.util.regex.Pattern.compile("after (\\d+) attempts in ([0-9.]+) s").matcher(errors.get(0));
        assertTrue(tried.find() && Integer.parseInt(tried.group(1)) >= 2 && Double.parseDouble(tried.group(2)) < 30, errors.get(0));
        assertTrue(Files.notExists(out.resolve("warehouse/recon_run")), "nothing published");
        assertTrue(Files.notExists(out.resolve("kibana")), "no Kibana index written");
    }
}
