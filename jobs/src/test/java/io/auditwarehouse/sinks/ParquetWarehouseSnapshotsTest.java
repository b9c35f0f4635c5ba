package io.auditwarehouse.sinks;

import io.auditwarehouse.errors.Checkpoints;
import io.auditwarehouse.runtime.SparkTestSession;
import io.auditwarehouse.sinks.Snapshots.Snapshot;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The embedded warehouse's snapshots: one commit per batch, reads of any kept version, repair, adoption, retention. */
class ParquetWarehouseSnapshotsTest {

    private static final LocalDate D1 = LocalDate.of(2026, 10, 1);
    private static final LocalDate D2 = LocalDate.of(2026, 10, 2);
    private static final List<String> TABLES = List.of(WarehouseTables.RUN, WarehouseTables.DAILY_SUMMARY, WarehouseTables.CATALOG);

    @TempDir
    Path tmp;

    private final SparkSession spark = SparkTestSession.get();

    @AfterEach
    void disarm() {
        Checkpoints.install(null);
    }

    @Test
    void eachBatchCommitsAllItsTablesAndDatesInOneSnapshotAndEveryKeptSnapshotStaysReadable() {
        ParquetWarehouse w = new ParquetWarehouse(spark, tmp);
        assertEquals(OptionalLong.of(1), batch(w, "nightly-1", List.of(D1, D2), "first"));
        assertEquals(OptionalLong.of(2), batch(w, "nightly-2", List.of(D1), "second"));

        assertEquals(List.of("2026-10-01 second", "2026-10-02 first"), jobs(w.read(WarehouseTables.RUN)));
        assertEquals(List.of("2026-10-01 first", "2026-10-02 first"), jobs(w.at(1).read(WarehouseTables.RUN)));
        assertEquals(List.of("second"), catalog(w.read(WarehouseTables.CATALOG)));
        assertEquals(List.of("first"), catalog(w.at(1).read(WarehouseTables.CATALOG)));
        assertEquals(OptionalLong.of(1), w.committedBy("nightly-1"));
        assertEquals(OptionalLong.empty(), w.committedBy("nightly-3"));

        // the readers of sql: the current snapshot by default, any kept one on request
        Snapshot first = w.snapshots().read(1);
        assertEquals(2, WarehouseViews.files(tmp, WarehouseTables.RUN, first).files().size());
        assertEquals(2, WarehouseViews.files(tmp, WarehouseTables.RUN).files().size());
        assertFalse(WarehouseViews.files(tmp, WarehouseTables.RUN).files().equals(WarehouseViews.files(tmp, WarehouseTables.RUN, first).files()));
        assertEquals(List.of(WarehouseTables.CATALOG, WarehouseTables.DAILY_SUMMARY, WarehouseTables.RUN), WarehouseViews.publishedTables(tmp));
        assertThrows(IllegalArgumentException.class, () -> w.at(3));
    }

    @Test
    void aPublishStoppedBetweenTablesLeavesThePreviousSnapshotAndTheNextWriterDeletesWhatItPlaced() throws IOException {
        ParquetWarehouse w = new ParquetWarehouse(spark, tmp);
        batch(w, "nightly-1", List.of(D1), "first");
        List<Path> before = files(tmp.resolve(WarehouseTables.RUN));

        Checkpoints.install(new Checkpoints.Hook(Checkpoints.BETWEEN_TABLE_COMMITS, Checkpoints.Action.FAIL));
        WriteFailedException e = assertThrows(WriteFailedException.class, () -> batch(w, "nightly-2", List.of(D1), "second"));
        assertTrue(e.getCause() instanceof Checkpoints.InjectedFault, e.toString());
        Checkpoints.install(null);
        assertTrue(files(tmp.resolve(WarehouseTables.RUN)).size() > before.size(), "the batch's run files were placed");
        assertEquals(List.of("2026-10-01 first"), jobs(w.read(WarehouseTables.RUN)), "but no reader sees them");
        assertEquals(1, w.snapshot().version());

        w.recordBatch(running("nightly-2"));
        List<String> repaired = InterruptedBatches.repair(w, Instant.now());
        assertEquals(2, repaired.size(), repaired.toString());
        assertEquals(before, files(tmp.resolve(WarehouseTables.RUN)), "the unnamed files are gone");
        assertFalse(Files.exists(tmp.resolve(".staging")));
        assertEquals(BatchRecord.FAILED, ledger(w, "nightly-2").status());
        assertTrue(ledger(w, "nightly-2").message().startsWith("interrupted before its commit"), ledger(w, "nightly-2").message());
        assertEquals(List.of("2026-10-01 first"), jobs(w.read(WarehouseTables.RUN)));
        assertEquals(OptionalLong.of(2), batch(w, "nightly-3", List.of(D1), "third"), "the next batch commits the next version");
    }

    @Test
    void aRunningRowOfABatchThatCommittedRecordsItsSnapshotAndRowsOutsideTheLockAreLeftAlone() throws IOException {
        ParquetWarehouse w = new ParquetWarehouse(spark, tmp);
        w.recordBatch(running("nightly-1"));
        batch(w, "nightly-1", List.of(D1), "first");
        w.recordBatch(BatchRecord.started("scheduled-nightly-x", "scheduled-nightly", D1, D1, Instant.now(), Instant.now(), "v", "c"));

        InterruptedBatches.repair(w, Instant.now());
        BatchRecord b = ledger(w, "nightly-1");
        assertEquals(BatchRecord.RUNNING, b.status(), "left to the next batch, which republishes its Kibana indexes");
        assertEquals(1L, b.snapshotVersion(), "but the ledger records what it committed");
        assertEquals(BatchRecord.RUNNING, ledger(w, "scheduled-nightly-x").status());
        assertEquals(1, files(tmp.resolve(WarehouseTables.BATCH).resolve("batch=nightly-1")).size(), "one ledger file per batch");
    }

    @Test
    void aWarehouseOfTheLayoutBeforeSnapshotsIsAdoptedInPlaceAsSnapshotOne() throws IOException {
        // the previous build's layout: Spark's own folders, a ledger row without snapshot_version, a swap's leftovers
        Dataset<Row> runs = runRows("nightly-0", List.of(D1, D2), "old");
        runs.write().mode(SaveMode.Overwrite).partitionBy(WarehouseTables.BUSINESS_DATE).parquet(tmp.resolve(WarehouseTables.RUN).toString());
        catalogRows("old").coalesce(1).write().parquet(tmp.resolve(WarehouseTables.CATALOG).toString());
        StructType oldLedger = new StructType(Arrays.copyOf(BatchRecord.SCHEMA.fields(), BatchRecord.SCHEMA.fields().length - 1));
        Row old = running("nightly-0").completed(Instant.now(), BatchRecord.RowsWritten.NOTHING, null).toRow();
        spark.createDataFrame(List.of(RowFactory.create(Arrays.copyOf(rowValues(old), oldLedger.size()))), oldLedger).coalesce(1)
                .write().parquet(tmp.resolve(WarehouseTables.BATCH).resolve("batch=nightly-0").toString());
        Files.createDirectories(tmp.resolve(".retired/nightly-0/recon_run/business_date=2026-10-01"));

        ParquetWarehouse w = new ParquetWarehouse(spark, tmp);
        assertEquals(List.of("2026-10-01 old", "2026-10-02 old"), jobs(w.read(WarehouseTables.RUN)), "readable before adoption");
        assertEquals(List.of(WarehouseTables.CATALOG, WarehouseTables.BATCH, WarehouseTables.RUN), WarehouseViews.publishedTables(tmp));

        String done = w.recover(Instant.now());
        assertTrue(done.contains("adopted the folders of 2 table(s) as snapshot 1"), done);
        assertEquals(SnapshotCleaner.ADOPTED, w.snapshots().read(1).batchId());
        assertFalse(Files.exists(tmp.resolve(".retired")));
        assertEquals(List.of("2026-10-01 old", "2026-10-02 old"), jobs(w.read(WarehouseTables.RUN)));
        assertEquals(List.of("old"), catalog(w.read(WarehouseTables.CATALOG)));
        BatchRecord ledgerRow = ledger(w, "nightly-0");
        assertEquals(BatchRecord.COMPLETED, ledgerRow.status());
        assertNull(ledgerRow.snapshotVersion());
        assertTrue(Files.exists(tmp.resolve("recon_batch/batch=nightly-0").resolve(ParquetWarehouse.LEDGER_FILE)));

        batch(w, "nightly-1", List.of(D2), "new");
        assertEquals(List.of("2026-10-01 old", "2026-10-02 new"), jobs(w.read(WarehouseTables.RUN)));
        assertNull(w.recover(Instant.now()), "a second open finds nothing to do");
        assertEquals(List.of("2026-10-01 old", "2026-10-02 old"), jobs(w.at(1).read(WarehouseTables.RUN)));
    }

    @Test
    void aSnapshotExpiresRetentionAfterItWasSupersededTheCurrentOneNeverAndTheFilesOnlyItNamedGoWithIt() throws IOException {
        Instant t0 = Instant.parse("2025-01-01T00:00:00Z");
        Snapshots s = new Snapshots(tmp);
        commitWithFile(s, 1, t0, "a.parquet");
        commitWithFile(s, 2, t0.plus(Duration.ofDays(10)), "b.parquet");
        commitWithFile(s, 3, t0.plus(Duration.ofDays(500)), "c.parquet");
        ParquetWarehouse w = new ParquetWarehouse(spark, tmp, Duration.ofDays(400));

        String done = w.recover(t0.plus(Duration.ofDays(500)));
        assertTrue(done.contains("removed 1 snapshot(s)") && done.contains("deleted 1 data file(s)"), done);
        assertEquals(List.of(2L, 3L), s.versions(), "version 2 was current until day 500: kept");
        assertFalse(Files.exists(tmp.resolve("control_catalog/a.parquet")));
        assertTrue(Files.exists(tmp.resolve("control_catalog/b.parquet")));

        w.recover(t0.plus(Duration.ofDays(5000)));
        assertEquals(List.of(3L), s.versions(), "the current snapshot is never removed");
        assertEquals(List.of(tmp.resolve("control_catalog/c.parquet")), files(tmp.resolve("control_catalog")));
    }

    @Test
    void aVersionIsNeverCommittedTwice() {
        Snapshots s = new Snapshots(tmp);
        s.commit(1, "a", Instant.now(), new TreeMap<>());
        WriteFailedException e = assertThrows(WriteFailedException.class, () -> s.commit(1, "b", Instant.now(), new TreeMap<>()));
        assertTrue(e.getMessage().contains("already exists"), e.getMessage());
        assertEquals("a", s.read(1).batchId());
    }

    private static void commitWithFile(Snapshots s, long version, Instant at, String file) throws IOException {
        Path f = s.dir().getParent().resolve(WarehouseTables.CATALOG).resolve(file);
        Files.createDirectories(f.getParent());
        Files.writeString(f, "x");
        SortedMap<String, SortedMap<String, List<String>>> tables = new TreeMap<>();
        tables.put(WarehouseTables.CATALOG, new TreeMap<>(Map.of(Snapshots.WHOLE, List.of(file))));
        s.commit(version, "b" + version, at, tables);
    }

    private OptionalLong batch(ParquetWarehouse w, String batchId, List<LocalDate> dates, String content) {
        w.stage(batchId, WarehouseTables.RUN, runRows(batchId, dates, content));
        w.stage(batchId, WarehouseTables.DAILY_SUMMARY, spark.createDataFrame(List.of(), WarehouseTables.SUMMARY_SCHEMA));
        w.stage(batchId, WarehouseTables.CATALOG, catalogRows(content));
        return w.publish(batchId, TABLES, dates);
    }

    private Dataset<Row> runRows(String batchId, List<LocalDate> dates, String job) {
        List<Row> rows = new ArrayList<>();
        for (LocalDate d : dates) {
            Object[] v = new Object[WarehouseTables.RUN_SCHEMA.size()];
            v[0] = d;
            v[1] = "ctl";
            v[2] = job;
            v[3] = 1;
            v[v.length - 1] = batchId;
            rows.add(RowFactory.create(v));
        }
        return spark.createDataFrame(rows, WarehouseTables.RUN_SCHEMA);
    }

    private Dataset<Row> catalogRows(String name) {
        Object[] v = new Object[WarehouseTables.CATALOG_SCHEMA.size()];
        v[0] = "C1";
        v[1] = name;
        return spark.createDataFrame(List.of(RowFactory.create(v)), WarehouseTables.CATALOG_SCHEMA);
    }

    private static Object[] rowValues(Row r) {
        Object[] v = new Object[r.length()];
        for (int i = 0; i < v.length; i++) v[i] = r.get(i);
        return v;
    }

    private static BatchRecord running(String batchId) {
        return BatchRecord.started(batchId, "nightly", D1, D1, Instant.now(), Instant.now(), "v", "c");
    }

    private static BatchRecord ledger(ParquetWarehouse w, String batchId) {
        List<Row> rows = w.read(WarehouseTables.BATCH).filter(org.apache.spark.sql.functions.col("batch_id").equalTo(batchId)).collectAsList();
        assertEquals(1, rows.size(), "one ledger row for " + batchId);
        return BatchRecord.of(rows.get(0));
    }

    private static List<String> jobs(Dataset<Row> runs) {
        assertNotNull(runs);
        return runs.select("business_date", "job_name").collectAsList().stream().map(r -> r.get(0) + " " + r.get(1)).sorted().toList();
    }

    private static List<String> catalog(Dataset<Row> rows) {
        return rows.select("control_name_en").collectAsList().stream().map(r -> r.getString(0)).toList();
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            return all.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().endsWith(".parquet")
                    && !p.getFileName().toString().startsWith(".")).sorted().toList();
        }
    }
}
