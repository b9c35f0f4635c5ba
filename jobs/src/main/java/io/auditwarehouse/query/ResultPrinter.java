package io.auditwarehouse.query;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Prints a query result as an aligned table, CSV or JSON lines. Text forms of values are the same in every format
 * and for every engine: an Instant as ISO-8601 UTC ({@code 2026-10-01T02:00:00.001Z}), a date as {@code 2026-10-01}.
 */
public final class ResultPrinter {

    public enum Format { table, csv, json }

    private final PrintWriter out;

    public ResultPrinter(PrintWriter out) {
        this.out = out;
    }

    /** @param maxRows rows shown in table format */
    public void print(Format format, QueryResult result, int maxRows) throws IOException {
        switch (format) {
            case csv -> printCsv(result);
            case json -> printJson(result);
            case table -> printTable(result, maxRows);
        }
        out.flush();
    }

    /** NULL is an empty field, as before. */
    private void printCsv(QueryResult result) throws IOException {
        CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(result.columns().toArray(String[]::new)).get());
        for (Iterator<List<Object>> it = result.rows(-1); it.hasNext(); ) {
            List<Object> values = new ArrayList<>();
            for (Object v : it.next()) values.add(v == null ? "" : text(v));
            csv.printRecord(values);
        }
        csv.flush();
    }

    /** One object per line; a NULL column is left out of its object (as Spark's toJSON did). */
    private void printJson(QueryResult result) throws IOException {
        List<String> cols = result.columns();
        JsonFactory factory = new JsonFactory();
        for (Iterator<List<Object>> it = result.rows(-1); it.hasNext(); ) {
            List<Object> row = it.next();
            JsonGenerator json = factory.createGenerator(out);
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            json.writeStartObject();
            for (int i = 0; i < cols.size(); i++) {
                if (row.get(i) == null) continue;
                json.writeFieldName(cols.get(i));
                writeJson(json, row.get(i));
            }
            json.writeEndObject();
            json.flush();
            out.println();
        }
    }

    private static void writeJson(JsonGenerator json, Object v) throws IOException {
        if (v == null) json.writeNull();
        else if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) json.writeNumber(((Number) v).longValue());
        else if (v instanceof BigInteger b) json.writeNumber(b);
        else if (v instanceof BigDecimal d) json.writeNumber(d);
        else if (v instanceof Double || v instanceof Float) writeFloating(json, ((Number) v).doubleValue());
        else if (v instanceof Boolean b) json.writeBoolean(b);
        else if (v instanceof List<?> list) {
            json.writeStartArray();
            for (Object e : list) writeJson(json, e);
            json.writeEndArray();
        } else if (v instanceof Map<?, ?> map) {
            json.writeStartObject();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                json.writeFieldName(String.valueOf(e.getKey()));
                writeJson(json, e.getValue());
            }
            json.writeEndObject();
        } else json.writeString(text(v));
    }

    // JSON has no NaN or infinity: write them as strings rather than break the line
    private static void writeFloating(JsonGenerator json, double d) throws IOException {
        if (Double.isFinite(d)) json.writeNumber(d);
        else json.writeString(Double.toString(d));
    }

    private void printTable(QueryResult result, int maxRows) {
        String[] cols = result.columns().toArray(String[]::new);
        List<String[]> rows = new ArrayList<>();
        Iterator<List<Object>> it = result.rows(maxRows + 1L);
        boolean more = false;
        while (it.hasNext()) {
            List<Object> r = it.next();
            if (rows.size() == maxRows) {
                more = true;
                break;
            }
            String[] cells = new String[cols.length];
            for (int i = 0; i < cols.length; i++) cells[i] = r.get(i) == null ? "NULL" : text(r.get(i));
            rows.add(cells);
        }
        int[] width = new int[cols.length];
        for (int i = 0; i < cols.length; i++) {
            width[i] = displayWidth(cols[i]);
            for (String[] row : rows) width[i] = Math.max(width[i], displayWidth(row[i]));
        }
        printRow(cols, width);
        StringBuilder rule = new StringBuilder();
        for (int i = 0; i < cols.length; i++) rule.append(i == 0 ? "" : "-+-").append("-".repeat(width[i]));
        out.println(rule);
        rows.forEach(r -> printRow(r, width));
        out.println("(" + rows.size() + " row" + (rows.size() == 1 ? "" : "s")
                + (more ? ", more not shown: use --max-rows or --format csv" : "") + ")");
    }

    private void printRow(String[] cells, int[] width) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            line.append(i == 0 ? "" : " | ").append(cells[i]).append(" ".repeat(width[i] - displayWidth(cells[i])));
        }
        out.println(line.toString().stripTrailing());
    }

    /** The text of a non-null value: Instant, LocalDate and numbers by their own toString; a list as [a, b]. */
    static String text(Object v) {
        if (v instanceof byte[] bytes) return java.util.HexFormat.of().formatHex(bytes);
        return String.valueOf(v);
    }

    /** Hangul and other wide characters take two terminal columns. */
    static int displayWidth(String s) {
        int w = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            w += (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) || (cp >= 0xAC00 && cp <= 0xD7A3)
                    || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFF00 && cp <= 0xFF60) ? 2 : 1;
            i += Character.charCount(cp);
        }
        return w;
    }
}
