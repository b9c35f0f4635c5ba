package io.auditwarehouse.report.xlsx;

import io.auditwarehouse.report.content.ReportContent.FailureReports;
import io.auditwarehouse.report.content.ReportContent;

/**
 * Totals per control (the filtered table), then the cover facts, the failure-report status, which listings continue
 * on numbered sheets, and the daily trend.
 */
final class SummarySheet {

    private SummarySheet() {
    }

    /**
     * @param sheetRows rows a listing sheet holds, its header included
     * @param continued the listings that continue on numbered sheets, and those sheets, or "none"
     */
    static void write(SheetWriter sheet, ReportContent content, int sheetRows, String continued) {
        sheet.table(Columns.CONTROLS, content.controls());
        sheet.blank();
        cover(sheet, content);
        sheet.blank();
        failureReports(sheet, content.failureReports());
        sheet.blank();
        // the full month is always in csv/; a listing past Excel's limit goes on over numbered sheets, same header
        sheet.fact("rows_per_sheet", CellKind.NUMBER, sheetRows);
        sheet.fact("continued_on_sheets", CellKind.TEXT, continued);
        sheet.blank();
        sheet.table(Columns.TREND, content.trend());
        sheet.finish();
    }

    private static void cover(SheetWriter sheet, ReportContent c) {
        sheet.fact("period", CellKind.TEXT, c.month().toString());
        sheet.fact("as_of", CellKind.DATE_TIME, c.asOf());
        sheet.fact("business_zone", CellKind.TEXT, c.zone().getId());
        sheet.fact("controllers", CellKind.TEXT, String.join(", ", c.controllers()));
        sheet.fact("software_version", CellKind.TEXT, c.softwareVersion());
        sheet.fact("content_sha256", CellKind.TEXT, c.contentSha256());
        sheet.fact("previous_manifest_sha256", CellKind.TEXT, c.previousManifestSha256());
        // text, not a number: a 64-bit seed loses digits in Excel's doubles, and auditors must type it back exactly
        sheet.fact("sample_seed", CellKind.TEXT, Long.toString(c.seed()));
        sheet.fact("sample_seed_source", CellKind.TEXT, c.seedSource());
    }

    private static void failureReports(SheetWriter sheet, FailureReports f) {
        sheet.fact("failed_runs", CellKind.NUMBER, f.failedRuns());
        sheet.fact("failure_reported_and_approved", CellKind.NUMBER, f.reportedAndApproved());
        sheet.fact("failure_reported_not_approved", CellKind.NUMBER, f.reportedNotApproved());
        sheet.fact("failure_not_reported", CellKind.NUMBER, f.notReported());
        sheet.fact("failure_report_pending", CellKind.NUMBER, f.pending());
    }
}
