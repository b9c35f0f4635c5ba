package io.auditwarehouse.digest;

import io.auditwarehouse.config.ConfigException;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * The schedule slot a digest is sent for: a business date (the default, today) or an instant (a scheduler's fire
 * time). At most one digest is sent per slot; the slot names its ledger row, {@link #batchId()}.
 *
 * @param date    the slot when it is a date, else null
 * @param instant the slot when it is an instant (whole seconds), else null
 */
public record DigestSlot(LocalDate date, Instant instant) {

    public static final String KIND = "digest";
    private static final DateTimeFormatter BASIC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    public DigestSlot {
        if ((date == null) == (instant == null)) throw new IllegalArgumentException("a slot is a date or an instant");
        if (instant != null) instant = instant.truncatedTo(ChronoUnit.SECONDS);
    }

    public static DigestSlot today(ZoneId businessZone) {
        return new DigestSlot(LocalDate.now(businessZone), null);
    }

    /**
     * {@code --slot}: a date ({@code 2026-10-05}), an ISO-8601 instant with offset ({@code 2026-10-05T09:00:00+09:00},
     * {@code ...Z}) or a date-time without offset, read in the business zone.
     */
    public static DigestSlot parse(String text, ZoneId businessZone) {
        String t = text.trim();
        try {
            if (t.length() == 10) return new DigestSlot(LocalDate.parse(t), null);
            if (t.endsWith("Z") || t.matches(".*[+-]\\d\\d:?\\d\\d$")) return new DigestSlot(null, OffsetDateTime.parse(t).toInstant());
            return new DigestSlot(null, LocalDateTime.parse(t).atZone(businessZone).toInstant());
        } catch (DateTimeException e) {
            throw new ConfigException("--slot", "expected a date like 2026-10-05 or an ISO-8601 time like 2026-10-05T09:00:00+09:00, got '" + text + "'");
        }
    }

    /** The ledger's natural key: {@code digest-2026-10-05} or {@code digest-20261005T000000Z} (UTC). */
    public String batchId() {
        return KIND + "-" + (date != null ? date.toString() : BASIC.format(instant));
    }

    /** The business date the slot falls on (recorded as the batch's date). */
    public LocalDate businessDate(ZoneId zone) {
        return date != null ? date : instant.atZone(zone).toLocalDate();
    }

    /** For people: the date, or the instant as wall-clock time in the business zone. */
    public String label(ZoneId zone) {
        return date != null ? date.toString() : LOCAL.format(instant.atZone(zone));
    }

    @Override
    public String toString() {
        return date != null ? date.toString() : instant.toString();
    }
}
