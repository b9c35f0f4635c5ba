package io.auditwarehouse.sources.files;

import io.auditwarehouse.model.Approval;
import io.auditwarehouse.sources.jenkins.ColumnWidths;

import java.io.Reader;
import java.time.ZoneId;
import java.util.List;

/** {@code approvals.csv}: the approval_record relation of inputs.md §1 as a file. */
public final class ApprovalsCsv {

    public static final String SOURCE = "approvals";
    static final List<String> COLUMNS = List.of("approval_no", "request_type", "controller", "job_name",
            "build_number", "requester_id", "approver_id", "status", "requested_at", "decided_at", "valid_from",
            "valid_to", "max_runs", "reason", "updated_at");

    private ApprovalsCsv() {
    }

    /**
     * @param approvalsZone the zone the DATETIME values are written in ({@code sources.approvals.zone})
     * @param sourceName    the file name, used in quarantine document ids ({@code approvals.csv:7})
     * @throws IllegalArgumentException when a column of the contract is missing from the header
     */
    public static Parsed<Approval> read(Reader csv, ZoneId approvalsZone, String sourceName) {
        return CsvTable.read(csv, SOURCE, sourceName, COLUMNS, approvalsZone, ApprovalsCsv::approval);
    }

    private static Approval approval(CsvTable.Row row) throws CsvTable.BadField {
        String approvalNo = Approval.normaliseNo(row.raw("approval_no"));
        if (approvalNo == null) throw new CsvTable.BadField("missing approval_no");
        Approval a = new Approval(
                approvalNo,
                row.upper("request_type"),
                row.text("controller"),
                row.text("job_name"),
                row.integer("build_number"),
                row.text("requester_id"),
                row.text("approver_id"),
                row.upper("status"),
                row.time("requested_at"),
                row.time("decided_at"),
                row.time("valid_from"),
                row.time("valid_to"),
                row.integer("max_runs"),
                row.raw("reason"),
                row.time("updated_at"));
        String missing = a.missingRequiredColumn();
        if (missing != null) throw new CsvTable.BadField("missing " + missing);
        for (String tooLong : new String[]{ColumnWidths.tooLong("approval_no", a.approvalNo(), ColumnWidths.APPROVAL_NO),
                ColumnWidths.tooLong("controller", a.controller(), ColumnWidths.CONTROLLER),
                ColumnWidths.tooLong("job_name", a.jobName(), ColumnWidths.JOB_NAME)}) {
            if (tooLong != null) throw new CsvTable.BadField(tooLong);
        }
        return a;
    }
}
