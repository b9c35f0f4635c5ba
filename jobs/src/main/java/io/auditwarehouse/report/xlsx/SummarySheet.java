package io.auditwarehouse.report.xlsx;

import io.auditwarehouse.report.ReportContent;
import io.auditwarehouse.report.ReportContent.FailureReports;

/** Totals per control (the filtered table), then the cover facts, the failure-report status and the daily trend. */
final class SummarySheet {

    private SummarySheet() {
    }

    static void write(SheetWriter sheet, ReportContent content) {
        sheet.table(Columns.CONTROLS, content.controls());
        sheet.blank();
        cover(sheet, content);
        sheet.blank();
        failureReports(sheet, content.failureReports());
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
