package io.auditwarehouse.generate;

import io.auditwarehouse.model.AuditRequest.JobAction;
import io.auditwarehouse.model.ReasonCode;
import io.auditwarehouse.model.Trigger;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Applies docs/reconciliation-rules.md (default thresholds) to the planned month, independently of the plants,
 * so the ground truth is what the rules say about the data actually written — not what a plant hoped for.
 * It reads the generator's own rows ({@link ApprovalRow}, {@link RunView}, {@link Person}) with predicates written
 * from the spec's text, and asks none of the engine's model classes: the reason codes, the audit actions and the
 * trigger names are only labels here.
 */
final class RuleOracle {

    static final Duration FAILURE_REPORT_SLA = Duration.ofDays(3);
    static final Duration INCOMPLETE_AFTER = Duration.ofHours(24);
    static final Duration TOGGLE_BEFORE = Duration.ofHours(4);
    static final Duration TOGGLE_AFTER = Duration.ofHours(24);
    static final Duration GAP_LOOKBACK = Duration.ofDays(35);

    private final World w;
    /** controls.md: a run is manual when its trigger is USER, REMOTE or UNKNOWN. */
    static final Set<Trigger> MANUAL = EnumSet.of(Trigger.USER, Trigger.REMOTE, Trigger.UNKNOWN);
    static final Set<String> EXECUTION_TYPES = Set.of("EXECUTE", "CHANGE", "EMERGENCY");
    static final Set<String> STANDING_TYPES = Set.of("REGISTER", "CHANGE");

    private final Map<String, ApprovalRow> byNumber = new HashMap<>();
    private final Map<String, List<ApprovalRow>> byJob = new HashMap<>();
    private final Map<String, Person> users = new HashMap<>();
    private final TreeSet<ExpectedFinding> findings = new TreeSet<>();

    private RuleOracle(World w) {
        this.w = w;
        for (ApprovalRow row : w.approvals) {
            if (row.deleted) continue;
            byNumber.put(row.normalisedNumber(), row);
            byJob.computeIfAbsent(row.controller + '\u0001' + row.jobName, k -> new ArrayList<>()).add(row);
        }
        for (Person p : w.org.all) users.put(p.userId(), p);
    }

    static List<ExpectedFinding> evaluate(World w) {
        RuleOracle oracle = new RuleOracle(w);
        List<RunView> runs = new ArrayList<>();
        for (PlannedRun r : w.runs) if (r.visible()) runs.add(RunView.of(r));
        oracle.runRules(runs);
        oracle.gaps(runs);
        oracle.jobActions();
        oracle.unused(runs);
        return List.copyOf(oracle.findings);
    }

    private void runRules(List<RunView> runs) {
        Map<String, List<RunView>> carrying = new HashMap<>();
        for (RunView r : runs) {
            if (r.approvalNo() != null) carrying.computeIfAbsent(r.approvalNo(), k -> new ArrayList<>()).add(r);
        }
        Comparator<RunView> rankOrder = Comparator.comparing(RunView::startedAt).thenComparing(RunView::controller)
                .thenComparing(RunView::jobName).thenComparingInt(RunView::buildNumber);
        for (List<RunView> list : carrying.values()) list.sort(rankOrder);

        for (RunView r : runs) {
            boolean manual = MANUAL.contains(r.trigger()) || r.approvalNo() != null;
            if (manual) manualRules(r, carrying);
            else if (!standingInForce(r)) runFinding(ReasonCode.NO_STANDING_APPROVAL, r);
            failureRules(r);
            if (r.result() == null && !w.asOf.isBefore(r.startedAt().plus(INCOMPLETE_AFTER))) {
                runFinding(ReasonCode.RUN_INCOMPLETE, r);
            }
            if (r.inBuilds() != r.inAudit() || r.disagree()) runFinding(ReasonCode.EVIDENCE_SOURCE_MISMATCH, r);
        }
    }

    private void manualRules(RunView r, Map<String, List<RunView>> carrying) {
        Instant t = r.startedAt();
        if (r.approvalNo() == null) {
            runFinding(ReasonCode.NO_APPROVAL_REFERENCE, r);
        } else if (!byNumber.containsKey(r.approvalNo())) {
            runFinding(ReasonCode.APPROVAL_NOT_FOUND, r);
        } else {
            ApprovalRow a = byNumber.get(r.approvalNo());
            if (!EXECUTION_TYPES.contains(a.type)) runFinding(ReasonCode.APPROVAL_TYPE_MISMATCH, r);
            if (!a.isFor(r.controller(), r.jobName())) runFinding(ReasonCode.APPROVAL_JOB_MISMATCH, r);
            if (!a.approved()) runFinding(ReasonCode.APPROVAL_NOT_APPROVED, r);
            if (a.approved() && a.decidedAt != null && a.decidedAt.isAfter(t)) {
                runFinding(ReasonCode.APPROVED_AFTER_RUN, r);
            }
            if (!a.windowContains(t)) runFinding(ReasonCode.OUTSIDE_APPROVAL_WINDOW, r);
            if (a.maxRuns != null && carrying.get(r.approvalNo()).indexOf(r) + 1 > a.maxRuns) {
                runFinding(ReasonCode.APPROVAL_OVERUSED, r);
            }
            if (a.approver != null && a.approver.equals(a.requester)) {
                runFinding(ReasonCode.SELF_APPROVED, r);
            }
            if (r.executor() != null && r.executor().equals(a.requester)) {
                runFinding(ReasonCode.EXECUTOR_IS_REQUESTER, r);
            }
        }
        Person executor = r.executor() == null ? null : users.get(r.executor());
        if (executor == null || !executor.mayExecute() || !executor.activeAt(t)) {
            runFinding(ReasonCode.EXECUTOR_NOT_AUTHORIZED, r);
        }
    }

    private boolean standingInForce(RunView r) {
        for (ApprovalRow a : byJob.getOrDefault(r.controller() + '\u0001' + r.jobName(), List.of())) {
            if (STANDING_TYPES.contains(a.type) && a.inForceAt(r.startedAt())) return true;
        }
        return false;
    }

    private void failureRules(RunView r) {
        if (!"FAILURE".equals(r.result())) return;
        Instant deadline = r.finishedAt().plus(FAILURE_REPORT_SLA);
        if (w.asOf.isBefore(deadline)) return;
        boolean filed = false;
        boolean approved = false;
        for (ApprovalRow a : byJob.getOrDefault(r.controller() + '\u0001' + r.jobName(), List.of())) {
            if ("FAILURE_REPORT".equals(a.type) && a.buildNumber() != null
                    && a.buildNumber() == r.buildNumber() && !a.requestedAt.isAfter(deadline)) {
                filed = true;
                approved |= a.approved();
            }
        }
        if (!filed) runFinding(ReasonCode.FAILURE_NOT_REPORTED, r);
        else if (!approved) runFinding(ReasonCode.FAILURE_REPORT_UNAPPROVED, r);
    }

    private void gaps(List<RunView> runs) {
        Map<String, List<RunView>> byJobRuns = new HashMap<>();
        for (RunView r : runs) byJobRuns.computeIfAbsent(r.controller() + '\u0001' + r.jobName(), k -> new ArrayList<>()).add(r);
        for (List<RunView> list : byJobRuns.values()) {
            list.sort(Comparator.comparingInt(RunView::buildNumber));
            for (int i = 1; i < list.size(); i++) {
                RunView a = list.get(i - 1);
                RunView b = list.get(i);
                if (Duration.between(a.startedAt(), b.startedAt()).compareTo(GAP_LOOKBACK) > 0) continue;
                for (int n = a.buildNumber() + 1; n < b.buildNumber(); n++) {
                    findings.add(new ExpectedFinding(ReasonCode.BUILD_NUMBER_GAP, w.dateOf(b.startedAt()),
                            b.controller(), b.jobName(), n, null, null));
                }
            }
        }
    }

    private void jobActions() {
        Set<PlannedAction> seen = new HashSet<>();
        for (PlannedAction act : w.actions) {
            if (!seen.add(act)) continue;
            List<ApprovalRow> forJob = byJob.getOrDefault(act.job().controller + '\u0001' + act.job().fullName, List.of());
            boolean ok = false;
            if (act.action().isConfigChange()) {
                for (ApprovalRow a : forJob) ok |= "CHANGE".equals(a.type) && a.inForceAt(act.at());
                if (!ok) actionFinding(ReasonCode.UNAPPROVED_CONFIG_CHANGE, act);
            } else {
                if (w.asOf.isBefore(act.at().plus(TOGGLE_AFTER))) continue;
                Instant from = act.at().minus(TOGGLE_BEFORE);
                Instant to = act.at().plus(TOGGLE_AFTER);
                // controls.md: an enable is reviewed by ENABLE or EMERGENCY, a disable by DISABLE or EMERGENCY
                String matching = act.action() == JobAction.ENABLE ? "ENABLE" : "DISABLE";
                for (ApprovalRow a : forJob) {
                    ok |= (matching.equals(a.type) || "EMERGENCY".equals(a.type)) && a.approved()
                            && a.decidedAt != null && !a.decidedAt.isBefore(from) && !a.decidedAt.isAfter(to);
                }
                if (!ok) actionFinding(ReasonCode.UNREVIEWED_EMERGENCY_TOGGLE, act);
            }
        }
    }

    private void unused(List<RunView> runs) {
        Set<String> carried = new HashSet<>();
        for (RunView r : runs) if (r.approvalNo() != null) carried.add(r.approvalNo());
        for (ApprovalRow a : byNumber.values()) {
            if ("EXECUTE".equals(a.type) && a.approved() && a.validTo != null
                    && a.validTo.isBefore(w.asOf) && !carried.contains(a.normalisedNumber())) {
                findings.add(new ExpectedFinding(ReasonCode.APPROVAL_UNUSED, w.dateOf(a.validTo), a.controller,
                        a.jobName, null, a.normalisedNumber(), null));
            }
        }
    }

    private void runFinding(ReasonCode code, RunView r) {
        findings.add(new ExpectedFinding(code, w.dateOf(r.startedAt()), r.controller(), r.jobName(), r.buildNumber(),
                null, null));
    }

    private void actionFinding(ReasonCode code, PlannedAction act) {
        findings.add(new ExpectedFinding(code, w.dateOf(act.at()), act.job().controller, act.job().fullName, null,
                null, act.at()));
    }
}
