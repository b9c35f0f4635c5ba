package io.auditwarehouse.report.xlsx;

import io.auditwarehouse.report.content.MonthRows;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** The listing sheets of the workbook, in order, each split at the row limit; remembers which ones continued. */
final class Sheets {

    private final SXSSFWorkbook wb;
    private final Styles styles;
    private final ZoneId zone;
    private final int rowLimit;
    private final List<SheetWriter> written = new ArrayList<>();

    Sheets(SXSSFWorkbook wb, Styles styles, ZoneId zone, int rowLimit) {
        this.wb = wb;
        this.styles = styles;
        this.zone = zone;
        this.rowLimit = rowLimit;
    }

    /** A new sheet after the ones written so far (and after their continuations). */
    SheetWriter next(String name) {
        SheetWriter sheet = new SheetWriter(wb, name, styles, zone, rowLimit);
        written.add(sheet);
        return sheet;
    }

    <T> void table(String name, List<Column<T>> columns, List<T> items) {
        SheetWriter sheet = next(name);
        sheet.table(columns, items);
        sheet.finish();
    }

    /** Every row of a month's warehouse table, handed over one at a time by {@link MonthRows}. */
    void warehouseTable(String name, MonthRows rows, String table) {
        SheetWriter sheet = next(name);
        var columns = Columns.of(rows.schema(table));
        sheet.header(columns);
        rows.forEach(table, r -> sheet.row(columns, r));
        sheet.finish();
    }

    /** Each split sheet's continuations, as "Runs: Runs (2), Runs (3)" joined by "; ", or "none". */
    String continued() {
        List<String> splits = new ArrayList<>();
        for (SheetWriter sheet : written) {
            List<String> names = sheet.sheetNames();
            if (names.size() > 1) splits.add(names.get(0) + ": " + String.join(", ", names.subList(1, names.size())));
        }
        return splits.isEmpty() ? "none" : String.join("; ", splits);
    }
}
