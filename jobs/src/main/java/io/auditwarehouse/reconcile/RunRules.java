package io.auditwarehouse.reconcile;

import io.auditwarehouse.model.Approval;
import io.auditwarehouse.model.ControlStatus;
import io.auditwarehouse.model.DetailTemplates;
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
import java.util.Map;
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
            v.add(EVIDENCE_SOURCE_MISMATCH, findings.fields(DetailTemplates.VARIANT, evidenceVariant(run)));
        }
        return v.toReconciled(approval, ranked.use());
    }

    private void manualRun(Run run, Approval a, ApprovalCoverage.ApprovalUse use, Verdict v) {
        Instant started = run.startedAt();
        if (run.approvalNo() == null) {
            v.add(NO_APPROVAL_REFERENCE, findings.fields("trigger", run.trigger(), "started", started));
        } else if (a == null) {
            v.add(APPROVAL_NOT_FOUND, findings.fields("started", started, "approval", run.approvalNo()));
        } else {
            String no = a.approvalNo();
            if (!EXECUTION_TYPES.contains(a.requestType())) {
                v.add(APPROVAL_TYPE_MISMATCH, findings.fields("approval", no, "approval_type", a.requestType()));
            }
            if (!a.isFor(run.controller(), run.jobName())) {
                v.add(APPROVAL_JOB_MISMATCH, findings.fields("approval", no, "approval_controller", a.controller(),
                        "approval_job", a.jobName()));
            }
            if (!a.isApproved()) {
                v.add(APPROVAL_NOT_APPROVED, findings.fields("approval", no, "status", a.status()));
            } else if (a.decidedAt() != null && a.decidedAt().isAfter(run.startedAt())) {
                v.add(APPROVED_AFTER_RUN, findings.fields("started", started, "approval", no, "decided", a.decidedAt()));
            }
            if (!a.withinWindow(run.startedAt())) {
                v.add(OUTSIDE_APPROVAL_WINDOW, findings.fields("started", started, "approval", no,
                        "valid_from", a.validFrom(), "valid_to", a.validTo()));
            }
            if (a.maxRuns() != null && use.rank() > a.maxRuns()) {
                v.add(APPROVAL_OVERUSED, findings.fields("rank", use.rank(), "approval", no, "max_runs", a.maxRuns()));
            }
            if (a.approverId() != null && a.approverId().equals(a.requesterId())) {
                v.add(SELF_APPROVED, findings.fields("approval", no, "requester", a.requesterId()));
            }
            if (run.executor() != null && run.executor().equals(a.requesterId())) {
                v.add(EXECUTOR_IS_REQUESTER, findings.fields("executor", run.executor(), "approval", no));
            }
        }
        executorAuthorization(run, v);
    }

    private void executorAuthorization(Run run, Verdict v) {
        if (run.executor() == null) {
            v.add(EXECUTOR_NOT_AUTHORIZED, findings.fields(DetailTemplates.VARIANT,
                    run.trigger() == Trigger.REMOTE ? "remote" : "unknown"));
        } else if (!users.known()) {
            v.notEvaluated(EXECUTOR_NOT_AUTHORIZED);
        } else if (!users.mayExecuteAt(run.executor(), run.startedAt())) {
            v.add(EXECUTOR_NOT_AUTHORIZED, findings.fields("executor", run.executor(), "started", run.startedAt()));
        }
    }

    private void scheduledRun(Run run, Verdict v) {
        boolean standing = approvals.forJob(run.key().job()).stream()
                .anyMatch(a -> STANDING_TYPES.contains(a.requestType()) && a.inForceAt(run.startedAt()));
        if (!standing) {
            v.add(NO_STANDING_APPROVAL, findings.fields("trigger", run.trigger(), "started", run.startedAt()));
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
            v.add(FAILURE_NOT_REPORTED, findings.fields("finished", run.finishedAt(), "deadline", deadline));
        } else {
            v.add(FAILURE_REPORT_UNAPPROVED, findings.fields("report", inTime.get(0).approvalNo(), "status", inTime.get(0).status()));
        }
    }

    private void completion(Run run, Verdict v) {
        if (run.isFinished()) return;
        if (!asOf.isBefore(run.startedAt().plus(settings.incompleteAfter()))) {
            v.add(RUN_INCOMPLETE, findings.fields("started", run.startedAt(), "as_of", asOf));
        } else {
            v.pending();
        }
    }

    /** Which EVIDENCE_SOURCE_MISMATCH detail applies; null for the sources disagreeing. */
    private static String evidenceVariant(Run run) {
        if (!run.inAudit()) return "builds_only";
        if (!run.inBuilds()) return "audit_only";
        return null;
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

        void add(ReasonCode code, Map<String, String> fields) {
            found.add(findings.create(code, run.key().toString(), run.controller(), run.jobName(), run.buildNumber(),
                    run.approvalNo(), run.executor(), run.startedAt(), fields));
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
