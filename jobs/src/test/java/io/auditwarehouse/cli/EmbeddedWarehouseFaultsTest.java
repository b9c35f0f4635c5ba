package io.auditwarehouse.cli;

import io.auditwarehouse.cli.FaultMatrix.Phase;
import io.auditwarehouse.cli.FaultMatrix.Point;
import io.auditwarehouse.cli.FaultMatrix.PollingReader;
import io.auditwarehouse.cli.FaultMatrix.Sql;
import io.auditwarehouse.query.DuckDbEngine;
import io.auditwarehouse.query.QueryResult;
import io.auditwarehouse.sinks.WarehouseTables;
import io.auditwarehouse.sinks.Snapshots.Snapshot;
import io.auditwarehouse.sinks.WarehouseViews;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static io.auditwarehouse.cli.FaultMatrix.assertWhole;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The kill -9 matrix on the embedded warehouse (Parquet under --out, Kibana bulk files): a nightly (or, at
 * rendering-package, a report) in a JVM of its own halted at each checkpoint as kill -9 would, over a warehouse that
 * already holds the same dates from an undisturbed run, with a reader polling the tables all the while; then the same
 * command again. The reader only ever sees whole dates of one batch (halted, repairing, and after), the halted batch
 * ends FAILED with the files it placed deleted, and the tables and Kibana files equal the undisturbed run's.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class EmbeddedWarehouseFaultsTest {

    /** The points at which a halted batch has placed files that no snapshot names. */
    private static final Set<Point> BEFORE_ITS_COMMIT = EnumSet.of(Point.BEFORE_FIRST_COMMIT, Point.BETWEEN_TABLE_COMMITS);

    @TempDir
    static Path shared;
    @TempDir
    Path tmp;

    private static Path undisturbed;

    private static FaultMatrix.Undisturbed before;

    @BeforeAll
    static void oneUndisturbedNightly() throws Exception {
        undisturbed = shared.resolve("undisturbed");
        Cli.expect(ExitCodes.OK, FaultMatrix.nightly(undisturbed, null));
        try (Sql sql = sql(undisturbed)) {
            before = FaultMatrix.Undisturbed.read(sql, undisturbed);
        }
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
        try (PollingReader reader = new PollingReader(sql(out), before.view())) {
            FaultMatrix.Repaired run = FaultMatrix.haltThenRepair("embedded", point, tmp, command, reader, () -> sql(out));
            // one snapshot commits a batch: no phase of any point, not even a halt between two tables, shows a torn date
            assertWhole("at " + point + ", " + reader.summary(), reader.defects(Phase.values()));
            try (Sql sql = sql(out)) {
                String dead = FaultMatrix.assertLedger(point, run, FaultMatrix.ledger(sql), before.batch());
                if (dead != null) {
                    assertFalse(Files.exists(out.resolve("warehouse/.staging/" + dead)), "what the dead batch staged is discarded");
                    // a batch halted after its commit stays in the snapshots kept for time travel; one halted before, nowhere
                    if (BEFORE_ITS_COMMIT.contains(point)) {
                        assertEquals(List.of(), filesOf(out.resolve("warehouse"), dead), "what the dead batch placed is deleted");
                    }
                }
            }
        }

        try (Sql sql = sql(out)) {
            assertEquals(before.tables(), FaultMatrix.tables(sql), "table for table, row for row, as undisturbed");
        }
        assertEquals(before.kibana(), FaultMatrix.kibanaFiles(out), "file for file, document for document, as undisturbed");
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
        FaultMatrix.twoNightliesTogether(tmp, FaultMatrix.nightly(out, null), out, () -> sql(out), () -> sql(undisturbed), before.kibana());
        System.out.printf("two nightlies, embedded: %.1f s%n", (System.nanoTime() - started) / 1e9);
    }

    /** Data files under the table folders whose names a batch gave them (each batch's files start with its id). */
    private static List<String> filesOf(Path warehouse, String batchId) throws IOException {
        try (Stream<Path> all = Files.walk(warehouse)) {
            return all.filter(f -> f.getFileName().toString().startsWith(batchId + "-")).map(Path::toString).toList();
        }
    }

    /** DuckDB over the files a reader of the warehouse reads now (WarehouseViews), listed afresh for each query. */
    static Sql sql(Path out) {
        Path warehouse = out.resolve("warehouse");
        DuckDbEngine engine = new DuckDbEngine();
        return new Sql() {
            @Override
            public List<List<String>> query(String sql) {
                // one snapshot for every table, as the sql command reads them: two listings could straddle a commit
                Snapshot snapshot = WarehouseViews.snapshot(warehouse);
                for (String table : WarehouseTables.ALL) engine.register(WarehouseViews.files(warehouse, table, snapshot));
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
