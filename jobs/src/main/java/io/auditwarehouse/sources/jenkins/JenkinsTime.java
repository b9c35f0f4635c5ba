package io.auditwarehouse.sources.jenkins;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

/**
 * Timestamps as the Jenkins plugins and Elasticsearch write them:
 * {@code 2026-10-01T02:00:00.123+0900}, {@code 2026-10-01T02:00:00+0900}, ISO-8601 with {@code Z} or
 * {@code +09:00} (any fraction up to nanoseconds), or epoch milliseconds (an ES date field may come back so).
 */
public final class JenkinsTime {

    private static final Pattern COMPACT_OFFSET = Pattern.compile("([+-]\\d{2})(\\d{2})$");
    private static final Pattern HOURS_OFFSET = Pattern.compile("T.*[+-]\\d{2}$");
    private static final Pattern EPOCH_MILLIS = Pattern.compile("-?\\d+");

    private JenkinsTime() {
    }

    /** The first and the last instant a timestamp may name: years 1 to 9999 in UTC, what Spark and SQL store. */
    public static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");

    public static Instant parse(String value) throws UnparseableTimeException {
        if (value == null) throw new UnparseableTimeException(null);
        String s = value.trim();
        Instant common = parseCommon(s);
        if (common != null) return inRange(common, value);
        try {
            if (EPOCH_MILLIS.matcher(s).matches()) return inRange(Instant.ofEpochMilli(Long.parseLong(s)), value);
            String iso = COMPACT_OFFSET.matcher(s).replaceFirst("$1:$2");
            if (HOURS_OFFSET.matcher(iso).find()) iso = iso + ":00";
            return inRange(OffsetDateTime.parse(iso, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant(), value);
        } catch (DateTimeException | NumberFormatException e) {
            throw new UnparseableTimeException(value);
        }
    }

    /**
     * The instant, when it lies in years 1 to 9999 UTC: a later one (epoch milliseconds of 2^62, year +10000) made the
     * warehouse write fail with a long overflow and took the whole batch down.
     */
    public static Instant inRange(Instant t, String value) throws UnparseableTimeException {
        if (t.isBefore(EARLIEST) || t.isAfter(LATEST)) throw new UnparseableTimeException(value);
        return t;
    }

    /**
     * The plugins' own layout, {@code yyyy-MM-ddTHH:mm:ss[.f…](Z|±HHmm|±HH:mm)}, read digit by digit: the general path
     * above cost about a tenth of decoding a document. Anything else, or an impossible date, returns null.
     */
    static Instant parseCommon(String s) {
        int n = s.length();
        if (n < 20 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':'
                || s.charAt(16) != ':') {
            return null;
        }
        int year = digits(s, 0, 4), month = digits(s, 5, 2), day = digits(s, 8, 2);
        int hour = digits(s, 11, 2), minute = digits(s, 14, 2), second = digits(s, 17, 2);
        if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) return null;
        int i = 19;
        int nanos = 0;
        if (s.charAt(i) == '.') {
            int start = ++i;
            while (i < n && i - start < 9 && s.charAt(i) >= '0' && s.charAt(i) <= '9') nanos = nanos * 10 + (s.charAt(i++) - '0');
            if (i == start) return null;
            for (int k = i - start; k < 9; k++) nanos *= 10;
        }
        if (i >= n) return null;
        int offsetSeconds;
        char sign = s.charAt(i);
        if (sign == 'Z' && i == n - 1) {
            offsetSeconds = 0;
        } else if (sign == '+' || sign == '-') {
            int hh = digits(s, i + 1, 2);
            int mmAt = i + 3 < n && s.charAt(i + 3) == ':' ? i + 4 : i + 3;
            int mm = digits(s, mmAt, 2);
            if (hh < 0 || mm < 0 || mmAt + 2 != n || hh > 18 || mm > 59) return null;
            offsetSeconds = (hh * 3600 + mm * 60) * (sign == '-' ? -1 : 1);
        } else {
            return null;
        }
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second, nanos)
                    .toInstant(ZoneOffset.ofTotalSeconds(offsetSeconds));
        } catch (DateTimeException e) {
            return null; // e.g. 2026-02-30: the general path reports it
        }
    }

    /** The decimal number in s[from, from + count), or -1 when any of it is not a digit. */
    private static int digits(String s, int from, int count) {
        if (from + count > s.length()) return -1;
        int v = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return -1;
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /** A JSON value: a number is epoch milliseconds, a string any of the text forms. */
    public static Instant parse(JsonNode node) throws UnparseableTimeException {
        if (node == null || node.isNull() || node.isMissingNode()) throw new UnparseableTimeException(null);
        // a BigInteger's longValue() wraps around silently
        if (node.isIntegralNumber() && node.canConvertToLong()) return inRange(Instant.ofEpochMilli(node.longValue()), node.toString());
        if (node.isTextual()) return parse(node.textValue());
        throw new UnparseableTimeException(node.toString());
    }
}
