package io.auditwarehouse.schedule;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** operations.md: the package on the 1st at 06:00 once the SLA has passed, otherwise at the first nightly after it has. */
class ReportTimingTest {

    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    private static final ReportTiming DEFAULTS = new ReportTiming(SEOUL, Duration.ofDays(3), "0 0 6 1 * ?", "0 30 2 * * ?");

    private static Instant kst(String local) {
        return OffsetDateTime.parse(local + "+09:00").toInstant();
    }

    @Test
    void withTheDefaultsTheFirstNightlyAfterTheSlaWritesTheMonthBefore() {
        assertEquals(YearMonth.of(2026, 10), DEFAULTS.monthFor(kst("2026-11-01T06:00:00")));
        assertEquals(kst("2026-11-04T00:00:00"), DEFAULTS.readyAt(YearMonth.of(2026, 10)));
        assertFalse(DEFAULTS.reportRunWrites(kst("2026-11-01T06:00:00")), "the SLA of October's last failures has not passed");
        assertEquals(Optional.empty(), DEFAULTS.nightlyWrites(kst("2026-11-03T02:30:00")));
        assertEquals(Optional.of(YearMonth.of(2026, 10)), DEFAULTS.nightlyWrites(kst("2026-11-04T02:30:00")));
        assertEquals(Optional.of(YearMonth.of(2026, 10)), DEFAULTS.nightlyWrites(kst("2026-11-04T09:12:34.567")), "its catch-up run");
        assertEquals(Optional.empty(), DEFAULTS.nightlyWrites(kst("2026-11-05T02:30:00")));
        assertEquals(Optional.empty(), DEFAULTS.nightlyWrites(kst("2026-12-02T02:30:00")));
    }

    @Test
    void whenTheSlaHasPassedByTheReportSlotTheReportTriggerWritesItAndNoNightlyDoes() {
        ReportTiming t = new ReportTiming(SEOUL, Duration.ofHours(4), "0 0 6 1 * ?", "0 30 2 * * ?");
        assertTrue(t.reportRunWrites(kst("2026-11-01T06:00:00")));
        assertEquals(Optional.empty(), t.nightlyWrites(kst("2026-11-01T02:30:00")));
        assertEquals(Optional.empty(), t.nightlyWrites(kst("2026-11-02T02:30:00")));
    }

    @Test
    void withoutAReportTriggerNoNightlyWritesAPackage() {
        ReportTiming t = new ReportTiming(SEOUL, Duration.ofDays(3), null, "0 30 2 * * ?");
        assertEquals(Optional.empty(), t.nightlyWrites(kst("2026-11-04T02:30:00")));
    }
}
