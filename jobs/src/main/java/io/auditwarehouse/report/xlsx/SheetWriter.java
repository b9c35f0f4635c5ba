package io.auditwarehouse.report.xlsx;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes one sheet top to bottom in blocks. The first block's header is row 1, frozen and under the autofilter;
 * later blocks (after {@link #blank()}) sit below it, outside the filter, so sorting never mixes them in.
 */
final class SheetWriter {

    private static final int MAX_WIDTH = 80;

    private final SXSSFSheet sheet;
    private final Styles styles;
    private final Cells cells;
    private final ZoneId zone;
    private final Map<Integer, Integer> widths = new TreeMap<>();
    private int next;
    private boolean inFirstBlock = true;
    private int filterLastRow = -1;
    private int filterLastCol = -1;

    SheetWriter(SXSSFWorkbook wb, String name, Styles styles, ZoneId zone) {
        this.sheet = wb.createSheet(name);
        this.styles = styles;
        this.cells = new Cells(styles, zone);
        this.zone = zone;
        sheet.createFreezePane(0, 1);
    }

    /** A bold header row. */
    <T> void header(List<Column<T>> columns) {
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
    }

    <T> void row(List<Column<T>> columns, T item) {
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
        inFirstBlock = false;
        next++;
    }

    /** Sets the autofilter over the first block and the column widths (SXSSF cannot measure flushed rows). */
    void finish() {
        if (filterLastCol >= 0) sheet.setAutoFilter(new CellRangeAddress(0, filterLastRow, 0, filterLastCol));
        widths.forEach((c, w) -> sheet.setColumnWidth(c, Math.min(w, MAX_WIDTH) * 256));
    }

    /** Date-time labels name the zone their wall-clock times are in. */
    private String label(String name, CellKind kind) {
        return kind == CellKind.DATE_TIME ? name + " (" + zone + ")" : name;
    }

    private void widen(int col, int chars) {
        widths.merge(col, chars, Math::max);
    }
}
