package io.auditwarehouse.sinks;

import io.auditwarehouse.query.DuckDbEngine;
import io.auditwarehouse.query.QueryResult;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The embedded append-only tables: durable files, one row per natural id, read alike by Java and by DuckDB. */
class ParquetAppendLogTest {

    private static final AppendOnlyTable LEDGER = AppendOnlyTable.of("test_ledger", "entry_id",
            "entry_id", DataTypes.StringType, "target", DataTypes.StringType, "attempts", DataTypes.IntegerType,
            "bytes", DataTypes.LongType, "ok", DataTypes.BooleanType, "day", DataTypes.DateType, "seen_at", DataTypes.TimestampType);
    private static final Instant AT = Instant.parse("2026-10-01T02:03:04.567Z");

    @TempDir
    Path warehouse;

    private static Row row(String id, String target) {
        return RowFactory.create(id, target, 3, 5_000_000_000L, true, LocalDate.of(2026, 10, 1), AT);
    }

    @Test
    void appendingTheSameIdTwiceKeepsTheFirstRowAndEveryValueReadsBackAsWritten() {
        ParquetAppendLog log = new ParquetAppendLog(warehouse);
        assertEquals(List.of(), log.read(LEDGER));
        assertEquals(2, log.append(LEDGER, List.of(row("a", "slack"), row("b", "works"))));
        assertEquals(1, log.append(LEDGER, List.of(row("a", "changed"), row("c", "slack"), row("c", "again"))));
        assertEquals(0, log.append(LEDGER, List.of(row("b", "x"))), "nothing new: no file either");

        List<Row> rows = log.read(LEDGER);
        assertEquals(List.of(row("a", "slack"), row("b", "works"), row("c", "slack")), rows);
        assertEquals(2, ParquetAppendLog.files(warehouse, LEDGER.name()).size(), "one file per append that added rows");
        assertEquals(rows, new ParquetAppendLog(warehouse).read(LEDGER), "another process reads the same");
    }

    @Test
    void duckDbReadsTheFilesWithTheirTypesAndOneRowPerId() throws Exception {
        ParquetAppendLog log = new ParquetAppendLog(warehouse);
        log.append(LEDGER, List.of(row("a", "slack")));
        log.append(LEDGER, List.of(row("b", "works")));
        // a second file holding an id again (as a file system without links and locks might leave): still one row
        Path dir = ParquetAppendLog.folder(warehouse, LEDGER.name());
        LocalParquet.write(dir.resolve("0000000003.parquet"), LEDGER.name(), LEDGER.schema(), List.of(row("a", "late")));

        var files = new WarehouseViews.TableFiles(LEDGER.name(), dir, ParquetAppendLog.files(warehouse, LEDGER.name()), null,
                LEDGER.schema(), LEDGER.naturalId());
        try (DuckDbEngine duck = new DuckDbEngine()) {
            duck.register(files);
            QueryResult r = duck.execute("select entry_id, target, attempts, bytes, ok, day, seen_at from test_ledger order by entry_id");
            List<List<Object>> rows = new ArrayList<>();
            r.rows(-1).forEachRemaining(rows::add);
            assertEquals(2, rows.size(), rows.toString());
            assertEquals(List.of("a", "slack"), rows.get(0).subList(0, 2));
            assertEquals("3|5000000000|true|2026-10-01|2026-10-01T02:03:04.567Z",
                    String.join("|", rows.get(0).subList(2, 7).stream().map(String::valueOf).toList()));
        }
        assertEquals(List.of("slack", "works"), log.read(LEDGER).stream().map(x -> x.getString(1)).toList());
    }

    @Test
    void anUnfinishedAppendIsInvisibleAndTheSnapshotCleanerKeepsEveryAppendedFile() throws Exception {
        ParquetAppendLog log = new ParquetAppendLog(warehouse);
        log.append(LEDGER, List.of(row("a", "slack")));
        Path dir = ParquetAppendLog.folder(warehouse, LEDGER.name());
        // an appender killed after writing, before its link
        LocalParquet.write(dir.resolve(".tmp-1-1.parquet"), LEDGER.name(), LEDGER.schema(), List.of(row("z", "lost")));
        assertEquals(List.of("a"), log.read(LEDGER).stream().map(x -> x.getString(0)).toList());

        // a batch table beside it, then the cleaner every writer runs first (retention zero: keep only the current)
        Files.createDirectories(warehouse.resolve(WarehouseTables.CATALOG));
        new SnapshotCleaner(warehouse, new Snapshots(warehouse), Duration.ZERO).run(Instant.now().plus(Duration.ofDays(800)));
        new SnapshotCleaner(warehouse, new Snapshots(warehouse), Duration.ZERO).run(Instant.now().plus(Duration.ofDays(900)));
        assertEquals(List.of("a"), log.read(LEDGER).stream().map(x -> x.getString(0)).toList());
        assertTrue(Files.exists(dir.resolve("0000000001.parquet")));
        assertEquals(List.of(WarehouseTables.CATALOG), WarehouseViews.legacy(warehouse).tables().keySet().stream().toList(),
                "_append is no batch table");
    }

    @Test
    void concurrentAppendsOfTheSameIdsKeepOneRowEach() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> added = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                Callable<Integer> append = () -> new ParquetAppendLog(warehouse).append(LEDGER, List.of(row("a", "x"), row("b", "x")));
                added.add(pool.submit(append));
            }
            int total = 0;
            for (Future<Integer> f : added) total += f.get();
            assertEquals(2, total);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(2, new ParquetAppendLog(warehouse).read(LEDGER).size());
    }

    @Test
    void aRowOfTheWrongShapeIsRefusedWithItsColumnAndWritesNothing() {
        ParquetAppendLog log = new ParquetAppendLog(warehouse);
        Row wrong = RowFactory.create("a", "slack", "three", 1L, true, null, AT);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> log.append(LEDGER, List.of(row("ok", "x"), wrong)));
        assertTrue(e.getMessage().contains("test_ledger.attempts"), e.getMessage());
        assertEquals(List.of(), log.read(LEDGER));
    }

    @Test
    void everyDeclaredTableHasAMySqlInsertAndSelectOfItsColumnsInOrder() {
        for (AppendOnlyTable t : AppendOnlyTables.ALL) {
            List<String> statements = MySqlAppendLog.statements(t);
            String columns = String.join(", ", t.schema().fieldNames());
            assertTrue(statements.get(0).replaceAll("\\s+", " ").startsWith("INSERT INTO " + t.name() + " (" + columns + ") VALUES ("),
                    statements.get(0));
            assertEquals(t.schema().size(), statements.get(0).chars().filter(c -> c == '?').count(), statements.get(0));
            assertTrue(statements.get(1).replaceAll("\\s+", " ").startsWith("SELECT " + columns + " FROM " + t.name()), statements.get(1));
        }
    }
}
