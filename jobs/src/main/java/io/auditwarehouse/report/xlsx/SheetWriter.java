package io.auditwarehouse.report.xlsx;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes one sheet top to bottom in blocks. The first block's header is row 1, frozen and under the autofilter;
 * later blocks (after {@link #blank()}) sit below it, outside the filter, so sorting never mixes them in.
 *
 * <p>A sheet holds at most {@code rowLimit} rows. A table that reaches it continues on a new sheet named
 * "{@code <name> (2)}", "{@code <name> (3)}", …, which starts with the table's header again, frozen and filtered.
 */
final class SheetWriter {

    private static final int MAX_WIDTH = 80;

    private final SXSSFWorkbook wb;
    private final String name;
    private final int rowLimit;
    private final Styles styles;
    private final Cells cells;
    private final ZoneId zone;
    private final Map<Integer, Integer> widths = new TreeMap<>();
    private final List<SXSSFSheet> parts = new ArrayList<>();
    private SXSSFSheet sheet;
    private int next;
    private boolean inFirstBlock;
    private int filterLastRow;
    private int filterLastCol;
    /** Writes the header of the table being written: the first row of a continuation sheet. */
    private Runnable tableHeader;

    /** @param rowLimit rows a sheet may hold, its header included (Excel's own limit, or lower in tests) */
    SheetWriter(SXSSFWorkbook wb, String name, Styles styles, ZoneId zone, int rowLimit) {
        if (rowLimit < 2) throw new IllegalArgumentException("a sheet needs room for a header and a row: " + rowLimit);
        this.wb = wb;
        this.name = name;
        this.rowLimit = rowLimit;
        this.styles = styles;
        this.cells = new Cells(styles, zone);
        this.zone = zone;
        startSheet();
    }

    /** The sheets written: this one, then its continuations. */
    List<String> sheetNames() {
        return parts.stream().map(SXSSFSheet::getSheetName).toList();
    }

    /** A bold header row; on a new sheet when there is no room for a row beneath it. */
    <T> void header(List<Column<T>> columns) {
        tableHeader = null;
        if (next + 1 >= rowLimit) continueOnNextSheet();
        Row row = sheet.createRow(next);
        for (int c = 0; c < columns.size(); c++) {
            Column<T> col = columns.get(c);
            String label = label(col.header(), col.kind());
            Cell cell = row.createCell(c);
            cell.setCellValue(label);
            cell.setCellStyle(styles.header);
            // + 3: the autofilter's drop-down button covers the end of the label
            widen(c, Math.max(label.length() + 3, col.width() > 0 ? col.width() : col.kind().width));
        }
        if (inFirstBlock) {
            if (next != 0) throw new IllegalStateException(sheet.getSheetName() + ": the first block starts the sheet");
            filterLastRow = next;
            filterLastCol = columns.size() - 1;
        }
        next++;
        tableHeader = () -> header(columns);
    }

    /** A row of the table under the last {@link #header}; at the row limit, on a continuation sheet under that header. */
    <T> void row(List<Column<T>> columns, T item) {
        if (next >= rowLimit) {
            Runnable header = tableHeader;
            continueOnNextSheet();
            if (header != null) header.run();
        }
        Row row = sheet.createRow(next);
        for (int c = 0; c < columns.size(); c++) {
            Column<T> col = columns.get(c);
            Object value = col.value().apply(item);
            try {
                cells.put(row, c, col.kind(), value);
            } catch (ClassCastException e) {
                throw new IllegalStateException(sheet.getSheetName() + "." + col.header() + ": "
                        + value.getClass().getName() + " is not a " + col.kind(), e);
            }
        }
        if (inFirstBlock) filterLastRow = next;
        next++;
    }

    /** A header and a row per item. */
    <T> void table(List<Column<T>> columns, Iterable<T> items) {
        header(columns);
        for (T item : items) row(columns, item);
    }

    /** A bold label in the first column and its typed value in the second. */
    void fact(String label, CellKind kind, Object value) {
        tableHeader = null;
        if (next >= rowLimit) continueOnNextSheet();
        Row row = sheet.createRow(next++);
        Cell cell = row.createCell(0);
        cell.setCellValue(label(label, kind));
        cell.setCellStyle(styles.header);
        cells.put(row, 1, kind, value);
        widen(0, cell.getStringCellValue().length() + 2);
        if (value != null && kind == CellKind.TEXT) widen(1, value.toString().length() + 2);
    }

    /** An empty row; ends the filtered first block. */
    void blank() {
        tableHeader = null;
        inFirstBlock = false;
        next++;
    }

    /** Sets the autofilter of the last sheet and the column widths of all (SXSSF cannot measure flushed rows). */
    void finish() {
        filter();
        for (SXSSFSheet part : parts) widths.forEach((c, w) -> part.setColumnWidth(c, Math.min(w, MAX_WIDTH) * 256));
    }

    private void continueOnNextSheet() {
        filter();
        startSheet();
    }

    private void startSheet() {
        sheet = wb.createSheet(parts.isEmpty() ? name : name + " (" + (parts.size() + 1) + ")");
        sheet.createFreezePane(0, 1);
        parts.add(sheet);
        next = 0;
        inFirstBlock = true;
        filterLastRow = -1;
        filterLastCol = -1;
    }

    /** The autofilter over the current sheet's first block. */
    private void filter() {
        if (filterLastCol >= 0) sheet.setAutoFilter(new CellRangeAddress(0, filterLastRow, 0, filterLastCol));
    }

    /** Date-time labels name the zone their wall-clock times are in. */
    private String label(String name, CellKind kind) {
        return kind == CellKind.DATE_TIME ? name + " (" + zone + ")" : name;
    }

    private void widen(int col, int chars) {
        widths.merge(col, chars, Math::max);
    }
}
