package io.auditwarehouse.sinks;

import io.auditwarehouse.cli.Cli;
import io.auditwarehouse.testing.MySqlServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import io.auditwarehouse.testing.RealServices;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shipped grants: the writer account can publish a batch; the compliance role reads everything and writes nothing. */
@ExtendWith(RealServices.class)
class MySqlGrantsIT {

    private static final String ROLE = "compliance_readonly";
    private static final String PASSWORD = "test-only-password";

    @TempDir
    Path tmp;

    @Test
    void theComplianceRoleReadsEveryTableAndViewAndCannotWrite(MySqlServer server) throws Exception {
        try (MySqlServer.TestDatabase db = server.newDatabase("aw_grants");
             MySqlServer.TestUser account = server.newUser("aw_compliance", PASSWORD)) {
            String person = account.name();
            Cli.expect(0, "migrate", "--config", MySqlTestConfig.write(tmp, server, db.name()));
            try (Connection admin = db.connect(); Statement s = admin.createStatement()) {
                run(admin, "grants/compliance_readonly.sql", db.name());
                s.execute("GRANT " + ROLE + " TO '" + person + "'@'%'");
                List<String> relations = relations(admin, db.name());
                assertTrue(relations.containsAll(WarehouseTables.ALL) && relations.contains("v_runs_by_approval"), relations.toString());

                // a role is not active at login: connect without a schema, enable the role, then use the schema
                try (Connection reader = DriverManager.getConnection(server.jdbcUrl(null), person, PASSWORD);
                     Statement r = reader.createStatement()) {
                    r.execute("SET ROLE " + ROLE);
                    reader.setCatalog(db.name());
                    for (String relation : relations) {
                        try (ResultSet rows = r.executeQuery("SELECT * FROM " + relation)) {
                            while (rows.next()) rows.getObject(1);
                        }
                    }
                    try (PreparedStatement q = reader.prepareStatement(SqlScripts.read("queries/runs_under_approval.sql"))) {
                        q.setString(1, "CHG-0000");
                        q.executeQuery().close();
                    }
                    for (String table : WarehouseTables.ALL) {
                        String first = WarehouseTables.schemaOf(table).fieldNames()[0];
                        assertDenied(r, "INSERT INTO " + table + " (" + first + ") VALUES (NULL)");
                        assertDenied(r, "UPDATE " + table + " SET " + first + " = " + first);
                        assertDenied(r, "DELETE FROM " + table);
                    }
                }
            } finally {
                try (Connection admin = db.connect(); Statement s = admin.createStatement()) {
                    s.execute("DROP ROLE IF EXISTS " + ROLE);
                }
            }
        }
    }

    @Test
    void theWriterAccountPublishesANightlyBatch(MySqlServer server) throws Exception {
        try (MySqlServer.TestDatabase db = server.newDatabase("aw_writer");
             MySqlServer.TestUser account = server.newUser("aw_writer", PASSWORD)) {
            String writer = account.name();
            Cli.expect(0, "migrate", "--config", MySqlTestConfig.write(tmp, server, db.name()));
            try (Connection admin = db.connect(); Statement s = admin.createStatement()) {
                run(admin, "grants/writer.sql", db.name(), writer);
                Path password = Files.writeString(tmp.resolve("writer-password"), PASSWORD);
                Path config = Files.writeString(tmp.resolve("writer.yaml"), String.join("\n", "warehouse:",
                        "  jdbc_url: " + "jdbc:mysql://" + server.host() + ":" + server.port() + "/",
                        "  schema: " + db.name(), "  user: " + writer, "  password_file: " + password, ""));
                Cli nightly = Cli.expect(0, "nightly", "--config", config.toString(), "--input", WorkedExample.input().toString(),
                        "--out", tmp.resolve("out").toString(), "--date", "2026-10-01", "--as-of", "2026-10-10T00:00:00+09:00");
                assertTrue(!nightly.out().contains(PASSWORD) && !nightly.err().contains(PASSWORD), "the password is never printed");
                try (ResultSet r = s.executeQuery("SELECT count(*) FROM recon_run WHERE business_date = '2026-10-01'")) {
                    r.next();
                    assertEquals(4, r.getInt(1));
                }
            }
        }
    }

    @Test
    void theReviewerRoleInsertsIntoTheReviewHistoryAndNothingElse(MySqlServer server) throws Exception {
        String role = "compliance_reviewer";
        try (MySqlServer.TestDatabase db = server.newDatabase("aw_reviewer");
             MySqlServer.TestUser account = server.newUser("aw_reviewer", PASSWORD)) {
            Cli.expect(0, "migrate", "--config", MySqlTestConfig.write(tmp, server, db.name()));
            try (Connection admin = db.connect(); Statement s = admin.createStatement()) {
                run(admin, "grants/compliance_reviewer.sql", db.name());
                s.execute("GRANT " + role + " TO '" + account.name() + "'@'%'");
                try (Connection reviewer = DriverManager.getConnection(server.jdbcUrl(null), account.name(), PASSWORD);
                     Statement r = reviewer.createStatement()) {
                    r.execute("SET ROLE " + role);
                    reviewer.setCatalog(db.name());
                    // the statement `review` runs, through the append-only log
                    try (PreparedStatement insert = reviewer.prepareStatement(MySqlAppendLog.statements(AppendOnlyTables.FINDING_REVIEW).get(0))) {
                        Object[] row = {"R-1", "f-1", "ACKNOWLEDGED", "T-1", "seen", "han.audit",
                                java.sql.Timestamp.from(java.time.Instant.parse("2026-10-02T00:00:00Z")), null};
                        for (int i = 0; i < row.length; i++) insert.setObject(i + 1, row[i]);
                        assertEquals(1, insert.executeUpdate());
                    }
                    assertDenied(r, "UPDATE recon_finding_review SET reference = 'changed'");
                    assertDenied(r, "DELETE FROM recon_finding_review");
                    SQLException read = assertThrows(SQLException.class, () -> r.executeQuery("SELECT * FROM recon_finding_review"));
                    assertTrue(read.getMessage().toLowerCase().contains("denied"), read.getMessage());
                    for (String table : WarehouseTables.ALL) {
                        String first = WarehouseTables.schemaOf(table).fieldNames()[0];
                        assertDenied(r, "INSERT INTO " + table + " (" + first + ") VALUES (NULL)");
                    }
                }
                try (ResultSet rows = s.executeQuery("SELECT review_id, reviewer FROM recon_finding_review")) {
                    assertTrue(rows.next());
                    assertEquals("R-1 han.audit", rows.getString(1) + " " + rows.getString(2));
                    assertFalse(rows.next());
                }
            } finally {
                try (Connection admin = db.connect(); Statement s = admin.createStatement()) {
                    s.execute("DROP ROLE IF EXISTS " + role);
                }
            }
        }
    }

    /** A shipped grants script with its placeholders filled in (the names are generated, never user input). */
    private static void run(Connection admin, String script, String schema, String... writer) throws SQLException {
        String sql = SqlScripts.read(script).replace("{schema}", schema);
        if (writer.length > 0) sql = sql.replace("{writer}", writer[0]);
        try (Statement s = admin.createStatement()) {
            for (String statement : SqlScripts.statements(sql)) s.execute(statement);
        }
    }

    private static List<String> relations(Connection admin, String schema) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement p = admin.prepareStatement(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = ? ORDER BY table_name")) {
            p.setString(1, schema);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) names.add(r.getString(1));
            }
        }
        return names;
    }

    private static void assertDenied(Statement s, String sql) {
        SQLException e = assertThrows(SQLException.class, () -> s.executeUpdate(sql), sql);
        assertTrue(e.getMessage().toLowerCase().contains("denied"), sql + ": " + e.getMessage());
    }
}
