package io.auditwarehouse.report.xlsx;

import io.auditwarehouse.report.content.ReportContent.Completeness;

/** Runs per controller by the sources that saw them (the filtered table), then quarantine counts and the gaps. */
final class CompletenessSheet {

    private CompletenessSheet() {
    }

    static void write(SheetWriter sheet, Completeness completeness) {
        sheet.table(Columns.COVERAGE, completeness.coverage());
        sheet.blank();
        sheet.table(Columns.QUARANTINE, completeness.quarantine());
        sheet.blank();
        sheet.fact("build_number_gaps", CellKind.NUMBER, completeness.buildNumberGaps());
        sheet.table(Columns.EXCEPTIONS, completeness.gaps());
        sheet.finish();
    }
}
