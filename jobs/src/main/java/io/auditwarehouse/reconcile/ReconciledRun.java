package io.auditwarehouse.reconcile;

import io.auditwarehouse.model.Approval;
import io.auditwarehouse.model.ControlStatus;
import io.auditwarehouse.model.Finding;
import io.auditwarehouse.model.Run;
import io.auditwarehouse.model.Severity;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

/**
 * A run with its verdict.
 *
 * @param approval     the approval whose number the run carries, or null
 * @param approvalUse  the run's rank under its approval number, or null when it carries none
 * @param reasonCodes  sorted, comma-joined; empty when compliant
 * @param maxSeverity  null when there is no finding
 * @param notEvaluated rules that could not be evaluated for lack of a source (e.g. users), comma-joined
 */
public record ReconciledRun(
        Run run,
        LocalDate businessDate,
        Approval approval,
        ApprovalCoverage.ApprovalUse approvalUse,
        ControlStatus status,
        List<Finding> findings,
        String reasonCodes,
        Severity maxSeverity,
        String notEvaluated) implements Serializable {
}
