package io.auditwarehouse.cli;

import io.auditwarehouse.runtime.SparkTestSession;
import io.auditwarehouse.sinks.ParquetWarehouse;
import io.auditwarehouse.sinks.WarehouseTables;
import io.auditwarehouse.testing.LockHoldingProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two writers on one embedded warehouse: while another process holds the writer lock (a first nightly, stopped there
 * by the test), a second nightly or a report waits warehouse.lock_wait, then exits 7 with one line naming the holder;
 * with a longer wait it publishes once the lock is released, and the tables equal a single run's.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class OneWriterAtATimeTest {

    private static final String FIRST = "nightly batch nightly-20261009T173000Z-f1r5t0";

    @TempDir
    Path tmp;

    @Test
    void aSecondNightlyGivesUpNamingTheHolderOrWaitsAndPublishesWhatASingleRunWould() throws Exception {
        Path input = WorkedExampleTest.resource("worked-example");
        Path single = tmp.resolve("single");
        Cli.expect(ExitCodes.OK, nightly(input, single, config("single", "10m")));
        Map<String, List<String>> expected = WarehouseSnapshot.of(single, false);

        Path shared = tmp.resolve("shared");
        Path warehouse = shared.resolve("warehouse");
        try (LockHoldingProcess first = LockHoldingProcess.hold(warehouse, FIRST, tmp.resolve("first.err"))) {
            Cli busy = Cli.expect(ExitCodes.WAREHOUSE_BUSY, nightly(input, shared, config("short", "1s")));
            String line = errorLine(busy);
            assertTrue(line.startsWith("error (warehouse busy): the warehouse " + warehouse.toAbsolutePath() + " is locked by "
                    + FIRST + " (host " + InetAddress.getLocalHost().getHostName() + ", pid " + first.pid() + ", since 20"), line);
            assertTrue(line.endsWith("; gave up after waiting 1s (warehouse.lock_wait)"), line);
            assertTrue(busy.err().contains("waiting up to 1s (warehouse.lock_wait)"), busy.err());
            ParquetWarehouse published = new ParquetWarehouse(SparkTestSession.get(), warehouse);
            assertNull(published.read(WarehouseTables.BATCH), "nothing written, not even a ledger row");
            assertEquals(List.of(), published.publishedTables());

            Cli report = Cli.expect(ExitCodes.WAREHOUSE_BUSY, "report", "--month", "2026-10", "--format", "csv",
                    "--out", shared.toString(), "--config", config("report", "1s"));
            assertTrue(errorLine(report).contains("is locked by " + FIRST + " (host "), report.err());
            assertFalse(Files.exists(shared.resolve("reports")), "no package written");

            // the second nightly waits (its progress line is the checkpoint), the first releases, the second publishes
            CountDownLatch waiting = new CountDownLatch(1);
            StringWriter err = new StringWriter() {
                @Override
                public void write(String s, int off, int len) {
                    super.write(s, off, len);
                    if (toString().contains("waiting up to 10m")) waiting.countDown();
                }
            };
            StringWriter out = new StringWriter();
            String[] longWait = nightly(input, shared, config("long", "10m"));
            CompletableFuture<Integer> second = CompletableFuture.supplyAsync(() -> AuditWarehouse.execute(
                    new PrintWriter(out, true), new PrintWriter(err, true), longWait));
            assertTrue(waiting.await(5, TimeUnit.MINUTES), "the second nightly says it waits:\n" + err);
            first.release();
            assertEquals(ExitCodes.OK, second.get(5, TimeUnit.MINUTES), out + "\n" + err);
        }
        assertEquals(expected, WarehouseSnapshot.of(shared, false), "the tables equal a single run's");
        Cli batches = Cli.expect(ExitCodes.OK, "sql", "--out", shared.toString(), "--format", "csv",
                "select kind, status from recon_batch");
        assertEquals(List.of("nightly,COMPLETED"), batches.csvRows());
    }

    @Test
    void helpNamesTheExitCodeOfABusyWarehouse() {
        for (String command : List.of("nightly", "backfill", "report")) {
            Cli help = Cli.expect(ExitCodes.OK, command, "--help");
            assertTrue(help.out().contains("7  the warehouse stayed locked by another nightly, backfill or report"), help.out());
        }
        assertEquals(7, ExitCodes.WAREHOUSE_BUSY);
    }

    private static String[] nightly(Path input, Path out, String config) {
        return new String[]{"nightly", "--input", input.toString(), "--out", out.toString(), "--config", config,
                "--date", "2026-10-01", "--as-of", "2026-10-10T00:00:00+09:00"};
    }

    private String config(String name, String lockWait) throws IOException {
        return Files.writeString(tmp.resolve(name + ".yaml"), "warehouse:\n  lock_wait: " + lockWait + "\n").toString();
    }

    /** The one error line the command printed. */
    private static String errorLine(Cli r) {
        List<String> errors = r.err().lines().filter(l -> l.startsWith("error")).toList();
        assertEquals(1, errors.size(), r.err());
        return errors.get(0);
    }
}
