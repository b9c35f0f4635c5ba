package io.auditwarehouse.sources.mysql;

import io.auditwarehouse.cli.Cli;
import io.auditwarehouse.testing.MySqlServer;
import io.auditwarehouse.testing.RealServices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Approvals and users read from a real MySQL-protocol server instead of approvals.csv. */
@ExtendWith(RealServices.class)
class MySqlApprovalsIT {

    static final String AS_OF = "2026-10-10T00:00:00+09:00";

    @TempDir
    Path tmp;

    private Path config(MySqlServer.TestDatabase db, String zone) throws Exception {
        Path password = tmp.resolve("password");
        Files.writeString(password, db.server().password());
        Path cfg = tmp.resolve("config.yaml");
        Files.writeString(cfg, "sources:\n  approvals:\n    jdbc_url: \"" + db.jdbcUrl() + "\"\n    user: " + db.server().user()
                + "\n    password_file: " + password + "\n    zone: " + zone + "\n");
        return cfg;
    }

    /** The worked example's approvals and users, stored in the database as wall-clock time of {@code zone}. */
    private Path loadWorkedExample(Path cfg) throws Exception {
        Path input = tmp.resolve("input");
        Files.createDirectories(input.resolve("audit"));
        Path example = resource("worked-example");
        for (String f : List.of("approvals.csv", "users.csv", "builds.ndjson", "audit/batch-a.ndjson")) {
            Files.copy(example.resolve(f), input.resolve(f));
        }
        // generate --to mysql's loader, pointed at the worked example instead of a generated month
        io.auditwarehouse.generate.load.MySqlSourceLoader.load(
                io.auditwarehouse.config.ConfigLoader.load(cfg, input, null), input, java.time.ZoneOffset.UTC);
        Files.delete(input.resolve("approvals.csv"));
        Files.delete(input.resolve("users.csv"));
        return input;
    }

    private static List<String> findings(Path out) {
        return Cli.expect(0, "sql", "--out", out.toString(), "--format", "csv",
                "select reason_code, controller, job_name, build_number from recon_finding order by 1, 2, 3, 4").out().lines().toList();
    }

    @Test
    void approvalsStoredInKstReconcileLikeTheWorkedExample(MySqlServer server) throws Exception {
        try (MySqlServer.TestDatabase db = server.newDatabase("aw_src")) {
            Path cfg = config(db, "Asia/Seoul");
            Path input = loadWorkedExample(cfg);
            try (Connection c = db.connect(); var r = c.createStatement().executeQuery(
                    "SELECT decided_at FROM approval_record WHERE approval_no = 'CHG-1'")) {
                r.next();
                assertEquals("2026-10-01T01:50", r.getObject(1, java.time.LocalDateTime.class).toString(), "stored as KST wall-clock time");
            }
            Path out = tmp.resolve("out");
            Cli run = Cli.expect(0, "nightly", "--config", cfg.toString(), "--input", input.toString(), "--out", out.toString(),
                    "--date", "2026-10-01", "--as-of", AS_OF);
            assertTrue(run.err().contains("approval_record: 2 approvals"), run.err());
            assertEquals(java.nio.file.Files.readAllLines(resource("worked-example-expected").resolve("expected_findings.csv")), findings(out));
        }
    }

    @Test
    void approvedOneMillisecondAfterTheStartIsDetected(MySqlServer server) throws Exception {
        try (MySqlServer.TestDatabase db = server.newDatabase("aw_src")) {
            Path cfg = config(db, "Asia/Seoul");
            Path input = loadWorkedExample(cfg);
            try (Connection c = db.connect(); PreparedStatement p = c.prepareStatement(
                    "UPDATE approval_record SET decided_at = ? WHERE approval_no = 'CHG-1'")) {
                p.setObject(1, java.time.LocalDateTime.parse("2026-10-01T02:00:00.001")); // run #10 starts 02:00:00.000 KST
                assertEquals(1, p.executeUpdate());
            }
            Path out = tmp.resolve("out");
            Cli.expect(0, "nightly", "--config", cfg.toString(), "--input", input.toString(), "--out", out.toString(),
                    "--date", "2026-10-01", "--as-of", AS_OF);
            List<String> rows = Cli.expect(0, "sql", "--out", out.toString(), "--format", "csv",
                    "select build_number, detail from recon_finding where reason_code = 'APPROVED_AFTER_RUN' order by 1").csvRows();
            // only #10 (02:00:00.000) started before the decision; #11 and #12 started later
            assertEquals(List.of("10,\"run started 2026-10-01 02:00 KST, CHG-1 approved 2026-10-01 02:00:00.001 KST\""), rows);
        }
    }

    @Test
    void anUnreachableApprovalDatabaseExitsThreeAndPublishesNothing() throws Exception {
        Path cfg = tmp.resolve("down.yaml");
        Files.writeString(cfg, "sources:\n  approvals:\n    jdbc_url: \"jdbc:mysql://127.0.0.1:1/nowhere\"\n    user: nobody\n");
        Path out = tmp.resolve("out");
        Cli r = Cli.expect(3, "nightly", "--config", cfg.toString(), "--input", resource("worked-example").toString(),
                "--out", out.toString(), "--date", "2026-10-01", "--as-of", AS_OF);
        List<String> errors = r.err().lines().filter(l -> l.startsWith("error")).toList();
        assertEquals(1, errors.size(), r.err());
        assertTrue(errors.get(0).contains("approvals") && errors.get(0).contains("127.0.0.1:1"), errors.get(0));
        assertFalse(Files.exists(out.resolve("warehouse/recon_run")), "nothing published");
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(MySqlApprovalsIT.class.getResource("/" + name).toURI());
    }
}
