package io.auditwarehouse.reconcile;

import io.auditwarehouse.model.Finding;

import java.util.List;

/** Everything one reconciliation produced, for every business date it could judge. */
public record ReconciliationResult(List<ReconciledRun> runs, List<Finding> findings, List<ApprovalTouch> approvals,
                                   List<SummaryCell> summary) {
}
