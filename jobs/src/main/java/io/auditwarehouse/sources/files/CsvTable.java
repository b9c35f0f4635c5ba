package io.auditwarehouse.sources.files;

import io.auditwarehouse.model.QuarantineRecord;
import io.auditwarehouse.sources.jenkins.JenkinsTime;
import io.auditwarehouse.sources.jenkins.UnparseableTimeException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads an RFC 4180 CSV file with a header row (UTF-8, a leading BOM tolerated, empty field = NULL) one row at a time;
 * a row the mapper cannot read is quarantined as {@code <sourceName>:<line>} and the other rows are still read.
 */
final class CsvTable {

    interface RowMapper<T> {
        T map(Row row) throws BadField;
    }

    /** A field that cannot be read; the message is the quarantine reason. */
    static final class BadField extends Exception {
        BadField(String reason) {
            super(reason);
        }
    }

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();
    private static final Pattern MYSQL_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}[ T]\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?");
    private static final char BOM = '\uFEFF';

    private CsvTable() {
    }

    /** @throws IllegalArgumentException when the header lacks one of the required columns */
    static <T> Parsed<T> read(Reader csv, String source, String sourceName, List<String> required, ZoneId zone,
                              RowMapper<T> mapper) {
        List<T> rows = new ArrayList<>();
        List<QuarantineRecord> rejected = new ArrayList<>();
        try (CSVParser parser = CSVParser.builder().setReader(withoutBom(csv)).setFormat(FORMAT).get()) {
            Iterator<CSVRecord> records = parser.iterator();
            if (!records.hasNext()) throw new IllegalArgumentException(sourceName + ": no header row");
            CSVRecord header = records.next();
            Map<String, Integer> columns = columns(header, required, sourceName);
            while (true) {
                long line = parser.getCurrentLineNumber() + 1;
                if (!records.hasNext()) break;
                CSVRecord record = records.next();
                try {
                    if (record.size() != header.size()) {
                        throw new BadField("expected " + header.size() + " fields, found " + record.size());
                    }
                    rows.add(mapper.map(new Row(record, columns, zone)));
                } catch (BadField e) {
                    rejected.add(QuarantineRecord.of(source, sourceName + ":" + line, e.getMessage(),
                            FORMAT.format(record.values())));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(sourceName + ": " + e.getMessage(), e);
        }
        return new Parsed<>(rows, rejected);
    }

    private static Map<String, Integer> columns(CSVRecord header, List<String> required, String sourceName) {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            columns.putIfAbsent(header.get(i).trim().toLowerCase(Locale.ROOT), i);
        }
        for (String name : required) {
            if (!columns.containsKey(name)) {
                throw new IllegalArgumentException(sourceName + ": missing column '" + name + "'");
            }
        }
        return columns;
    }

    private static Reader withoutBom(Reader csv) throws IOException {
        BufferedReader in = new BufferedReader(csv);
        in.mark(1);
        if (in.read() != BOM) in.reset();
        return in;
    }

    /** One data row; every getter returns null for an empty field. */
    static final class Row {
        private final CSVRecord record;
        private final Map<String, Integer> columns;
        private final ZoneId zone;

        private Row(CSVRecord record, Map<String, Integer> columns, ZoneId zone) {
            this.record = record;
            this.columns = columns;
            this.zone = zone;
        }

        /** The value as written. */
        String raw(String column) {
            String v = record.get(columns.get(column));
            return v.isEmpty() ? null : v;
        }

        /** The value trimmed; blank is NULL too. */
        String text(String column) {
            String v = raw(column);
            return v == null || v.isBlank() ? null : v.trim();
        }

        String upper(String column) {
            String v = text(column);
            return v == null ? null : v.toUpperCase(Locale.ROOT);
        }

        Integer integer(String column) throws BadField {
            String v = text(column);
            try {
                return v == null ? null : Integer.valueOf(v);
            } catch (NumberFormatException e) {
                throw new BadField("unparseable number '" + v + "' in " + column);
            }
        }

        /** MySQL DATETIME text in the file's zone, or ISO-8601 with an offset. */
        Instant time(String column) throws BadField {
            String v = text(column);
            if (v == null) return null;
            try {
                if (MYSQL_TIME.matcher(v).matches()) return LocalDateTime.parse(v.replace(' ', 'T')).atZone(zone).toInstant();
                return JenkinsTime.parse(v);
            } catch (UnparseableTimeException | DateTimeException e) {
                throw new BadField("unparseable time '" + v + "' in " + column);
            }
        }
    }
}
