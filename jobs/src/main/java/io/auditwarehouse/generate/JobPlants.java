package io.auditwarehouse.generate;

import io.auditwarehouse.model.AuditRequest.JobAction;
import io.auditwarehouse.model.ReasonCode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

/** Plants the job- and approval-level codes: lapsed registrations, unapproved changes, unreviewed toggles, unused approvals. */
final class JobPlants {

    private final World w;
    private final Random rng;
    private final PlantLedger ledger;
    private final BaseActivity base;
    private final RunPlanner planner;

    JobPlants(World w, PlantLedger ledger, BaseActivity base, RunPlanner planner) {
        this.w = w;
        this.rng = w.rng;
        this.ledger = ledger;
        this.base = base;
        this.planner = planner;
    }

    void plant() {
        lapsedRegistrations();
        unapprovedChanges();
        unreviewedToggles();
        unusedApprovals();
    }

    /**
     * A registration that lapsed and was renewed a little later: the scheduled runs in between had no standing approval.
     */
    private void lapsedRegistrations() {
        Candidates<JobSpec> jobs = new Candidates<>(w.catalog.jobs, rng);
        for (int i = 0; i < w.spec.plantsOf(ReasonCode.NO_STANDING_APPROVAL); i++) {
            int width = i % 3 == 2 ? 2 : 1;
            List<PlannedRun> flagged = new ArrayList<>();
            JobSpec job = jobs.take(j -> !j.reserved && j.scheduled() && lapse(j, width, flagged));
            if (job == null) break;
            List<PlannedRun> runs = job.runs;
            int at = runs.indexOf(flagged.get(0));
            Instant lapsedAt = midpoint(runs.get(at - 1).start, flagged.get(0).start);
            Instant renewedAt = midpoint(flagged.get(width - 1).start, runs.get(at + width).start);
            job.registration.validTo = lapsedAt;
            ApprovalRow renewal = w.newApproval("REGISTER", job);
            renewal.requester = Org.pick(w.org.developers, rng).userId();
            renewal.approver = Org.pick(w.org.approvers, rng).userId();
            renewal.requestedAt = lapsedAt.minus(w.minutes(60, 5 * 24 * 60));
            renewal.decidedAt = renewedAt;
            renewal.reason = "등록 갱신 (renewal)";
            job.reserved = true;
            Intent[] intents = new Intent[width];
            for (int k = 0; k < width; k++) {
                flagged.get(k).reserved = true;
                intents[k] = Intent.run(ReasonCode.NO_STANDING_APPROVAL, flagged.get(k));
            }
            ledger.planted(ReasonCode.NO_STANDING_APPROVAL, intents);
        }
    }

    /** Finds {@code width} consecutive untouched scheduled runs with a run on either side and no CHANGE in force. */
    private boolean lapse(JobSpec job, int width, List<PlannedRun> out) {
        List<PlannedRun> runs = job.runs;
        if (runs.size() < width + 2) return false;
        int at = 1 + rng.nextInt(runs.size() - width - 1);
        for (int k = 0; k < width; k++) {
            PlannedRun r = runs.get(at + k);
            if (!r.pristine() || r.isManual() || r.buildApproval != null) return false;
            for (ApprovalRow a : w.approvalsFor(job)) {
                if ("CHANGE".equals(a.type) && a.inForceAt(r.start)) return false;
            }
        }
        out.addAll(runs.subList(at, at + width));
        return true;
    }

    private static Instant midpoint(Instant a, Instant b) {
        return a.plusMillis(Duration.between(a, b).toMillis() / 2);
    }

    /** Config submitted with no CHANGE in force: none filed, still pending, already expired, or approved too late. */
    private void unapprovedChanges() {
        Candidates<JobSpec> jobs = new Candidates<>(w.catalog.jobs, rng);
        for (int i = 0; i < w.spec.plantsOf(ReasonCode.UNAPPROVED_CONFIG_CHANGE); i++) {
            Instant t = w.officeHours();
            JobSpec job = jobs.take(j -> !j.reserved && noChangeInForce(j, t));
            if (job == null) break;
            job.reserved = true;
            Person who = rng.nextInt(100) < 60 ? Org.pick(w.org.developers, rng) : Org.pick(w.org.operators, rng);
            switch (i % 4) {
                case 0 -> { }
                case 1 -> base.approvedChange(job, t).undecided("REQUESTED");
                case 2 -> {
                    ApprovalRow expired = base.approvedChange(job, t.minus(Duration.ofDays(2 + rng.nextInt(5))));
                    if (!expired.validTo.isBefore(t)) throw new IllegalStateException("window did not end");
                }
                default -> {
                    ApprovalRow late = base.approvedChange(job, t);
                    late.decidedAt = t.plus(w.minutes(30, 300));
                }
            }
            w.noise.add(new NoiseLine(job.controller, t.minus(Duration.ofSeconds(20 + rng.nextInt(900))),
                    AuditLines.jobUri(job) + "configure by " + who.userId()));
            PlannedAction act = new PlannedAction(job, JobAction.CONFIG_SUBMIT, who.userId(), t);
            w.actions.add(act);
            ledger.planted(ReasonCode.UNAPPROVED_CONFIG_CHANGE, Intent.action(ReasonCode.UNAPPROVED_CONFIG_CHANGE, act));
        }
    }

    private boolean noChangeInForce(JobSpec job, Instant t) {
        for (ApprovalRow a : w.approvalsFor(job)) {
            if ("CHANGE".equals(a.type) && a.inForceAt(t)) return false;
        }
        return true;
    }

    /**
     * A disable/enable pair nobody reviewed in time: no approval, a review decided 24.5h after the disable
     * (in time only for the enable), rejected requests, or a review of the other type only (an ENABLE approval
     * does not review a disable, nor a DISABLE approval an enable).
     */
    private void unreviewedToggles() {
        Candidates<JobSpec> jobs = new Candidates<>(w.catalog.jobs, rng);
        for (int i = 0; i < w.spec.plantsOf(ReasonCode.UNREVIEWED_EMERGENCY_TOGGLE); i++) {
            Instant[] pair = new Instant[2];
            JobSpec job = jobs.take(j -> !j.reserved && quietUnreviewed(j, pair));
            if (job == null) break;
            job.reserved = true;
            Instant off = pair[0];
            Instant on = pair[1];
            String op = Org.pick(w.org.operators, rng).userId();
            PlannedAction disable = new PlannedAction(job, JobAction.DISABLE, op, off);
            PlannedAction enable = new PlannedAction(job, JobAction.ENABLE, op, on);
            w.actions.add(disable);
            w.actions.add(enable);
            Intent offFinding = Intent.action(ReasonCode.UNREVIEWED_EMERGENCY_TOGGLE, disable);
            Intent onFinding = Intent.action(ReasonCode.UNREVIEWED_EMERGENCY_TOGGLE, enable);
            switch (i % 5) {
                case 0 -> ledger.planted(ReasonCode.UNREVIEWED_EMERGENCY_TOGGLE, offFinding, onFinding);
                case 1 -> {
                    base.toggleApproval("EMERGENCY", job, off.plus(Duration.ofMinutes(24 * 60 + 30)));
                    ledger.planted(ReasonCode.UNREVIEWED_EMERGENCY_TOGGLE, offFinding);
                }
                case 2 -> {
                    base.toggleApproval("DISABLE", job, off.minus(w.minutes(5, 90))).status = "REJECTED";
                    base.toggleApproval("ENABLE", job, on.minus(w.minutes(5, 60))).status = "REJECTED";
                    ledger.planted(ReasonCode.UNREVIEWED_EMERGENCY_TOGGLE, offFinding, onFinding);
                }
                case 3 -> {
                    // decided in both actions' windows, but it is an ENABLE approval: it reviews the enable only
                    base.toggleApproval("ENABLE", job, off.minus(w.minutes(5, 90)));
                    ledger.planted(ReasonCode.UNREVIEWED_EMERGENCY_TOGGLE, offFinding);
                }
                default -> {
                    base.toggleApproval("DISABLE", job, on.plus(w.minutes(5, 60)));
                    ledger.planted(ReasonCode.UNREVIEWED_EMERGENCY_TOGGLE, onFinding);
                }
            }
        }
    }

    /** A quiet hour or two for the job with no toggle approval decided anywhere near it. */
    private boolean quietUnreviewed(JobSpec job, Instant[] pair) {
        Instant off = w.officeHours();
        Instant on = World.seconds(off.plus(w.minutes(40, 120)));
        if (!base.quiet(job, off, on)) return false;
        Instant from = off.minus(Duration.ofHours(30));
        Instant to = on.plus(Duration.ofHours(30));
        for (ApprovalRow a : w.approvalsFor(job)) {
            if (Set.of("ENABLE", "DISABLE", "EMERGENCY").contains(a.type) && a.decidedAt != null
                    && !a.decidedAt.isBefore(from) && !a.decidedAt.isAfter(to)) return false;
        }
        pair[0] = off;
        pair[1] = on;
        return true;
    }

    /** Execution approved, window ended inside the month, never run. */
    private void unusedApprovals() {
        for (int i = 0; i < w.spec.plantsOf(ReasonCode.APPROVAL_UNUSED); i++) {
            JobSpec job = Org.pick(w.catalog.jobs, rng);
            Instant start = w.officeHours().plusMillis(rng.nextInt(1000));
            ApprovalRow a = planner.executeApproval(job, start, "EXECUTE");
            if (!w.inMonth(a.validTo)) a.validTo = w.monthEnd.minus(w.minutes(60, 120));
            ledger.planted(ReasonCode.APPROVAL_UNUSED, Intent.unused(a));
        }
    }
}
