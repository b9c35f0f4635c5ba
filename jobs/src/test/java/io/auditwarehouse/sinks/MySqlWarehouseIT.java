package io.auditwarehouse.sinks;

import io.auditwarehouse.cli.Cli;
import io.auditwarehouse.config.ConfigLoader;
import io.auditwarehouse.runtime.SparkTestSession;
import io.auditwarehouse.testing.MySqlServer;
import io.auditwarehouse.testing.MySqlTables;
import io.auditwarehouse.testing.RealServices;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The worked example published to MySQL: idempotent, atomic per date, milliseconds kept. */
@ExtendWith(RealServices.class)
class MySqlWarehouseIT {

    private static final LocalDate DATE = LocalDate.parse("2026-10-01");

    @TempDir
    Path tmp;

    @Test
    void reconcilingTheSameDateTwiceLeavesIdenticalRowsAndKeepsTheFirstBatchOfEachFinding(MySqlServer server) throws Exception {
        try (MySqlServer.TestDatabase db = server.newDatabase("aw_idem")) {
            String config = MySqlTestConfig.write(tmp, server, db.name());
            Cli.expect(0, "migrate", "--config", config);
            nightly(config, "first");
            Map<String, List<String>> first;
            String firstBatch;
            try (Connection c = db.connect()) {
                first = MySqlTables.snapshot(c);
                firstBatch = single(c, "SELECT DISTINCT batch_id FROM recon_run");
            }
            assertEquals(4, first.get("recon_run").stream().filter(r -> r.contains(DATE.toString())).count(), first.toString());
            assertFalse(first.get("recon_finding").isEmpty(), "the worked example has findings");

            nightly(config, "second");
            try (Connection c = db.connect()) {
                assertEquals(first, MySqlTables.snapshot(c), "same rows after a re-run");
                String secondBatch = single(c, "SELECT DISTINCT batch_id FROM recon_run");
                assertNotEquals(firstBatch, secondBatch);
                assertEquals(List.of(firstBatch), column(c, "SELECT DISTINCT first_batch_id FROM recon_finding"));
                assertEquals(List.of(secondBatch), column(c, "SELECT DISTINCT last_batch_id FROM recon_finding"));
                assertEquals(List.of("COMPLETED", "COMPLETED"), column(c, "SELECT status FROM recon_batch ORDER BY started_at"));
                for (String table : List.of("stg_recon_run", "stg_recon_finding", "stg_recon_approval",
                        "stg_recon_daily_summary", "stg_control_catalog", "stg_recon_quarantine")) {
                    assertEquals("0", single(c, "SELECT count(*) FROM " + table), table + " is emptied by publishing");
                }
                String approval = single(c, "SELECT min(approval_no) FROM recon_run");
                try (PreparedStatement p = c.prepareStatement(SqlScripts.read("queries/runs_under_approval.sql"))) {
                    p.setString(1, approval);
                    try (ResultSet r = p.executeQuery()) {
                        int runs = 0;
                        while (r.next()) runs++;
                        assertEquals(single(c, "SELECT count(*) FROM recon_run WHERE approval_no = '" + approval + "'"),
                                String.valueOf(runs), "the saved query finds every run under " + approval);
                    }
                }
            }
        }
    }

    @Test
    void aReaderNeverSeesAGapOrAMixWhileADateIsRepublished(MySqlServer server) throws Exception {
        try (MySqlServer.TestDatabase db = server.newDatabase("aw_atomic")) {
            String config = MySqlTestConfig.write(tmp, server, db.name());
            Cli.expect(0, "migrate", "--config", config);
            nightly(config, "populate");
            MySqlWarehouse warehouse = sink(config);
            Dataset<Row> runs = warehouse.readDates(WarehouseTables.RUN, WarehouseTables.RUN_SCHEMA, List.of(DATE)).cache();
            Dataset<Row> findings = warehouse.readDates(WarehouseTables.FINDING, WarehouseTables.FINDING_SCHEMA, List.of(DATE)).cache();
            assertTrue(runs.count() > 0 && findings.count() > 0);

            AtomicBoolean publishing = new AtomicBoolean(true);
            AtomicInteger polls = new AtomicInteger();
            List<String> anomalies = new ArrayList<>();
            Thread reader = new Thread(() -> poll(db, publishing, polls, anomalies));
            reader.start();
            try {
                for (int i = 0; i < 6; i++) {
                    String batchId = "republish-" + i;
                    warehouse.stage(batchId, WarehouseTables.RUN, runs.withColumn("batch_id", lit(batchId)));
                    warehouse.stage(batchId, WarehouseTables.FINDING, findings.withColumn("last_batch_id", lit(batchId)));
                    warehouse.publish(batchId, List.of(WarehouseTables.RUN, WarehouseTables.FINDING), List.of(DATE));
                }
            } finally {
                publishing.set(false);
                reader.join();
            }
            assertEquals(0, anomalies.size(), anomalies.size() + " anomalies, first: " + anomalies.stream().limit(3).toList());
            assertTrue(polls.get() >= 6, "the reader polled while publishing: " + polls.get());
            try (Connection c = db.connect()) {
                assertEquals(List.of("republish-5"), column(c, "SELECT DISTINCT batch_id FROM recon_run WHERE business_date = '2026-10-01'"));
            }
        }
    }

    @Test
    void millisecondsSurviveThePublishedTables(MySqlServer server) throws Exception {
        try (MySqlServer.TestDatabase db = server.newDatabase("aw_millis")) {
            String config = MySqlTestConfig.write(tmp, server, db.name());
            Cli.expect(0, "migrate", "--config", config);
            MySqlWarehouse warehouse = sink(config);
            Instant at = Instant.parse("2026-10-01T01:50:00.123Z");
            Dataset<Row> run = SparkTestSession.get().createDataFrame(List.of(runRow(at)), WarehouseTables.RUN_SCHEMA);
            Dataset<Row> finding = SparkTestSession.get().createDataFrame(List.of(findingRow(at)), WarehouseTables.FINDING_SCHEMA);
            warehouse.stage("b1", WarehouseTables.RUN, run);
            warehouse.stage("b1", WarehouseTables.FINDING, finding);
            warehouse.publish("b1", List.of(WarehouseTables.RUN, WarehouseTables.FINDING), List.of(DATE));

            try (Connection c = db.connect()) {
                assertEquals("2026-10-01 01:50:00.123", single(c, "SELECT DATE_FORMAT(started_at, '%Y-%m-%d %H:%i:%s.%f') FROM recon_run").substring(0, 23));
                assertEquals("2026-10-01 01:50:00.123", single(c, "SELECT DATE_FORMAT(occurred_at, '%Y-%m-%d %H:%i:%s.%f') FROM recon_finding").substring(0, 23));
            }
            assertEquals(at, warehouse.read(WarehouseTables.RUN).select(col("started_at")).first().getInstant(0));
            assertEquals(at, warehouse.read(WarehouseTables.FINDING).select(col("occurred_at")).first().getInstant(0));
        }
    }

    @Test
    void backfillSkipsDatesTheLedgerInMysqlShowsPublished(MySqlServer server) throws Exception {
        try (MySqlServer.TestDatabase db = server.newDatabase("aw_backfill")) {
            String config = MySqlTestConfig.write(tmp, server, db.name());
            Cli.expect(0, "migrate", "--config", config);
            String[] backfill = {"backfill", "--config", config, "--input", WorkedExample.input().toString(), "--out",
                    tmp.resolve("out").toString(), "--from", "2026-09-30", "--to", "2026-10-01", "--as-of", "2026-10-10T00:00:00+09:00"};
            Cli.expect(0, backfill);
            Cli again = Cli.expect(0, backfill);
            assertTrue(again.err().contains("nothing to do"), again.err());
            try (Connection c = db.connect()) {
                assertEquals("1", single(c, "SELECT count(*) FROM recon_batch WHERE status = 'COMPLETED'"));
            }
        }
    }

    @Test
    void publishingToASchemaThatIsNotMigratedTellsTheOperatorToMigrate(MySqlServer server) throws Exception {
        try (MySqlServer.TestDatabase db = server.newDatabase("aw_unmigrated")) {
            String config = MySqlTestConfig.write(tmp, server, db.name());
            Cli nightly = Cli.expect(4, "nightly", "--config", config, "--input", WorkedExample.input().toString(),
                    "--out", tmp.resolve("out").toString(), "--date", DATE.toString(), "--as-of", "2026-10-10T00:00:00+09:00");
            assertTrue(nightly.err().contains("run 'audit-warehouse migrate'"), nightly.err());
        }
    }

    private void nightly(String config, String name) throws Exception {
        Cli.expect(0, "nightly", "--config", config, "--input", WorkedExample.input().toString(),
                "--out", tmp.resolve(name).toString(), "--date", DATE.toString(), "--as-of", "2026-10-10T00:00:00+09:00");
    }

    private static MySqlWarehouse sink(String config) {
        return new MySqlWarehouse(SparkTestSession.get(), WarehouseDatabase.of(ConfigLoader.load(Path.of(config), null, null).servers()));
    }

    private static void poll(MySqlServer.TestDatabase db, AtomicBoolean publishing, AtomicInteger polls, List<String> anomalies) {
        try (Connection c = db.connect()) {
            while (publishing.get()) {
                for (String sql : List.of("SELECT count(*), count(DISTINCT batch_id) FROM recon_run WHERE business_date = ?",
                        "SELECT count(*), count(DISTINCT last_batch_id) FROM recon_finding WHERE business_date = ?")) {
                    try (PreparedStatement p = c.prepareStatement(sql)) {
                        p.setObject(1, DATE);
                        try (ResultSet r = p.executeQuery()) {
                            r.next();
                            if (r.getLong(1) == 0 || r.getLong(2) != 1) {
                                anomalies.add(sql + ": " + r.getLong(1) + " rows, " + r.getLong(2) + " batches");
                            }
                        }
                    }
                }
                polls.incrementAndGet();
            }
        } catch (Exception e) {
            anomalies.add("reader failed: " + e);
        }
    }

    private static String single(Connection c, String sql) throws Exception {
        List<String> values = column(c, sql);
        assertEquals(1, values.size(), sql + " -> " + values);
        return values.get(0);
    }

    private static List<String> column(Connection c, String sql) throws Exception {
        List<String> values = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            while (r.next()) values.add(r.getString(1));
        }
        return values;
    }

    private static Row runRow(Instant at) {
        return org.apache.spark.sql.RowFactory.create(DATE, "batch-a", "payments/settle", 15, at, at.plusSeconds(60), 60_000L,
                "SUCCESS", "TIMER", "system", null, null, null, null, null, null, null, "COMPLIANT", "", null, 0, "",
                true, true, "builds,audit", "node-1", "builds.ndjson@0", "b1");
    }

    private static Row findingRow(Instant at) {
        return org.apache.spark.sql.RowFactory.create("f-1", DATE, "C6", "BUILD_NUMBER_GAP", "MEDIUM", "batch-a",
                "payments/settle", 15, null, "system", at, "build 14 is missing", "{\"missing\":\"14\"}", "b1", "b1");
    }
}
