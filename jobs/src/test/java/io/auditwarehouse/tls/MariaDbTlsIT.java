package io.auditwarehouse.tls;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.auditwarehouse.cli.Cli;
import io.auditwarehouse.testing.FailedRun;
import io.auditwarehouse.testing.MySqlTables;
import io.auditwarehouse.testing.PrivateMariaDb;
import io.auditwarehouse.testing.TestCa;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A MariaDB of the test's own that requires TLS, its certificate from the test CA: the job reads the approvals from it
 * and publishes the warehouse into it with {@code ca_file} set, also after the server restarted between two nightlies.
 * A wrong CA and a connection without TLS are refused at once (exit 6) with one line that holds no password; a server
 * down at the start is retried for the bounded time, then exit 3 with nothing published.
 */
class MariaDbTlsIT {

    private static final String DATE = "2026-10-20";

    @TempDir
    static Path tmp;

    private static PrivateMariaDb db;
    private static Path input;
    private static Path passwordFile;
    private static String asOf;

    @BeforeAll
    static void startTheServerAndLoadAMonth() throws Exception {
        db = PrivateMariaDb.start(TestCa.shared(tmp.resolve("ca")));
        db.execute("CREATE DATABASE approval CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        db.execute("CREATE DATABASE dw");
        passwordFile = Files.writeString(tmp.resolve("password"), db.password());
        input = tmp.resolve("input");
        Path config = config("load", approvals(db.caFile(), ""), List.of());
        Cli.expect(0, "generate", "--month", "2026-10", "--runs", "300", "--seed", "11", "--out", input.toString(),
                "--to", "files,mysql", "--config", config.toString());
        asOf = new ObjectMapper().readTree(input.resolve("generation.json").toFile()).get("as_of").asText();
    }

    @AfterAll
    static void stopTheServer() throws Exception {
        if (db != null) db.close();
    }

    @Test
    void aNightlyReadsAndPublishesOverVerifiedTlsAndAgainAfterTheServerRestarted() throws Exception {
        Path config = config("tls", approvals(db.caFile(), ""), List.of("warehouse:", "  jdbc_url: \"" + db.jdbcUrl(null) + "\"",
                "  schema: dw", "  user: " + PrivateMariaDb.USER, "  password_file: " + passwordFile, "  ca_file: " + db.caFile()));
        Cli.expect(0, "migrate", "--config", config.toString());
        Cli first = nightly(config, "first");
        assertTrue(first.err().contains("approval_record: "), first.err());
        Map<String, List<String>> once;
        try (Connection c = db.connect("dw")) {
            once = MySqlTables.snapshot(c);
        }
        assertFalse(once.get("recon_run").isEmpty(), "runs published");
        assertFalse(once.get("recon_approval").isEmpty(), "approvals read over TLS and published");

        db.stop();
        db.startAgain();
        nightly(config, "second");
        try (Connection c = db.connect("dw")) {
            assertEquals(once, MySqlTables.snapshot(c), "after the restart the second nightly leaves a single run's tables");
            assertEquals(List.of("COMPLETED", "COMPLETED"), column(c, "SELECT status FROM recon_batch ORDER BY started_at"));
        }
    }

    @Test
    void aCertificateFromAnotherCaIsRefusedAtOnce() throws Exception {
        TestCa other = TestCa.create(tmp.resolve("other-ca"), "another CA");
        String line = refused(6, "wrong-ca", config("wrong-ca", approvals(other.caFile(), ""), List.of()));
        assertTrue(line.startsWith("error (source refused): approvals: TLS refused reading jdbc:mysql://127.0.0.1:")
                && line.contains("(attempt 1, not retried)") && line.contains("PKIX path building failed")
                && line.contains("check sources.approvals.ca_file"), line);
    }

    @Test
    void aConnectionWithoutTlsIsRefusedAtOnceNamingTheTlsSettings() throws Exception {
        String line = refused(6, "no-tls", config("no-tls", approvals(null, "?sslMode=disable"), List.of()));
        assertTrue(line.startsWith("error (source refused): approvals: authentication failed reading")
                && line.contains("(attempt 1, not retried)") && line.contains("require_secure_transport")
                && line.contains("set sources.approvals.ca_file"), line);
    }

    @Test
    void aWarehouseCertificateFromAnotherCaFailsAtOnceNamingTheKey() throws Exception {
        TestCa other = TestCa.create(tmp.resolve("other-warehouse-ca"), "another CA");
        Path config = config("wrong-warehouse-ca", approvals(db.caFile(), ""), List.of("warehouse:",
                "  jdbc_url: \"" + db.jdbcUrl(null) + "\"", "  schema: dw_wrong_ca", "  user: " + PrivateMariaDb.USER,
                "  password_file: " + passwordFile, "  ca_file: " + other.caFile()));
        // the writer lock is the first warehouse connection: a failed write, before anything is read or written
        String line = refused(4, "wrong-warehouse-ca", config);
        assertTrue(line.startsWith("error (write failed): locking the warehouse jdbc:mysql://127.0.0.1:")
                && line.contains("PKIX path building failed") && line.endsWith("check warehouse.ca_file (the CA that signed the server's certificate)"), line);
    }

    @Test
    void aServerDownAtTheStartIsRetriedForTheBoundedTimeThenExitsThreeWithNothingPublished() throws Exception {
        Path config = config("down", approvals(db.caFile(), ""), List.of());
        db.stop();
        try {
            String line = refused(3, "down", config);
            assertTrue(line.startsWith("error (source unavailable): approvals: cannot read jdbc:mysql://127.0.0.1:")
                    && line.matches(".* after [0-9]+ attempts in [0-9.]+ s: .*"), line);
        } finally {
            db.startAgain();
        }
    }

    private static Cli nightly(Path config, String name) {
        return Cli.expect(0, "nightly", "--config", config.toString(), "--input", input.toString(),
                "--out", tmp.resolve("out-" + name).toString(), "--date", DATE, "--as-of", asOf);
    }

    /** Runs nightly in a JVM of its own: the exit code, one line, no password, nothing published under --out. */
    private static String refused(int exit, String name, Path config) throws Exception {
        return FailedRun.expect(exit, tmp, name, Map.of(), List.of(db.password()), tmp.resolve("out-" + name), "nightly",
                "--config", config.toString(), "--input", input.toString(), "--date", DATE, "--as-of", asOf);
    }

    /** The approvals source; {@code caFile} null leaves TLS to {@code urlOptions}. */
    private static List<String> approvals(Path caFile, String urlOptions) {
        List<String> lines = new ArrayList<>(List.of("sources:", "  approvals:",
                "    jdbc_url: \"" + db.jdbcUrl("approval") + urlOptions + "\"", "    user: " + PrivateMariaDb.USER,
                "    password_file: " + passwordFile));
        if (caFile != null) lines.add("    ca_file: " + caFile);
        return lines;
    }

    private static Path config(String name, List<String> approvals, List<String> more) throws Exception {
        List<String> lines = new ArrayList<>(approvals);
        lines.addAll(more);
        lines.add("");
        return Files.writeString(tmp.resolve(name + ".yaml"), String.join("\n", lines));
    }

    private static List<String> column(Connection c, String sql) throws Exception {
        List<String> values = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            while (r.next()) values.add(r.getString(1));
        }
        return values;
    }
}
