package io.auditwarehouse.reconcile;

import io.auditwarehouse.model.Approval;
import io.auditwarehouse.model.Finding;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One recon_approval row: an approval number touched on a business date (carried by that date's runs,
 * or judged unused on it). Approval fields are null when the number matches no record.
 *
 * @param runsCovered all runs carrying the number; runsOnDate those of this business date
 */
public record ApprovalTouch(LocalDate businessDate, String approvalNo, String requestType, String controller,
                            String jobName, String status, String requesterId, String approverId, Instant decidedAt,
                            Instant validFrom, Instant validTo, Integer maxRuns, long runsCovered, long runsOnDate,
                            Instant firstRunAt, Instant lastRunAt, long findingCount) implements Serializable {

    /** @param runs runs of one business date that carry the same approval number */
    public static ApprovalTouch ofRuns(List<ReconciledRun> runs) {
        ReconciledRun any = runs.get(0);
        Approval a = any.approval();
        ApprovalCoverage.ApprovalUse use = any.approvalUse();
        long findings = runs.stream().mapToLong(r -> r.findings().size()).sum();
        return of(any.businessDate(), any.run().approvalNo(), a, use.covered(), runs.size(), use.firstRunAt(),
                use.lastRunAt(), findings);
    }

    public static ApprovalTouch ofUnused(Approval a, Finding unused) {
        return of(unused.businessDate(), a.approvalNo(), a, 0, 0, null, null, 1);
    }

    private static ApprovalTouch of(LocalDate date, String no, Approval a, long covered, long onDate, Instant first,
                                    Instant last, long findings) {
        return a == null
                ? new ApprovalTouch(date, no, null, null, null, null, null, null, null, null, null, null,
                covered, onDate, first, last, findings)
                : new ApprovalTouch(date, no, a.requestType(), a.controller(), a.jobName(), a.status(), a.requesterId(),
                a.approverId(), a.decidedAt(), a.validFrom(), a.validTo(), a.maxRuns(), covered, onDate, first, last, findings);
    }
}
