package io.auditwarehouse.reconcile;

import io.auditwarehouse.model.Approval;
import io.auditwarehouse.model.AuditRequest;
import io.auditwarehouse.model.Finding;
import io.auditwarehouse.model.JobKey;
import io.auditwarehouse.model.ReasonCode;
import io.auditwarehouse.model.RuleSettings;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** C4 change control: configuration changes and emergency toggles seen in the audit trail. Pure. */
public final class JobActionRules implements Serializable {

    private final ApprovalIndex approvals;
    private final RuleSettings settings;
    private final FindingFactory findings;
    private final Instant asOf;

    public JobActionRules(ApprovalIndex approvals, RuleSettings settings, FindingFactory findings, Instant asOf) {
        this.approvals = approvals;
        this.settings = settings;
        this.findings = findings;
        this.asOf = asOf;
    }

    /** The finding this action raises, if any. Duplicated request lines yield the same finding id. */
    public Optional<Finding> evaluate(AuditRequest action) {
        Instant t = action.timestamp();
        List<Approval> jobApprovals = approvals.forJob(new JobKey(action.controller(), action.jobName()));
        if (action.action().isConfigChange()) {
            boolean covered = jobApprovals.stream().anyMatch(a -> "CHANGE".equals(a.requestType()) && a.inForceAt(t));
            return covered ? Optional.empty() : Optional.of(finding(ReasonCode.UNAPPROVED_CONFIG_CHANGE, action,
                    findings.fields("action", action.action().uriVerb(), "user", action.userId(), "at", t)));
        }
        Instant from = t.minus(settings.toggleReviewBefore());
        Instant to = t.plus(settings.toggleReviewAfter());
        if (asOf.isBefore(to)) return Optional.empty(); // the review may still arrive
        String matching = matchingReviewType(action.action());
        boolean reviewed = jobApprovals.stream().anyMatch(a -> (matching.equals(a.requestType())
                || "EMERGENCY".equals(a.requestType())) && a.isApproved() && a.decidedAt() != null && !a.decidedAt().isBefore(from) && !a.decidedAt().isAfter(to));
        return reviewed ? Optional.empty() : Optional.of(finding(ReasonCode.UNREVIEWED_EMERGENCY_TOGGLE, action,
                findings.fields("action", action.action().uriVerb(), "user", action.userId(), "at", t,
                        "review_type", matching, "from", from, "to", to)));
    }

    /** controls.md: the review's type must match the action (an ENABLE approval does not review a disable). */
    static String matchingReviewType(AuditRequest.JobAction toggle) {
        return switch (toggle) {
            case ENABLE -> "ENABLE";
            case DISABLE -> "DISABLE";
            default -> throw new IllegalArgumentException("not a toggle: " + toggle);
        };
    }

    private Finding finding(ReasonCode code, AuditRequest action, Map<String, String> fields) {
        String subject = action.controller() + ":" + action.jobName() + ":" + action.action().uriVerb() + ":"
                + action.userId() + ":" + action.timestamp();
        return findings.create(code, subject, action.controller(), action.jobName(), null, null, action.userId(),
                action.timestamp(), fields);
    }
}
