package io.auditwarehouse.schedule;

import io.auditwarehouse.config.AppConfig;
import io.auditwarehouse.config.ConfigLoader;
import io.auditwarehouse.sinks.WarehouseBusyException;
import io.auditwarehouse.testing.LockHoldingProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The scheduler's nightly and report runs take the same writer lock as the commands. */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class ScheduledRunsLockTest {

    private static final String FIRST = "nightly batch nightly-20261002T173000Z-f1r5t0";

    @TempDir
    Path tmp;

    @Test
    void aScheduledNightlyAndAScheduledReportWaitForTheHolderAndGiveUpNamingIt() throws Exception {
        Path input = Path.of(getClass().getResource("/worked-example").toURI());
        Path config = Files.writeString(tmp.resolve("c.yaml"), "warehouse:\n  lock_wait: 1s\n");
        AppConfig app = ConfigLoader.load(config, input, tmp.resolve("out"));
        StringWriter printed = new StringWriter();
        SchedulerRuntime runtime = new SchedulerRuntime(app, new PrintWriter(printed, true), new PrintWriter(printed, true));
        try (LockHoldingProcess first = LockHoldingProcess.hold(app.warehouseDir(), FIRST, tmp.resolve("first.err"))) {
            WarehouseBusyException nightly = assertThrows(WarehouseBusyException.class,
                    () -> new Runs.Nightly().work(runtime, Instant.parse("2026-10-01T17:30:00Z")));
            assertTrue(nightly.getMessage().contains("is locked by " + FIRST + " (host "), nightly.getMessage());
            assertTrue(printed.toString().contains("waiting up to 1s (warehouse.lock_wait)"), printed.toString());

            WarehouseBusyException report = assertThrows(WarehouseBusyException.class,
                    () -> Runs.Report.renderMonth(runtime, YearMonth.of(2026, 10)));
            assertTrue(report.getMessage().contains("is locked by " + FIRST + " (host "), report.getMessage());
            assertFalse(Files.exists(app.outputDir().resolve("reports")), "no package written");
        }
    }
}
