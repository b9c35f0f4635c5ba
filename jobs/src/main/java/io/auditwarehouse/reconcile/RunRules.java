package io.auditwarehouse.reconcile;

import io.auditwarehouse.model.Approval;
import io.auditwarehouse.model.ControlStatus;
import io.auditwarehouse.model.Finding;
import io.auditwarehouse.model.ReasonCode;
import io.auditwarehouse.model.RuleSettings;
import io.auditwarehouse.model.Run;
import io.auditwarehouse.model.Severity;
import io.auditwarehouse.model.Trigger;
import io.auditwarehouse.model.UserDirectory;

import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static io.auditwarehouse.model.ReasonCode.*;

/** The run-level controls of controls.md, evaluated for one run at the as-of instant. Pure: no I/O. */
public final class RunRules implements Serializable {

    private static final Set<String> EXECUTION_TYPES = Set.of("EXECUTE", "CHANGE", "EMERGENCY");
    private static final Set<String> STANDING_TYPES = Set.of("REGISTER", "CHANGE");

    private final ApprovalIndex approvals;
    private final UserDirectory users;
    private final RuleSettings settings;
    private final FindingFactory findings;
    private final Instant asOf;

    public RunRules(ApprovalIndex approvals, UserDirectory users, RuleSettings settings, FindingFactory findings, Instant asOf) {
        this.approvals = approvals;
        this.users = users;
        this.settings = settings;
        this.findings = findings;
        this.asOf = asOf;
    }

    public ReconciledRun evaluate(ApprovalCoverage.RankedRun ranked) {
        Run run = ranked.run();
        Verdict v = new Verdict(run);
        Approval approval = approvals.byNumber(run.approvalNo());
        if (run.manualRulesApply()) {
            manualRun(run, approval, ranked.use(), v);
        } else {
            scheduledRun(run, v);
        }
        failureHandling(run, v);
        completion(run, v);
        if (settings.bothEvidenceSources() && (!run.inBuilds() || !run.inAudit() || run.sourcesDisagree())) {
            v.add(EVIDENCE_SOURCE_MISMATCH, evidenceDetail(run));
        }
        return v.toReconciled(approval, ranked.use());
    }

    private void manualRun(Run run, Approval a, ApprovalCoverage.ApprovalUse use, Verdict v) {
        String started = findings.wall(run.startedAt());
        if (run.approvalNo() == null) {
            v.add(NO_APPROVAL_REFERENCE, run.trigger() + " run started " + started + " carries no approval number");
        } else if (a == null) {
            v.add(APPROVAL_NOT_FOUND, "run started " + started + " carries " + run.approvalNo() + ", which matches no approval record");
        } else {
            String no = a.approvalNo();
            if (!EXECUTION_TYPES.contains(a.requestType())) {
                v.add(APPROVAL_TYPE_MISMATCH, no + " is a " + a.requestType() + " approval, not EXECUTE, CHANGE or EMERGENCY");
            }
            if (!a.isFor(run.controller(), run.jobName())) {
                v.add(APPROVAL_JOB_MISMATCH, no + " is for " + a.controller() + " " + a.jobName() + ", not this job");
            }
            if (!a.isApproved()) {
                v.add(APPROVAL_NOT_APPROVED, no + " has status " + a.status());
            } else if (a.decidedAt() != null && a.decidedAt().isAfter(run.startedAt())) {
                v.add(APPROVED_AFTER_RUN, "run started " + started + ", " + no + " approved " + findings.wall(a.decidedAt()));
            }
            if (!a.withinWindow(run.startedAt())) {
                v.add(OUTSIDE_APPROVAL_WINDOW, "run started " + started + ", " + no + " valid "
                        + findings.wall(a.validFrom()) + " to " + findings.wall(a.validTo()));
            }
            if (a.maxRuns() != null && use.rank() > a.maxRuns()) {
                v.add(APPROVAL_OVERUSED, "run " + use.rank() + " under " + no + ", which allows " + a.maxRuns());
            }
            if (a.approverId() != null && a.approverId().equals(a.requesterId())) {
                v.add(SELF_APPROVED, no + " was requested and approved by " + a.requesterId());
            }
            if (run.executor() != null && run.executor().equals(a.requesterId())) {
                v.add(EXECUTOR_IS_REQUESTER, run.executor() + " requested " + no + " and executed the run");
            }
        }
        executorAuthorization(run, v);
    }

    private void executorAuthorization(Run run, Verdict v) {
        if (run.executor() == null) {
            v.add(EXECUTOR_NOT_AUTHORIZED, run.trigger() == Trigger.REMOTE
                    ? "started remotely; no person is known to have started the run"
                    : "no record says who started the run");
        } else if (!users.known()) {
            v.notEvaluated(EXECUTOR_NOT_AUTHORIZED);
        } else if (!users.mayExecuteAt(run.executor(), run.startedAt())) {
            v.add(EXECUTOR_NOT_AUTHORIZED, run.executor() + " held no active OPERATOR or ADMIN role at " + findings.wall(run.startedAt()));
        }
    }

    private void scheduledRun(Run run, Verdict v) {
        boolean standing = approvals.forJob(run.key().job()).stream()
                .anyMatch(a -> STANDING_TYPES.contains(a.requestType()) && a.inForceAt(run.startedAt()));
        if (!standing) {
            v.add(NO_STANDING_APPROVAL, run.trigger() + " run started " + findings.wall(run.startedAt())
                    + " with no REGISTER or CHANGE approval in force for the job");
        }
    }

    private void failureHandling(Run run, Verdict v) {
        if (!"FAILURE".equals(run.result()) || run.finishedAt() == null) return;
        Instant deadline = run.finishedAt().plus(settings.failureReportSla());
        List<Approval> inTime = approvals.failureReportsFor(run.key()).stream()
                .filter(r -> r.requestedAt() != null && !r.requestedAt().isAfter(deadline))
                .toList();
        boolean slaPassed = !asOf.isBefore(deadline);
        boolean approved = inTime.stream().anyMatch(Approval::isApproved);
        if (approved) return;
        if (!slaPassed) {
            v.pending();
        } else if (inTime.isEmpty()) {
            v.add(FAILURE_NOT_REPORTED, "failed " + findings.wall(run.finishedAt()) + ", no failure report filed by " + findings.wall(deadline));
        } else {
            v.add(FAILURE_REPORT_UNAPPROVED, "failure report " + inTime.get(0).approvalNo() + " filed in time but " + inTime.get(0).status());
        }
    }

    private void completion(Run run, Verdict v) {
        if (run.isFinished()) return;
        if (!asOf.isBefore(run.startedAt().plus(settings.incompleteAfter()))) {
            v.add(RUN_INCOMPLETE, "started " + findings.wall(run.startedAt()) + ", no completion seen by " + findings.wall(asOf));
        } else {
            v.pending();
        }
    }

    private static String evidenceDetail(Run run) {
        if (!run.inAudit()) return "in the build records only, not in the audit trail";
        if (!run.inBuilds()) return "in the audit trail only, not in the build records";
        return "build records and audit trail disagree on result or approval number";
    }

    /** Collects one run's findings. */
    private final class Verdict {
        private final Run run;
        private final List<Finding> found = new ArrayList<>();
        private final List<String> notEvaluated = new ArrayList<>();
        private boolean pending;

        Verdict(Run run) {
            this.run = run;
        }

        void add(ReasonCode code, String detail) {
            found.add(findings.create(code, run.key().toString(), run.controller(), run.jobName(), run.buildNumber(),
                    run.approvalNo(), run.executor(), run.startedAt(), detail));
        }

        void pending() {
            pending = true;
        }

        void notEvaluated(ReasonCode code) {
            notEvaluated.add(code.name());
        }

        ReconciledRun toReconciled(Approval approval, ApprovalCoverage.ApprovalUse use) {
            found.sort(Comparator.comparing(Finding::reasonCode, Comparator.comparing(Enum::name)));
            ControlStatus status = !found.isEmpty() ? ControlStatus.EXCEPTION : pending ? ControlStatus.PENDING : ControlStatus.COMPLIANT;
            String codes = found.stream().map(f -> f.reasonCode().name()).collect(Collectors.joining(","));
            Severity max = found.stream().map(Finding::severity).min(Comparator.naturalOrder()).orElse(null);
            return new ReconciledRun(run, findings.businessDate(run.startedAt()), approval, use, status, List.copyOf(found),
                    codes, max, String.join(",", notEvaluated));
        }
    }
}
