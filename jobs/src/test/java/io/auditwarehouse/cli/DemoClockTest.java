package io.auditwarehouse.cli;

import io.auditwarehouse.config.ConfigException;
import io.auditwarehouse.generate.GeneratorSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The demo never reconciles as of an instant after its own wall clock (issue 9, item 7). */
class DemoClockTest {

    private static final ZoneId KST = ZoneId.of("Asia/Seoul");

    private static Instant asOf(YearMonth m) {
        return GeneratorSpec.of(m, 1_000, 1).asOf();
    }

    @Test
    void theDefaultMonthsAsOfIsNeverAfterTheWallClockAndIsTheLatestSuch() {
        // every hour of two years, plus each month's boundaries, in the generator's business zone
        Instant from = Instant.parse("2026-01-01T00:00:00Z");
        for (Instant now = from; now.isBefore(from.plus(Duration.ofDays(731))); now = now.plus(Duration.ofMinutes(61))) {
            YearMonth m = DemoCommand.demoMonth(null, now);
            assertFalse(asOf(m).isAfter(now), m + " at " + now);
            assertTrue(asOf(m.plusMonths(1)).isAfter(now), "a later month is already closed at " + now);
        }
    }

    @Test
    void onTheTenthTheMonthBeforeBecomesAvailableExactlyAtMidnightKst() {
        Instant tenth = Instant.parse("2026-12-10T00:00:00+09:00");
        assertEquals(YearMonth.of(2026, 11), DemoCommand.demoMonth(null, tenth));
        assertEquals(YearMonth.of(2026, 10), DemoCommand.demoMonth(null, tenth.minusMillis(1)));
        // the case of the issue: a demo on 2 December reconciles October, as of 10 November
        Instant december2 = Instant.parse("2026-12-02T12:00:00+09:00");
        assertEquals(YearMonth.of(2026, 10), DemoCommand.demoMonth(null, december2));
        assertEquals(Instant.parse("2026-11-10T00:00:00+09:00"), asOf(YearMonth.of(2026, 10)));
    }

    @Test
    void aMonthWhoseAsOfIsAheadIsRefusedNamingTheOption() {
        Instant now = Instant.parse("2026-12-02T12:00:00+09:00");
        ConfigException e = assertThrows(ConfigException.class, () -> DemoCommand.demoMonth("2026-11", now));
        assertTrue(e.getMessage().startsWith("--month: 2026-11 is reconciled as of 2026-12-10"), e.getMessage());
        assertEquals(YearMonth.of(2026, 10), DemoCommand.demoMonth("2026-10", now));
        Instant exactly = asOf(YearMonth.of(2026, 11));
        assertEquals(YearMonth.of(2026, 11), DemoCommand.demoMonth("2026-11", exactly));
        assertThrows(ConfigException.class, () -> DemoCommand.demoMonth("2026-11", exactly.minusMillis(1)));
    }

    @Test
    void theCommandRefusesAFutureAsOfBeforeGeneratingAnything(@TempDir Path tmp) {
        YearMonth current = YearMonth.now(KST);
        Path out = tmp.resolve("demo");
        Cli r = Cli.expect(2, "demo", "--month", current.toString(), "--out", out.toString());
        assertTrue(r.err().startsWith("error (configuration error): --month: " + current), r.err());
        assertFalse(Files.exists(out.resolve("input")), "nothing generated");
    }
}
