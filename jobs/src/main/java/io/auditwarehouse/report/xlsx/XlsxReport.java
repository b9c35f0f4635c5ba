package io.auditwarehouse.report.xlsx;

import io.auditwarehouse.report.content.MonthRows;
import io.auditwarehouse.report.content.ReportContent;
import io.auditwarehouse.sinks.WarehouseTables;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.ss.SpreadsheetVersion;
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
 * temporary files that closing the workbook deletes. A listing longer than a sheet holds continues on numbered
 * sheets ("Runs (2)", …) right after it, which the Summary names.
 */
public final class XlsxReport {

    /** Sheet names, in workbook order (each listing followed by its continuations, if any). */
    public static final List<String> SHEETS = List.of(
            "Summary", "Exceptions", "Runs", "Approvals", "Sample", "Completeness", "Restatements");

    /** Rows kept in memory per sheet before SXSSF flushes them to its temporary file. */
    private static final int ROW_WINDOW = 100;

    /** Excel's rows per sheet, the header included: a longer listing continues on numbered sheets. */
    static final int SHEET_ROWS = SpreadsheetVersion.EXCEL2007.getMaxRows();

    private XlsxReport() {
    }

    /** Writes {@code xlsxFile}, replacing it only once the whole workbook is written. */
    public static void write(ReportContent content, MonthRows rows, Path xlsxFile) throws IOException {
        write(content, rows, xlsxFile, SHEET_ROWS);
    }

    /**
     * @param sheetRows rows a listing sheet holds, its header included; lowered by tests. The Summary keeps Excel's
     *                  limit: its size is bounded by the catalog and the month's days, and it names the others' splits.
     */
    static void write(ReportContent content, MonthRows rows, Path xlsxFile, int sheetRows) throws IOException {
        // a sibling, so the move is a rename; not createTempFile, whose owner-only permissions the move would keep
        Path partial = xlsxFile.resolveSibling(xlsxFile.getFileName() + ".part");
        try {
            try (SXSSFWorkbook wb = new SXSSFWorkbook(ROW_WINDOW)) {
                // plain temporary files: a 1,000,000-run month is about 1.4 GB of sheet XML on disk, but gzipping it there
                // and unzipping it again to zip it into the workbook is two more passes of CPU over every row
                wb.setCompressTempFiles(false);
                properties(wb, content);
                Styles styles = new Styles(wb);
                // the Summary comes first in the workbook but is written last, once it knows which listings split
                SheetWriter summary = new SheetWriter(wb, SHEETS.get(0), styles, content.zone(), SHEET_ROWS);
                Sheets sheets = new Sheets(wb, styles, content.zone(), sheetRows);
                sheets.table(SHEETS.get(1), Columns.EXCEPTIONS, content.exceptions());
                sheets.warehouseTable(SHEETS.get(2), rows, WarehouseTables.RUN);
                sheets.warehouseTable(SHEETS.get(3), rows, WarehouseTables.APPROVAL);
                sheets.table(SHEETS.get(4), Columns.SAMPLE, content.sample());
                CompletenessSheet.write(sheets.next(SHEETS.get(5)), content.completeness());
                sheets.table(SHEETS.get(6), Columns.RESTATEMENTS, content.restatements());
                SummarySheet.write(summary, content, sheetRows, sheets.continued());
                try (OutputStream out = Files.newOutputStream(partial)) {
                    wb.write(out);
                }
            }
            Files.move(partial, xlsxFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
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
