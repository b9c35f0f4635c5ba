package io.auditwarehouse.report.xlsx;

import io.auditwarehouse.report.MonthRows;
import io.auditwarehouse.report.ReportContent;
import io.auditwarehouse.sinks.WarehouseTables;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * The evidence package's workbook (outputs.md §3): the report's content as typed, filterable sheets for analysis,
 * plus the month's runs and approvals in full. Streamed: only a window of rows is in memory, the rest in
 * temporary files that closing the workbook deletes.
 */
public final class XlsxReport {

    /** Sheet names, in workbook order. */
    public static final List<String> SHEETS = List.of(
            "Summary", "Exceptions", "Runs", "Approvals", "Sample", "Completeness", "Restatements");

    /** Rows kept in memory per sheet before SXSSF flushes them to its temporary file. */
    private static final int ROW_WINDOW = 100;

    private XlsxReport() {
    }

    /** Writes {@code xlsxFile}, replacing it only once the whole workbook is written. */
    public static void write(ReportContent content, MonthRows rows, Path xlsxFile) throws IOException {
        // a sibling, so the move is a rename; not createTempFile, whose owner-only permissions the move would keep
        Path partial = xlsxFile.resolveSibling(xlsxFile.getFileName() + ".part");
        try {
            try (SXSSFWorkbook wb = new SXSSFWorkbook(ROW_WINDOW)) {
                wb.setCompressTempFiles(true); // a month of runs is hundreds of MB of sheet XML before zipping
                properties(wb, content);
                Styles styles = new Styles(wb);
                SummarySheet.write(sheet(wb, 0, styles, content), content);
                table(sheet(wb, 1, styles, content), Columns.EXCEPTIONS, content.exceptions());
                warehouseTable(sheet(wb, 2, styles, content), rows, WarehouseTables.RUN);
                warehouseTable(sheet(wb, 3, styles, content), rows, WarehouseTables.APPROVAL);
                table(sheet(wb, 4, styles, content), Columns.SAMPLE, content.sample());
                CompletenessSheet.write(sheet(wb, 5, styles, content), content.completeness());
                table(sheet(wb, 6, styles, content), Columns.RESTATEMENTS, content.restatements());
                try (OutputStream out = Files.newOutputStream(partial)) {
                    wb.write(out);
                }
            }
            Files.move(partial, xlsxFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    private static SheetWriter sheet(SXSSFWorkbook wb, int index, Styles styles, ReportContent content) {
        return new SheetWriter(wb, SHEETS.get(index), styles, content.zone());
    }

    private static <T> void table(SheetWriter sheet, List<Column<T>> columns, List<T> items) {
        sheet.table(columns, items);
        sheet.finish();
    }

    /** Every row of a month's warehouse table, handed over one at a time by {@link MonthRows}. */
    private static void warehouseTable(SheetWriter sheet, MonthRows rows, String table) {
        var columns = Columns.of(rows.schema(table));
        sheet.header(columns);
        rows.forEach(table, r -> sheet.row(columns, r));
        sheet.finish();
    }

    /** Creation date = the data's as-of, not the clock, so re-rendering does not change what the file says. */
    private static void properties(SXSSFWorkbook wb, ReportContent content) {
        POIXMLProperties.CoreProperties core = wb.getXSSFWorkbook().getProperties().getCoreProperties();
        Optional<Date> asOf = Optional.ofNullable(content.asOf()).map(Date::from);
        core.setCreated(asOf);
        core.setModified(asOf);
        core.setCreator("Audit Evidence Warehouse " + content.softwareVersion());
        core.setTitle("Evidence package " + content.month());
    }
}
