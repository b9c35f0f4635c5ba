package io.auditwarehouse.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The scheduler's settings are checked before anything starts (the running scheduler is in SchedulerIT). */
class SchedulerCommandTest {

    @TempDir
    Path tmp;

    @Test
    void anInvalidCronExpressionExitsTwoNamingItsKey() throws Exception {
        Path config = Files.writeString(tmp.resolve("c.yaml"), "schedule:\n  report: \"0 0 6 31 2 * ?\"\n");
        Cli r = Cli.expect(2, "scheduler", "--config", config.toString(), "--out", tmp.toString());
        assertTrue(r.err().contains("schedule.report"), r.err());
        Files.writeString(config, "schedule:\n  digest: \"every weekday at nine\"\n");
        assertTrue(Cli.expect(2, "scheduler", "--config", config.toString()).err().contains("schedule.digest"));
    }

    @Test
    void everyTriggerDisabledExitsTwo() throws Exception {
        Path config = Files.writeString(tmp.resolve("c.yaml"), "schedule:\n  nightly: \"\"\n  report: \"\"\n  digest: \"\"\n");
        Cli r = Cli.expect(2, "scheduler", "--config", config.toString(), "--out", tmp.toString());
        assertTrue(r.err().contains("nothing to schedule"), r.err());
    }
}
