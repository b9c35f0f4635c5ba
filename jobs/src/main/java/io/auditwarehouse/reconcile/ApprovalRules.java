package io.auditwarehouse.reconcile;

import io.auditwarehouse.model.Approval;
import io.auditwarehouse.model.Finding;
import io.auditwarehouse.model.ReasonCode;

import java.io.Serializable;
import java.time.Instant;
import java.util.Optional;

/** Approval-level control: an approved execution approval whose window ended unused. Pure. */
public final class ApprovalRules implements Serializable {

    private final FindingFactory findings;
    private final Instant asOf;

    public ApprovalRules(FindingFactory findings, Instant asOf) {
        this.findings = findings;
        this.asOf = asOf;
    }

    /** @param coveredRuns how many runs carry this approval's number */
    public Optional<Finding> evaluate(Approval a, long coveredRuns) {
        if (!"EXECUTE".equals(a.requestType()) || !a.isApproved() || a.validTo() == null
                || !a.validTo().isBefore(asOf) || coveredRuns > 0) {
            return Optional.empty();
        }
        return Optional.of(findings.create(ReasonCode.APPROVAL_UNUSED, a.approvalNo(), a.controller(), a.jobName(),
                null, a.approvalNo(), a.requesterId(), a.validTo(),
                findings.fields("approval", a.approvalNo(), "job", a.jobName(), "valid_to", a.validTo())));
    }
}
