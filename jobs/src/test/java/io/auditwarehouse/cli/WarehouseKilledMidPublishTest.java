package io.auditwarehouse.cli;

import io.auditwarehouse.errors.Checkpoints;
import io.auditwarehouse.sinks.BatchRecord;
import io.auditwarehouse.sinks.Snapshots;
import io.auditwarehouse.sinks.WarehouseTables;
import io.auditwarehouse.sinks.WarehouseViews;
import io.auditwarehouse.testing.CliProcess;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A nightly killed (halted like kill -9, at a named checkpoint, in a child process) before its commit or between its
 * tables leaves the embedded warehouse on the previous batch's snapshot for every reader; the next command marks the
 * dead batch FAILED, deletes the files it had placed, and publishes what an undisturbed run would.
 */
class WarehouseKilledMidPublishTest {

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {Checkpoints.BEFORE_FIRST_COMMIT, Checkpoints.BETWEEN_TABLE_COMMITS})
    void theCurrentSnapshotStaysOnThePreviousBatchAndTheNextCommandRepairsTheLedger(String checkpoint) throws Exception {
        Path input = Files.createDirectories(tmp.resolve("input"));
        WorkedExampleTest.copyTree(WorkedExampleTest.resource("worked-example"), input);
        Path out = tmp.resolve("out");
        Path warehouse = out.resolve("warehouse");
        String[] first = nightly(input, out, "2026-10-01");
        Cli.expect(ExitCodes.OK, first);
        Map<String, List<String>> before = WarehouseSnapshot.of(out, true);
        long version = WarehouseViews.snapshot(warehouse).version();

        String[] second = nightly(input, out, "2026-10-02");
        CliProcess killed = CliProcess.start(tmp, "killed", List.of(), Map.of(Checkpoints.ENV, checkpoint + ":halt"), second);
        killed.expectExit(Checkpoints.HALT_STATUS, Duration.ofMinutes(5));

        assertEquals(version, WarehouseViews.snapshot(warehouse).version(), "no commit: " + killed.output());
        assertEquals(before, WarehouseSnapshot.of(out, true), "every reader sees the first batch's rows only");
        BatchRecord dead = running(out);
        if (checkpoint.equals(Checkpoints.BETWEEN_TABLE_COMMITS)) {
            assertTrue(unnamedFiles(warehouse) > 0, "the killed batch had placed files that no snapshot names");
        }

        Cli next = Cli.expect(ExitCodes.OK, second);
        assertTrue(next.err().contains("batch " + dead.batchId() + " was interrupted before its commit: recorded FAILED"), next.err());
        BatchRecord failed = OwedKibanaIndexesTest.ledger(out).get(dead.batchId());
        assertEquals(BatchRecord.FAILED, failed.status());
        assertTrue(failed.message().startsWith("interrupted before its commit"), failed.message());
        assertEquals(0, unnamedFiles(warehouse), "what the dead batch placed is gone");
        assertEquals(version + 1, WarehouseViews.snapshot(warehouse).version());

        Path undisturbed = tmp.resolve("undisturbed");
        Cli.expect(ExitCodes.OK, nightly(input, undisturbed, "2026-10-01"));
        Cli.expect(ExitCodes.OK, nightly(input, undisturbed, "2026-10-02"));
        assertEquals(WarehouseSnapshot.of(undisturbed, false), WarehouseSnapshot.of(out, false), "the end state of an undisturbed run");
    }

    private static BatchRecord running(Path out) {
        List<BatchRecord> running = OwedKibanaIndexesTest.ledger(out).values().stream()
                .filter(b -> b.status().equals(BatchRecord.RUNNING)).toList();
        assertEquals(1, running.size(), running.toString());
        return running.get(0);
    }

    /** Data files under the tables' folders that no snapshot names. */
    private static long unnamedFiles(Path warehouse) throws IOException {
        Snapshots snapshots = new Snapshots(warehouse);
        Set<Path> named = new HashSet<>();
        for (long v : snapshots.versions()) {
            var s = snapshots.read(v);
            for (String t : s.tables().keySet()) for (String f : s.files(t)) named.add(warehouse.resolve(t).resolve(f));
        }
        long n = 0;
        for (String table : WarehouseTables.ALL) {
            if (table.equals(WarehouseTables.BATCH) || !Files.isDirectory(warehouse.resolve(table))) continue;
            try (Stream<Path> files = Files.walk(warehouse.resolve(table))) {
                n += files.filter(p -> p.getFileName().toString().endsWith(".parquet") && !p.getFileName().toString().startsWith("."))
                        .filter(p -> !named.contains(p)).count();
            }
        }
        return n;
    }

    private static String[] nightly(Path input, Path out, String date) {
        return new String[]{"nightly", "--input", input.toString(), "--out", out.toString(), "--date", date,
                "--as-of", "2026-10-10T00:00:00+09:00"};
    }
}
