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
import java.io.StringReader;
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
    private static final char REPLACEMENT = '\uFFFD';

    private CsvTable() {
    }

    /** @throws IllegalArgumentException when the header lacks one of the required columns */
    static <T> Parsed<T> read(Reader csv, String source, String sourceName, List<String> required, ZoneId zone,
                              RowMapper<T> mapper) {
        String text;
        try {
            text = readAll(withoutBom(csv));
        } catch (IOException e) {
            throw new UncheckedIOException(sourceName + ": " + e.getMessage(), e);
        }
        List<Integer> lineStarts = lineStarts(text);
        List<T> rows = new ArrayList<>();
        List<QuarantineRecord> rejected = new ArrayList<>();
        Map<String, Integer> columns = null;
        int width = 0;
        int from = 0; // the physical line (0-based) this parser starts at
        while (from >= 0 && from < lineStarts.size()) {
            int resumeAt = -1;
            try (CSVParser parser = parserAt(text, lineStarts.get(from))) {
                Iterator<CSVRecord> records = parser.iterator();
                if (columns == null) {
                    if (!records.hasNext()) throw new IllegalArgumentException(sourceName + ": no header row");
                    CSVRecord header = records.next();
                    columns = columns(header, required, sourceName);
                    width = header.size();
                }
                while (true) {
                    int line = from + (int) parser.getCurrentLineNumber();
                    CSVRecord record;
                    try {
                        if (!records.hasNext()) break;
                        record = records.next();
                    } catch (UncheckedIOException | IllegalStateException e) {
                        resumeAt = unbalanced(text, lineStarts, line, source, sourceName, rejected);
                        break;
                    }
                    if (record.size() != width && spansLines(record)) {
                        // a quote opened and never closed swallowed the lines after it: only its own line is the bad row
                        resumeAt = unbalanced(text, lineStarts, line, source, sourceName, rejected);
                        break;
                    }
                    try {
                        if (record.size() != width) throw new BadField("expected " + width + " fields, found " + record.size());
                        rows.add(mapper.map(new Row(record, columns, zone)));
                    } catch (BadField e) {
                        rejected.add(QuarantineRecord.of(source, sourceName + ":" + (line + 1), e.getMessage(),
                                FORMAT.format(record.values())));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(sourceName + ": " + e.getMessage(), e);
            }
            from = resumeAt;
        }
        if (columns == null) throw new IllegalArgumentException(sourceName + ": no header row");
        return new Parsed<>(rows, rejected);
    }

    /**
     * Quarantines the first non-empty physical line from {@code line} on as a row with unbalanced quotes.
     *
     * @return the line to read on from, or -1 at the end of the text
     */
    private static int unbalanced(String text, List<Integer> lineStarts, int line, String source, String sourceName,
                                  List<QuarantineRecord> rejected) {
        int bad = line;
        while (bad < lineStarts.size() && physicalLine(text, lineStarts, bad).isBlank()) bad++;
        if (bad >= lineStarts.size()) return -1;
        rejected.add(QuarantineRecord.of(source, sourceName + ":" + (bad + 1),
                "unbalanced quotes: a quoted field is not closed where its row ends", physicalLine(text, lineStarts, bad)));
        return bad + 1;
    }

    private static boolean spansLines(CSVRecord record) {
        for (String v : record) if (v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) return true;
        return false;
    }

    private static CSVParser parserAt(String text, int offset) throws IOException {
        StringReader reader = new StringReader(text);
        reader.skip(offset);
        return CSVParser.builder().setReader(reader).setFormat(FORMAT).get();
    }

    /** Where each physical line starts; a line ends at LF, CR or CRLF, as the CSV parser counts them. */
    private static List<Integer> lineStarts(String text) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') i++;
            if (c == '\r' || c == '\n') starts.add(i + 1);
        }
        if (starts.get(starts.size() - 1) == text.length()) starts.remove(starts.size() - 1);
        return starts;
    }

    private static String physicalLine(String text, List<Integer> lineStarts, int line) {
        int end = line + 1 < lineStarts.size() ? lineStarts.get(line + 1) : text.length();
        return text.substring(lineStarts.get(line), end).replaceAll("[\r\n]+$", "");
    }

    private static String readAll(Reader in) throws IOException {
        StringBuilder s = new StringBuilder();
        char[] buffer = new char[8192];
        for (int n; (n = in.read(buffer)) >= 0; ) s.append(buffer, 0, n);
        return s.toString();
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

        private Row(CSVRecord record, Map<String, Integer> columns, ZoneId zone) throws BadField {
            for (Map.Entry<String, Integer> c : columns.entrySet()) {
                // the file is decoded leniently, so a byte that is not UTF-8 arrives as U+FFFD: the row is corrupt
                if (record.get(c.getValue()).indexOf(REPLACEMENT) >= 0) throw new BadField("invalid UTF-8 in " + c.getKey());
            }
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
                if (MYSQL_TIME.matcher(v).matches()) {
                    return JenkinsTime.inRange(LocalDateTime.parse(v.replace(' ', 'T')).atZone(zone).toInstant(), v);
                }
                return JenkinsTime.parse(v);
            } catch (UnparseableTimeException | DateTimeException e) {
                throw new BadField("unparseable time '" + v + "' in " + column);
            }
        }
    }
}
