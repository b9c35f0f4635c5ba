package io.auditwarehouse.schedule;

import org.quartz.CronExpression;

import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Date;
import java.util.Optional;
import java.util.TimeZone;

/**
 * When the scheduled evidence package of a month is written (operations.md, Scheduling): by the report trigger (the
 * 1st at 06:00) for the month before, once that month's failure-report SLA has passed; otherwise by the first nightly
 * run after it has. Decided from the slots and the cron expressions alone, so every node agrees without a lookup.
 */
public record ReportTiming(ZoneId zone, Duration failureReportSla, String reportCron, String nightlyCron) {

    /** The month a run at this slot reports on: the one before the slot's month. */
    public YearMonth monthFor(Instant slot) {
        return YearMonth.from(slot.atZone(zone)).minusMonths(1);
    }

    /** The month's last failure-report deadline: its end plus the SLA. */
    public Instant readyAt(YearMonth month) {
        return month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant().plus(failureReportSla);
    }

    /** The report trigger at this slot writes the package; false: too early, the nightly will. */
    public boolean reportRunWrites(Instant slot) {
        return !slot.isBefore(readyAt(monthFor(slot)));
    }

    /** The month whose package the nightly run at this slot (or its catch-up) writes, if any. */
    public Optional<YearMonth> nightlyWrites(Instant slot) {
        if (reportCron == null || nightlyCron == null) return Optional.empty();
        YearMonth month = monthFor(slot);
        Instant ready = readyAt(month);
        Instant reportSlot = after(reportCron, month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant());
        if (reportSlot == null || !reportSlot.isBefore(ready)) return Optional.empty(); // the report trigger writes it itself
        Instant first = after(nightlyCron, ready);
        if (first == null || slot.isBefore(first)) return Optional.empty();
        Instant second = after(nightlyCron, first.plusMillis(1));
        return second == null || slot.isBefore(second) ? Optional.of(month) : Optional.empty();
    }

    /** The first fire time at or after {@code from}. */
    private Instant after(String cron, Instant from) {
        try {
            CronExpression e = new CronExpression(cron);
            e.setTimeZone(TimeZone.getTimeZone(zone));
            Date next = e.getTimeAfter(Date.from(from.minusMillis(1)));
            return next == null ? null : next.toInstant();
        } catch (ParseException ex) {
            throw new IllegalArgumentException(cron, ex);
        }
    }
}
