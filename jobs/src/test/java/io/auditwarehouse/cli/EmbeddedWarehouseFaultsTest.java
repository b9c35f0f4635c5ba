package io.auditwarehouse.cli;

import io.auditwarehouse.cli.FaultMatrix.Phase;
import io.auditwarehouse.cli.FaultMatrix.Point;
import io.auditwarehouse.cli.FaultMatrix.PollingReader;
import io.auditwarehouse.cli.FaultMatrix.Sql;
import io.auditwarehouse.errors.Checkpoints;
import io.auditwarehouse.query.DuckDbEngine;
import io.auditwarehouse.query.QueryResult;
import io.auditwarehouse.sinks.WarehouseTables;
import io.auditwarehouse.sinks.WarehouseViews;
import io.auditwarehouse.testing.CliProcess;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static io.auditwarehouse.cli.FaultMatrix.assertWhole;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The kill -9 matrix on the embedded warehouse (Parquet under --out, Kibana bulk files): a nightly (or, at
 * rendering-package, a report) in a JVM of its own halted at each checkpoint as kill -9 would, over a warehouse that
 * already holds the same dates from an undisturbed run, with a reader polling the tables all the while; then the same
 * command again. After that repair the reader only sees whole dates of one batch, the halted batch is FAILED, and the
 * tables and Kibana files equal the undisturbed run's.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class EmbeddedWarehouseFaultsTest {

    /**
     * Whether a reader may be asserted to see no torn date while a batch is being published, before the repair. The
     * current warehouse swaps partitions by renames, table after table: false until the atomic snapshot pointer lands,
     * then set it to true (every phase of every point is then asserted, as for MySQL).
     */
    static final boolean PUBLISH_IS_ATOMIC = false;
    /** Halted between the renames of two tables, the current warehouse shows the halted batch's first table only. */
    static final Set<Point> TORN_WHILE_HALTED = PUBLISH_IS_ATOMIC ? Set.of() : Set.of(Point.BETWEEN_TABLE_COMMITS);

    @TempDir
    static Path shared;
    @TempDir
    Path tmp;

    private static Path undisturbed;
    private static Map<String, Map<String, Long>> undisturbedView;
    private static Map<String, List<String>> undisturbedTables;
    private static Map<String, String> undisturbedKibana;
    private static String undisturbedBatch;

    @BeforeAll
    static void oneUndisturbedNightly() throws Exception {
        undisturbed = shared.resolve("undisturbed");
        Cli.expect(ExitCodes.OK, FaultMatrix.nightly(undisturbed, null));
        try (Sql sql = sql(undisturbed)) {
            undisturbedView = FaultMatrix.view(sql);
            undisturbedTables = FaultMatrix.tables(sql);
            undisturbedBatch = FaultMatrix.ledger(sql).keySet().iterator().next();
        }
        undisturbedKibana = FaultMatrix.kibanaFiles(undisturbed);
        FaultMatrix.assertNonEmpty(undisturbedView);
        assertWhole("the undisturbed run", FaultMatrix.defects(undisturbedView, undisturbedView));
    }

    @ParameterizedTest
    @EnumSource(Point.class)
    void aCommandKilledAtEachPointIsRepairedByTheNextRunToTheUndisturbedState(Point point) throws Exception {
        long started = System.nanoTime();
        Path out = tmp.resolve("out");
        FaultMatrix.copyTree(undisturbed, out);
        String[] command = point.report() ? FaultMatrix.report(out, null) : FaultMatrix.nightly(out, null);
        Map<String, String> packageBefore = null;
        if (point.report()) {
            Path rendered = tmp.resolve("undisturbed-report");
            FaultMatrix.copyTree(undisturbed, rendered);
            Cli.expect(ExitCodes.OK, FaultMatrix.report(rendered, null));
            packageBefore = FaultMatrix.csvFiles(rendered.resolve("reports/" + FaultMatrix.MONTH));
        }
        Cli repair;
        try (PollingReader reader = new PollingReader(sql(out), undisturbedView)) {
            reader.enter(Phase.BEFORE);
            reader.enter(Phase.DISTURBED);
            CliProcess.expect(Checkpoints.HALT_STATUS, tmp, "halted", List.of(), Map.of(Checkpoints.ENV, point.checkpoint + ":halt"),
                    command);
            reader.enter(Phase.HALTED);
            Map<String, String> halted;
            try (Sql sql = sql(out)) {
                halted = FaultMatrix.ledger(sql);
            }
            reader.enter(Phase.REPAIRING);
            repair = Cli.expect(ExitCodes.OK, command);
            reader.enter(Phase.REPAIRED);
            reader.pollNow();
            reader.close();
            System.out.println("kill -9 matrix, embedded, " + point + ": " + reader.summary());

            // strictly, whatever the swap: once the repairing command has run, whole dates of one batch
            assertTrue(reader.views(Phase.REPAIRED) >= 2, reader.summary());
            assertWhole("after the repair, " + reader.summary(), flatten(reader.defects(Phase.REPAIRED)));
            // deterministic on the current code: nothing moves while the process lies dead
            if (!TORN_WHILE_HALTED.contains(point)) {
                assertWhole("while halted at " + point + ", " + reader.summary(), flatten(reader.defects(Phase.BEFORE, Phase.HALTED)));
            }
            if (PUBLISH_IS_ATOMIC) {
                assertWhole("while publishing, " + reader.summary(), flatten(reader.defects(Phase.values())));
            }
            assertLedger(point, halted, out, repair);
        }

        try (Sql sql = sql(out)) {
            assertEquals(undisturbedTables, FaultMatrix.tables(sql), "table for table, row for row, as undisturbed");
        }
        assertEquals(undisturbedKibana, FaultMatrix.kibanaFiles(out), "file for file, document for document, as undisturbed");
        if (point.report()) {
            Path pkg = out.resolve("reports/" + FaultMatrix.MONTH);
            assertEquals(packageBefore, FaultMatrix.csvFiles(pkg), "the package as an undisturbed report renders it");
            Cli.expect(ExitCodes.OK, "verify", pkg.toString());
        }
        System.out.printf("kill -9 matrix, embedded, %s: %.1f s%n", point, (System.nanoTime() - started) / 1e9);
    }

    /**
     * Issue 10, concurrency: two nightlies on one empty embedded warehouse, the second started while the first holds
     * the writer lock (stopped there by its checkpoint). The second waits for the OS file lock, then publishes; both
     * exit 0, one after the other, and the tables and Kibana files equal a single run's.
     */
    @Test
    void twoNightliesOnOneWarehouseOnePublishesTheOtherWaitsThenPublishesTheSame() throws Exception {
        long started = System.nanoTime();
        Path out = tmp.resolve("out");
        FaultMatrix.twoNightliesTogether(tmp, FaultMatrix.nightly(out, null));
        try (Sql sql = sql(out); Sql single = sql(undisturbed)) {
            assertEquals(FaultMatrix.tables(single, FaultMatrix.BATCH_COLUMNS), FaultMatrix.tables(sql, FaultMatrix.BATCH_COLUMNS),
                    "the tables equal a single run's");
            FaultMatrix.assertOneAfterTheOther(sql);
        }
        assertEquals(undisturbedKibana, FaultMatrix.kibanaFiles(out));
        System.out.printf("two nightlies, embedded: %.1f s%n", (System.nanoTime() - started) / 1e9);
    }

    /** The halted batch ends FAILED (found dead by the repairing run) and no row is left RUNNING. */
    private void assertLedger(Point point, Map<String, String> halted, Path out, Cli repair) throws Exception {
        Map<String, String> ledger;
        try (Sql sql = sql(out)) {
            ledger = FaultMatrix.ledger(sql);
        }
        assertTrue(ledger.values().stream().noneMatch("RUNNING"::equals), ledger.toString());
        assertEquals("COMPLETED", ledger.get(undisturbedBatch), ledger.toString());
        if (point.leavesARunningRow()) {
            assertEquals(2, halted.size(), "the halted batch wrote its RUNNING row: " + halted);
            String dead = halted.entrySet().stream().filter(e -> e.getValue().equals("RUNNING")).map(Map.Entry::getKey)
                    .findFirst().orElseThrow(() -> new AssertionError(halted.toString()));
            assertEquals("FAILED", ledger.get(dead), ledger + "\n" + repair.err());
            assertFalse(Files.exists(out.resolve("warehouse/.staging/" + dead)), "what the dead batch staged is discarded");
            assertEquals(3, ledger.size(), ledger.toString());
        } else {
            assertEquals(Map.of(undisturbedBatch, "COMPLETED"), halted, "no ledger row before the lock: " + point);
            assertEquals(point.report() ? 1 : 2, ledger.size(), ledger.toString());
        }
    }

    private static List<String> flatten(List<List<String>> views) {
        return views.stream().flatMap(List::stream).toList();
    }

    /** DuckDB over the files a reader of the warehouse reads now (WarehouseViews), listed afresh for each query. */
    static Sql sql(Path out) {
        Path warehouse = out.resolve("warehouse");
        DuckDbEngine engine = new DuckDbEngine();
        return new Sql() {
            @Override
            public List<List<String>> query(String sql) {
                for (String table : WarehouseTables.ALL) engine.register(WarehouseViews.files(warehouse, table));
                QueryResult result = engine.execute(sql);
                List<List<String>> rows = new ArrayList<>();
                rows.add(result.columns());
                for (Iterator<List<Object>> it = result.rows(-1); it.hasNext(); ) {
                    rows.add(it.next().stream().map(String::valueOf).toList());
                }
                return rows;
            }

            @Override
            public String text(String expression) {
                return "cast(" + expression + " as varchar)";
            }

            @Override
            public void close() {
                engine.close();
            }
        };
    }
}
