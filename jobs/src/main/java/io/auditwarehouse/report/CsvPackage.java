package io.auditwarehouse.report;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One CSV per table: RFC 4180, UTF-8 with a byte-order mark so Excel opens Korean text, times in ISO-8601 UTC. */
final class CsvPackage {

    private CsvPackage() {
    }

    /**
     * @param rowCounts receives each file's data rows, so the manifest need not parse the files again
     * @param columns   per table, the columns to write when not all of them (a reproduction writes those of the issued
     *                  package, which may predate a column)
     * @return the files written, relative to {@code dir}
     */
    static List<Path> write(Path dir, MonthTables month, Map<Path, Long> rowCounts, Map<String, List<String>> columns)
            throws IOException {
        Path csvDir = Files.createDirectories(dir.resolve("csv"));
        List<Path> written = new ArrayList<>();
        for (String table : month.tables()) {
            Path file = csvDir.resolve(table + ".csv");
            List<String> all = List.of(month.schema(table).fieldNames());
            List<String> names = columns.getOrDefault(table, all);
            int[] at = names.stream().mapToInt(all::indexOf).toArray();
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                CSVPrinter csv = printer(w, names.toArray(String[]::new));
                long[] rows = {0};
                month.forEach(table, r -> {
                    rows[0]++;
                    List<String> cells = new ArrayList<>(at.length);
                    for (int i : at) cells.add(i < 0 ? "" : cell(r.get(i)));
                    print(csv, cells);
                });
                csv.flush();
                rowCounts.put(dir.relativize(file), rows[0]);
            }
            written.add(dir.relativize(file));
        }
        return written;
    }

    /** A printer that has written the byte-order mark and the header. */
    static CSVPrinter printer(Writer w, String... header) throws IOException {
        w.write('\uFEFF');
        return new CSVPrinter(w, CSVFormat.RFC4180.builder().setHeader(header).get());
    }

    static void print(CSVPrinter csv, List<?> cells) {
        try {
            csv.printRecord(cells);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String cell(Object v) {
        if (v == null) return "";
        if (v instanceof java.sql.Timestamp t) return t.toInstant().toString();
        if (v instanceof Instant t) return t.toString();
        return v.toString();
    }
}
