package io.auditwarehouse.sources.jenkins;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
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

    public static Instant parse(String value) throws UnparseableTimeException {
        if (value == null) throw new UnparseableTimeException(null);
        String s = value.trim();
        try {
            if (EPOCH_MILLIS.matcher(s).matches()) return Instant.ofEpochMilli(Long.parseLong(s));
            String iso = COMPACT_OFFSET.matcher(s).replaceFirst("$1:$2");
            if (HOURS_OFFSET.matcher(iso).find()) iso = iso + ":00";
            return OffsetDateTime.parse(iso, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeException | NumberFormatException e) {
            throw new UnparseableTimeException(value);
        }
    }

    /** A JSON value: a number is epoch milliseconds, a string any of the text forms. */
    public static Instant parse(JsonNode node) throws UnparseableTimeException {
        if (node == null || node.isNull() || node.isMissingNode()) throw new UnparseableTimeException(null);
        if (node.isIntegralNumber()) return Instant.ofEpochMilli(node.longValue());
        if (node.isTextual()) return parse(node.textValue());
        throw new UnparseableTimeException(node.toString());
    }
}
