package io.auditwarehouse.sinks;

import io.auditwarehouse.cli.Cli;
import io.auditwarehouse.testing.MySqlServer;
import io.auditwarehouse.testing.RealServices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * `migrate` builds the schema from nothing with Flyway, mirrors WarehouseTables, and a second run applies nothing;
 * it upgrades a warehouse made before Flyway in place, refuses an edited script, and two at once migrate once.
 */
@ExtendWith(RealServices.class)
class MySqlMigrationsIT {

    @TempDir
    Path tmp;

    @Test
    void migrateAppliesEveryVersionOnceAndTablesMirrorTheSparkSchemas(MySqlServer server) throws Exception {
        try (MySqlServer.TestDatabase db = server.newDatabase("aw_migrate")) {
            String config = MySqlTestConfig.write(tmp, server, db.name());

            Cli first = Cli.expect(0, "migrate", "--config", config);
            for (String script : MigrationsTest.shippedScripts()) assertTrue(first.out().contains("applied " + script), first.out());
            assertFalse(first.out().contains("baselined"), first.out());

            Cli second = Cli.expect(0, "migrate", "--config", config);
            assertTrue(second.out().contains("nothing applied"), second.out());
            assertTrue(!second.out().contains("applied V"), second.out());

            try (Connection c = db.connect()) {
                assertEquals(MigrationsTest.shippedScripts().size(),
                        count(c, "SELECT count(*) FROM flyway_schema_history WHERE success = 1 AND version IS NOT NULL"));
                assertEquals(0, count(c, "SELECT count(*) FROM information_schema.tables WHERE table_schema = DATABASE() "
                        + "AND table_name = 'schema_version'"));
                for (String table : WarehouseTables.ALL) {
                    assertEquals(Arrays.asList(WarehouseTables.schemaOf(table).fieldNames()), columns(c, table), table);
                    List<String> staged = new ArrayList<>(Arrays.asList(WarehouseTables.schemaOf(table).fieldNames()));
                    staged.add("stage_batch_id");
                    if (!table.equals(WarehouseTables.BATCH)) assertEquals(staged, columns(c, "stg_" + table), table);
                }
            }
        }
    }

    @Test
    void migrateCreatesAMissingSchema(MySqlServer server) throws Exception {
        try (MySqlServer.TestDatabase db = server.newDatabase("aw_fresh")) {
            try (Connection c = db.connect(); Statement s = c.createStatement()) {
                s.execute("DROP DATABASE `" + db.name() + "`");
            }
            Cli.expect(0, "migrate", "--config", MySqlTestConfig.write(tmp, server, db.name()));
            try (Connection c = db.connect()) {
                assertEquals(0, count(c, "SELECT count(*) FROM recon_run"));
            }
        }
    }

    /**
     * A warehouse made by migrate before Flyway (its scripts applied, their versions in schema_version, data in it)
     * is baselined at the version it had and upgraded in place: only the newer scripts run, and the data stays.
     */
    @ParameterizedTest(name = "made with the first {0} scripts")
    @ValueSource(ints = {2, 3})
    void aWarehouseMadeBeforeFlywayIsBaselinedAndUpgradedInPlace(int made, MySqlServer server) throws Exception {
        List<String> shipped = MigrationsTest.shippedScripts();
        try (MySqlServer.TestDatabase db = server.newDatabase("aw_legacy")) {
            try (Connection c = db.connect(); Statement s = c.createStatement()) {
                // what the migrate of the previous release left: its scripts applied and recorded in schema_version
                s.execute("CREATE TABLE schema_version (version VARCHAR(16) NOT NULL PRIMARY KEY, script VARCHAR(255) NOT NULL,"
                        + " applied_at DATETIME(3) NOT NULL) DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin");
                for (String script : shipped.subList(0, made)) {
                    for (String sql : SqlScripts.statements(SqlScripts.read("warehouse/" + script))) s.execute(sql);
                    s.execute("INSERT INTO schema_version VALUES ('" + script.substring(0, 4) + "', '" + script + "', NOW(3))");
                }
                s.execute("INSERT INTO recon_batch (batch_id, kind, status) VALUES ('before-flyway', 'nightly', 'COMPLETED')");
            }
            String config = MySqlTestConfig.write(tmp, server, db.name());

            Cli upgrade = Cli.expect(0, "migrate", "--config", config);
            assertTrue(upgrade.out().contains("baselined the warehouse made before Flyway at version " + made), upgrade.out());
            for (String script : shipped.subList(0, made)) assertFalse(upgrade.out().contains("applied " + script), upgrade.out());
            List<String> newer = shipped.subList(made, shipped.size());
            for (String script : newer) assertTrue(upgrade.out().contains("applied " + script), upgrade.out());

            try (Connection c = db.connect()) {
                assertEquals(1, count(c, "SELECT count(*) FROM recon_batch WHERE batch_id = 'before-flyway'"));
                assertEquals(1, count(c, "SELECT count(*) FROM flyway_schema_history WHERE type = 'BASELINE' AND version = '" + made + "'"));
                assertEquals(newer.size(), count(c, "SELECT count(*) FROM flyway_schema_history WHERE type = 'SQL' AND success = 1"));
                for (String table : WarehouseTables.ALL) {
                    assertEquals(Arrays.asList(WarehouseTables.schemaOf(table).fieldNames()), columns(c, table), table);
                }
            }
            Cli again = Cli.expect(0, "migrate", "--config", config);
            assertTrue(again.out().contains("nothing applied") && !again.out().contains("baselined"), again.out());
        }
    }

    @Test
    void anAppliedScriptThatWasEditedIsRefused(MySqlServer server) throws Exception {
        try (MySqlServer.TestDatabase db = server.newDatabase("aw_edited")) {
            String config = MySqlTestConfig.write(tmp, server, db.name());
            Cli.expect(0, "migrate", "--config", config);
            try (Connection c = db.connect(); Statement s = c.createStatement()) {
                // the checksum Flyway recorded no longer matches the shipped V002: as if the script had been edited since
                s.execute("UPDATE flyway_schema_history SET checksum = checksum + 1 WHERE script = 'V002__staging.sql'");
            }
            Cli refused = Cli.expect(4, "migrate", "--config", config);
            List<String> errors = refused.err().lines().filter(l -> l.startsWith("error")).toList();
            assertEquals(1, errors.size(), refused.err());
            assertTrue(errors.get(0).startsWith("error (write failed): migrating ") && errors.get(0).toLowerCase().contains("checksum"),
                    errors.get(0));
        }
    }

    @Test
    void twoMigratesStartingTogetherApplyEachScriptOnce(MySqlServer server) throws Exception {
        try (MySqlServer.TestDatabase db = server.newDatabase("aw_race")) {
            String config = MySqlTestConfig.write(tmp, server, db.name());
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Cli>> runs = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    runs.add(pool.submit(() -> {
                        go.await();
                        return Cli.run("migrate", "--config", config);
                    }));
                }
                go.countDown();
                for (Future<Cli> run : runs) {
                    Cli r = run.get(5, TimeUnit.MINUTES);
                    assertEquals(0, r.exitCode(), r.out() + r.err());
                }
            } finally {
                pool.shutdownNow();
            }
            try (Connection c = db.connect()) {
                assertEquals(MigrationsTest.shippedScripts().size(),
                        count(c, "SELECT count(DISTINCT version) FROM flyway_schema_history WHERE success = 1"));
                assertEquals(MigrationsTest.shippedScripts().size(),
                        count(c, "SELECT count(*) FROM flyway_schema_history WHERE success = 1"));
                assertEquals(1, count(c, "SELECT count(*) FROM information_schema.tables WHERE table_schema = DATABASE() "
                        + "AND table_name = 'QRTZ_LOCKS'"));
            }
        }
    }

    @Test
    void migrateWithoutAWarehouseNamesTheKeyAndAnUnreachableServerExitsThree() throws Exception {
        Path empty = Files.writeString(tmp.resolve("empty.yaml"), "");
        Cli none = Cli.expect(2, "migrate", "--config", empty.toString());
        assertTrue(none.err().contains("warehouse.jdbc_url"), none.err());

        Path closed = Files.writeString(tmp.resolve("closed.yaml"), "warehouse:\n  jdbc_url: jdbc:mysql://127.0.0.1:1/\n");
        Cli unreachable = Cli.expect(3, "migrate", "--config", closed.toString());
        assertTrue(unreachable.err().contains("jdbc:mysql://127.0.0.1:1/audit_dw"), unreachable.err());
    }

    private static long count(Connection c, String sql) throws Exception {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    private static List<String> columns(Connection c, String table) throws Exception {
        List<String> names = new ArrayList<>();
        try (ResultSet r = c.getMetaData().getColumns(c.getCatalog(), null, table, null)) {
            while (r.next()) names.add(r.getString("COLUMN_NAME"));
        }
        return names;
    }
}
