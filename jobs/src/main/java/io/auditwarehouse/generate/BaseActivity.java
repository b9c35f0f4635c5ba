package io.auditwarehouse.generate;

import io.auditwarehouse.model.AuditRequest.JobAction;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** The compliant paperwork around the runs: registrations, failure reports, approved changes and toggles. */
final class BaseActivity {

    private final World w;
    private final Random rng;

    BaseActivity(World w) {
        this.w = w;
        this.rng = w.rng;
    }

    void plan() {
        registrations();
        failureReports();
        configChanges();
        deletes();
        toggles();
        idleApprovals();
        noise();
    }

    /** Every job was registered and approved well before the month. */
    private void registrations() {
        for (JobSpec job : w.catalog.jobs) {
            ApprovalRow a = w.newApproval("REGISTER", job);
            a.requester = Org.pick(w.org.developers, rng).userId();
            a.approver = Org.pick(w.org.approvers, rng).userId();
            a.requestedAt = w.monthStart.minus(Duration.ofDays(20 + rng.nextInt(480))).plus(w.minutes(0, 600));
            a.decidedAt = a.requestedAt.plus(w.minutes(30, 72 * 60));
            a.reason = Reasons.forType(a.type, rng);
            job.registration = a;
        }
    }

    /** Every failed run is reported within the SLA and the report is approved. */
    private void failureReports() {
        for (PlannedRun run : w.runs) {
            if ("FAILURE".equals(run.result)) failureReport(run, run.finish().plus(w.minutes(20, 40 * 60)));
        }
    }

    ApprovalRow failureReport(PlannedRun run, Instant requestedAt) {
        ApprovalRow a = w.newApproval("FAILURE_REPORT", run.job);
        a.reportedRun = run;
        a.requester = Org.pick(w.org.operators, rng).userId();
        a.approver = Org.pick(w.org.approvers, rng).userId();
        a.requestedAt = requestedAt;
        a.decidedAt = requestedAt.plus(w.minutes(30, 30 * 60));
        a.reason = Reasons.forType(a.type, rng);
        return a;
    }

    /** {@code configSubmit} lines, each inside the window of an approved CHANGE. */
    private void configChanges() {
        int n = Math.max(2, w.spec.runs() / 300);
        for (int i = 0; i < n; i++) {
            JobSpec job = Org.pick(w.catalog.jobs, rng);
            Instant t = w.officeHours();
            Person who = rng.nextInt(100) < 70 ? Org.pick(w.org.developers, rng) : Org.pick(w.org.operators, rng);
            approvedChange(job, t);
            w.noise.add(new NoiseLine(job.controller, t.minus(Duration.ofSeconds(30 + rng.nextInt(600))),
                    AuditLines.jobUri(job) + "configure by " + who.userId()));
            w.actions.add(new PlannedAction(job, JobAction.CONFIG_SUBMIT, who.userId(), t));
        }
    }

    ApprovalRow approvedChange(JobSpec job, Instant t) {
        ApprovalRow a = w.newApproval("CHANGE", job);
        a.requester = Org.pick(w.org.developers, rng).userId();
        a.approver = Org.pick(w.org.approvers, rng).userId();
        a.requestedAt = t.minus(w.minutes(24 * 60, 5 * 24 * 60));
        a.decidedAt = t.minus(w.minutes(30, 12 * 60));
        a.validFrom = t.minus(w.minutes(20, 6 * 60));
        a.validTo = t.plus(w.minutes(60, 8 * 60));
        a.reason = Reasons.forType(a.type, rng);
        return a;
    }

    /** A few manual jobs are retired after their last run, with an approved CHANGE. */
    private void deletes() {
        int n = Math.max(1, w.spec.runs() / 8000);
        for (JobSpec job : w.catalog.jobs) {
            if (n == 0) break;
            if (job.kind != JobSpec.Kind.MANUAL || job.runs.isEmpty()) continue;
            Instant last = job.runs.get(job.runs.size() - 1).finish();
            Instant t = World.seconds(last.plus(Duration.ofDays(1)).plus(w.minutes(0, 600)));
            if (t.isAfter(w.monthEnd.minus(Duration.ofDays(2)))) continue;
            approvedChange(job, t);
            w.actions.add(new PlannedAction(job, JobAction.DELETE, Org.pick(w.org.operators, rng).userId(), t));
            job.reserved = true;
            n--;
        }
    }

    /** Disable/enable pairs during which the job does not run, reviewed by approvals decided near the action. */
    private void toggles() {
        int n = Math.max(2, w.spec.runs() / 800);
        for (int i = 0; i < n; i++) {
            quietPair(Org.pick(w.catalog.jobs, rng), rng);
        }
    }

    private Instant[] quietPair(JobSpec job, Random r) {
        for (int attempt = 0; attempt < 20; attempt++) {
            Instant off = w.officeHours();
            Instant on = World.seconds(off.plus(w.minutes(20, 120)));
            if (!quiet(job, off, on)) continue;
            String op = Org.pick(w.org.operators, r).userId();
            if (r.nextBoolean()) {
                ApprovalRow e = toggleApproval("EMERGENCY", job, off.plus(w.minutes(10, 180)));
                e.requestedAt = off.minus(w.minutes(1, 30));
            } else {
                toggleApproval("DISABLE", job, off.minus(w.minutes(5, 90)));
                toggleApproval("ENABLE", job, on.minus(w.minutes(5, 60)));
            }
            w.actions.add(new PlannedAction(job, JobAction.DISABLE, op, off));
            w.actions.add(new PlannedAction(job, JobAction.ENABLE, op, on));
            return new Instant[]{off, on};
        }
        return null;
    }

    /** No run of the job between the two instants (a disabled job does not build). */
    boolean quiet(JobSpec job, Instant from, Instant to) {
        for (PlannedRun run : job.runs) {
            if (!run.start.isBefore(from.minus(Duration.ofMinutes(1)))
                    && !run.start.isAfter(to.plus(Duration.ofMinutes(1)))) return false;
            if (run.start.isBefore(from) && run.finish().isAfter(from)) return false;
        }
        return true;
    }

    ApprovalRow toggleApproval(String type, JobSpec job, Instant decidedAt) {
        ApprovalRow a = w.newApproval(type, job);
        a.requester = Org.pick(w.org.operators, rng).userId();
        a.approver = Org.pick(w.org.approvers, rng).userId();
        a.requestedAt = decidedAt.minus(w.minutes(5, 240));
        a.decidedAt = decidedAt;
        a.reason = Reasons.forType(a.type, rng);
        return a;
    }

    /** Approvals nobody ran: rejected, cancelled, or approved for a window after the as-of (not ended yet). */
    private void idleApprovals() {
        int n = Math.max(3, w.spec.runs() / 2000);
        for (int i = 0; i < n; i++) {
            JobSpec job = Org.pick(w.catalog.jobs, rng);
            ApprovalRow a = w.newApproval("EXECUTE", job);
            a.requester = Org.pick(w.org.developers, rng).userId();
            a.requestedAt = w.officeHours().plusMillis(rng.nextInt(1000));
            a.validFrom = a.requestedAt.plus(w.minutes(60, 48 * 60));
            a.validTo = a.validFrom.plus(w.minutes(60, 600));
            a.maxRuns = 1;
            a.reason = Reasons.forType(a.type, rng);
            a.approver = Org.pick(w.org.approvers, rng).userId();
            a.decidedAt = a.requestedAt.plus(w.minutes(10, 120));
            switch (i % 3) {
                case 0 -> a.status = "REJECTED";
                case 1 -> a.undecided("CANCELLED");
                default -> {
                    a.validFrom = w.asOf.plus(Duration.ofDays(2));
                    a.validTo = a.validFrom.plus(w.minutes(60, 600));
                }
            }
        }
    }

    /** Lines the controls ignore: log-ins, stop requests for aborted builds. */
    private void noise() {
        List<Person> people = new ArrayList<>(w.org.operators);
        people.addAll(w.org.developers);
        for (int i = 0; i < Math.max(10, w.spec.runs() / 40); i++) {
            Person p = Org.pick(people, rng);
            String controller = Org.pick(w.spec.controllers(), rng);
            Instant t = w.officeHours();
            w.noise.add(new NoiseLine(controller, t, "Successfully logged in user: " + p.userId()));
            if (rng.nextInt(100) < 10) {
                w.noise.add(new NoiseLine(controller, t.plusSeconds(1), "/view/all/createItem by " + p.userId()));
            }
        }
        for (PlannedRun run : w.runs) {
            if ("ABORTED".equals(run.result)) {
                w.noise.add(new NoiseLine(run.job.controller, World.seconds(run.finish()).minusSeconds(1),
                        AuditLines.jobUri(run.job) + run.buildNumber + "/stop by "
                                + Org.pick(w.org.operators, rng).userId()));
            }
        }
    }
}
