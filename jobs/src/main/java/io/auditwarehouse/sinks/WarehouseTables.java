package io.auditwarehouse.sinks;

import io.auditwarehouse.model.ControlCatalog;
import io.auditwarehouse.model.Finding;
import io.auditwarehouse.model.QuarantineRecord;
import io.auditwarehouse.model.Run;
import io.auditwarehouse.reconcile.ApprovalTouch;
import io.auditwarehouse.reconcile.ReconciledRun;
import io.auditwarehouse.reconcile.SummaryCell;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.util.ArrayList;
import java.util.List;

/** The warehouse tables of outputs.md §1: their columns, and how a reconciled value becomes a row. */
public final class WarehouseTables {

    public static final String RUN = "recon_run";
    public static final String FINDING = "recon_finding";
    public static final String APPROVAL = "recon_approval";
    public static final String DAILY_SUMMARY = "recon_daily_summary";
    public static final String CATALOG = "control_catalog";
    public static final String BATCH = "recon_batch";
    public static final String QUARANTINE = "recon_quarantine";
    public static final String BUSINESS_DATE = "business_date";

    /** Tables replaced per business date. */
    public static final List<String> DATED = List.of(RUN, FINDING, APPROVAL, DAILY_SUMMARY);
    public static final List<String> ALL = List.of(RUN, FINDING, APPROVAL, DAILY_SUMMARY, CATALOG, BATCH, QUARANTINE);

    private static final DataType S = DataTypes.StringType;
    private static final DataType I = DataTypes.IntegerType;
    private static final DataType L = DataTypes.LongType;
    private static final DataType T = DataTypes.TimestampType;
    private static final DataType D = DataTypes.DateType;
    private static final DataType B = DataTypes.BooleanType;

    public static final StructType RUN_SCHEMA = schema(
            "business_date", D, "controller", S, "job_name", S, "build_number", I, "started_at", T, "finished_at", T,
            "duration_ms", L, "result", S, "trigger_type", S, "executor", S, "approval_no", S, "approval_type", S,
            "approval_status", S, "approval_requester", S, "approval_approver", S, "approval_decided_at", T,
            "approval_run_rank", I, "control_status", S, "reason_codes", S, "max_severity", S, "finding_count", I,
            "not_evaluated", S, "in_build_records", B, "in_audit_trail", B, "evidence_sources", S, "node", S,
            "source_doc_ids", S, "batch_id", S);

    public static final StructType FINDING_SCHEMA = schema(
            "finding_id", S, "business_date", D, "control_id", S, "reason_code", S, "severity", S, "controller", S,
            "job_name", S, "build_number", I, "approval_no", S, "actor", S, "occurred_at", T, "detail", S,
            "detail_fields", S, "first_batch_id", S, "last_batch_id", S);

    public static final StructType APPROVAL_SCHEMA = schema(
            "business_date", D, "approval_no", S, "request_type", S, "controller", S, "job_name", S, "status", S,
            "requester_id", S, "approver_id", S, "decided_at", T, "valid_from", T, "valid_to", T, "max_runs", I,
            "runs_covered", L, "runs_on_date", L, "first_run_at", T, "last_run_at", T, "finding_count", L, "batch_id", S);

    public static final StructType SUMMARY_SCHEMA = schema(
            "business_date", D, "controller", S, "control_id", S, "population", L, "compliant", L, "exceptions", L,
            "pending", L, "findings_high", L, "findings_medium", L, "findings_low", L, "findings_info", L, "batch_id", S);

    public static final StructType CATALOG_SCHEMA = schema(
            "control_id", S, "control_name_en", S, "control_name_ko", S, "control_test_en", S, "control_test_ko", S,
            "reason_code", S, "severity", S, "reason_en", S, "reason_ko", S);

    public static final StructType QUARANTINE_SCHEMA = schema(
            "source", S, "document_id", S, "reason", S, "raw_excerpt", S, "first_batch_id", S, "last_batch_id", S);

    private WarehouseTables() {
    }

    /** The columns of a table, in order; null for a name that is not a warehouse table. */
    public static StructType schemaOf(String table) {
        return switch (table) {
            case RUN -> RUN_SCHEMA;
            case FINDING -> FINDING_SCHEMA;
            case APPROVAL -> APPROVAL_SCHEMA;
            case DAILY_SUMMARY -> SUMMARY_SCHEMA;
            case CATALOG -> CATALOG_SCHEMA;
            case QUARANTINE -> QUARANTINE_SCHEMA;
            case BATCH -> BatchRecord.SCHEMA;
            default -> null;
        };
    }

    public static Row run(ReconciledRun r, String batchId) {
        Run run = r.run();
        var a = r.approval();
        List<String> sources = new ArrayList<>();
        if (run.inBuilds()) sources.add("builds");
        if (run.inAudit()) sources.add("audit");
        return RowFactory.create(r.businessDate(), run.controller(), run.jobName(), run.buildNumber(), run.startedAt(),
                run.finishedAt(), run.durationMs(), run.result(), run.trigger().name(), run.executor(), run.approvalNo(),
                a == null ? null : a.requestType(), a == null ? null : a.status(), a == null ? null : a.requesterId(),
                a == null ? null : a.approverId(), a == null ? null : a.decidedAt(),
                r.approvalUse() == null ? null : r.approvalUse().rank(), r.status().name(), r.reasonCodes(),
                r.maxSeverity() == null ? null : r.maxSeverity().name(), r.findings().size(), r.notEvaluated(),
                run.inBuilds(), run.inAudit(), String.join(",", sources), run.node(), String.join(",", run.sourceDocIds()),
                batchId);
    }

    /** A finding row written by {@code batchId}; {@code firstBatchId} is the batch that first raised it. */
    public static Row finding(Finding f, String firstBatchId, String batchId) {
        return RowFactory.create(f.findingId(), f.businessDate(), f.controlId(), f.reasonCode().name(), f.severity().name(),
                f.controller(), f.jobName(), f.buildNumber(), f.approvalNo(), f.actor(), f.occurredAt(), f.detail(),
                f.detailFields(), firstBatchId, batchId);
    }

    public static Row approval(ApprovalTouch t, String batchId) {
        return RowFactory.create(t.businessDate(), t.approvalNo(), t.requestType(), t.controller(), t.jobName(), t.status(),
                t.requesterId(), t.approverId(), t.decidedAt(), t.validFrom(), t.validTo(), t.maxRuns(), t.runsCovered(),
                t.runsOnDate(), t.firstRunAt(), t.lastRunAt(), t.findingCount(), batchId);
    }

    public static Row summary(SummaryCell c, String batchId) {
        return RowFactory.create(c.businessDate(), c.controller(), c.controlId(), c.population(), c.compliant(),
                c.exceptions(), c.pending(), c.high(), c.medium(), c.low(), c.info(), batchId);
    }

    public static Row catalog(ControlCatalog.Entry e, String effectiveSeverity) {
        return RowFactory.create(e.controlId(), e.controlNameEn(), e.controlNameKo(), e.controlTestEn(), e.controlTestKo(),
                e.reasonCode().name(), effectiveSeverity, e.reasonEn(), e.reasonKo());
    }

    public static Row quarantine(QuarantineRecord q, String firstBatchId, String batchId) {
        return RowFactory.create(q.source(), q.documentId(), q.reason(), q.rawExcerpt(), firstBatchId, batchId);
    }

    private static StructType schema(Object... nameTypePairs) {
        List<StructField> fields = new ArrayList<>();
        for (int i = 0; i < nameTypePairs.length; i += 2) {
            fields.add(DataTypes.createStructField((String) nameTypePairs[i], (DataType) nameTypePairs[i + 1], true));
        }
        return DataTypes.createStructType(fields);
    }
}
