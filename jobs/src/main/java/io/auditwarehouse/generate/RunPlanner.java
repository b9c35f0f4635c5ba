package io.auditwarehouse.generate;

import io.auditwarehouse.model.Trigger;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/** Plans the ordinary runs of the month: timer jobs with their downstream jobs, SCM builds and approved manual runs. */
final class RunPlanner {

    private final World w;
    private final Random rng;
    private final List<JobSpec> timerJobs = new ArrayList<>();

    RunPlanner(World w) {
        this.w = w;
        this.rng = w.rng;
    }

    void planRuns(int budget) {
        int manual = Math.max(4, (int) Math.round(budget * 0.14));
        int scm = Math.max(2, (int) Math.round(budget * 0.09));
        planTimerFamilies(Math.max(4, budget - manual - scm));
        planScm(scm);
        planManual(manual);
    }

    private void planTimerFamilies(int target) {
        int made = 0;
        while (made < target) {
            JobSpec job = w.catalog.create(JobSpec.Kind.TIMER, null);
            timerJobs.add(job);
            int kids = rng.nextInt(100) < 60 ? 0 : rng.nextInt(100) < 75 ? 1 : 2;
            for (int k = 0; k < kids; k++) w.catalog.create(JobSpec.Kind.DOWNSTREAM, job);
            int perDay = job.cronTimes.size() * (1 + kids);
            int daysLeft = (target - made + perDay - 1) / perDay;
            // the last job of the month is a new one: it starts running late in the month
            LocalDate from = daysLeft >= w.days() ? w.firstDay : w.lastDay.minusDays(daysLeft - 1);
            for (LocalDate day = from; !day.isAfter(w.lastDay); day = day.plusDays(1)) {
                if (job.weekdaysOnly && day.getDayOfWeek().getValue() > 5) continue;
                for (LocalTime time : job.cronTimes) {
                    Instant start = w.at(day, time).plusMillis(1000 + rng.nextInt(2500));
                    made += timerRun(job, start);
                }
            }
        }
    }

    private int timerRun(JobSpec job, Instant start) {
        PlannedRun run = scheduledRun(job, start, Trigger.TIMER, "timer");
        int made = 1;
        if (!"SUCCESS".equals(run.result)) return made;
        for (JobSpec child : job.downstream) {
            Instant childStart = run.finish().plusMillis(2000 + rng.nextInt(15000));
            if (!w.inMonth(childStart)) continue;
            PlannedRun c = scheduledRun(child, childStart, Trigger.UPSTREAM, run.buildUserId);
            c.upstreamRun = run;
            run.hasChildren = true;
            made++;
        }
        return made;
    }

    private PlannedRun scheduledRun(JobSpec job, Instant start, Trigger cause, String buildUserId) {
        PlannedRun run = w.newRun(job, start);
        run.cause = cause;
        run.buildUserId = buildUserId;
        run.result = result();
        run.durationMs = duration(job, run.result);
        run.node = w.node(job);
        return run;
    }

    private void planScm(int target) {
        List<JobSpec> jobs = new ArrayList<>();
        for (int i = 0; i < Math.max(2, target / 30); i++) jobs.add(w.catalog.create(JobSpec.Kind.SCM, null));
        for (int i = 0; i < target; i++) {
            JobSpec job = Org.pick(jobs, rng);
            Instant start = w.at(w.randomWeekday(), LocalTime.of(9, 30)).plusMillis(rng.nextInt(10 * 3600 * 1000));
            scheduledRun(job, start, Trigger.SCM, "scmChange");
        }
    }

    private void planManual(int target) {
        List<JobSpec> jobs = new ArrayList<>();
        for (int i = 0; i < Math.max(2, target / 25); i++) jobs.add(w.catalog.create(JobSpec.Kind.MANUAL, null));
        int made = 0;
        while (made < target) {
            JobSpec job = rng.nextInt(100) < 75 || timerJobs.isEmpty() ? Org.pick(jobs, rng) : Org.pick(timerJobs, rng);
            Instant start = rng.nextInt(100) < 85
                    ? w.officeHours().plusMillis(rng.nextInt(1000))
                    : w.at(w.randomDay(), LocalTime.MIDNIGHT).plusMillis(rng.nextInt(24 * 3600 * 1000));
            ApprovalRow approval = executeApproval(job, start);
            PlannedRun run = manualRun(job, start, w.org.executor(rng), CarriedApproval.of(approval));
            made++;
            if (rng.nextInt(100) < 8) {
                // one approval for two runs, e.g. a run and its rerun: allowed by max_runs 2 or no limit
                Instant second = start.plus(w.minutes(20, 120));
                if (!w.inMonth(second)) continue;
                approval.maxRuns = rng.nextBoolean() ? 2 : null;
                Instant until = second.plus(Duration.ofMinutes(30));
                if (approval.validTo.isBefore(until)) approval.validTo = until;
                manualRun(job, second, w.org.executor(rng), run.buildApproval);
                made++;
            }
        }
    }

    /** An EXECUTE (sometimes EMERGENCY) approval requested by a developer, approved before the run, window around it. */
    ApprovalRow executeApproval(JobSpec job, Instant start) {
        return executeApproval(job, start, rng.nextInt(100) < 95 ? "EXECUTE" : "EMERGENCY");
    }

    ApprovalRow executeApproval(JobSpec job, Instant start, String type) {
        ApprovalRow a = w.newApproval(type, job);
        a.requester = Org.pick(w.org.developers, rng).userId();
        a.approver = Org.pick(w.org.approvers, rng).userId();
        a.requestedAt = start.minus(w.minutes(60, 3 * 24 * 60));
        long room = Duration.between(a.requestedAt, start).toMillis() - 5 * 60_000;
        a.decidedAt = a.requestedAt.plusMillis(60_000 + (long) (rng.nextDouble() * (room - 60_000)));
        a.validFrom = start.minus(w.minutes(10, 360));
        a.validTo = start.plus(w.minutes(60, 720));
        a.maxRuns = rng.nextInt(100) < 80 ? 1 : null;
        a.reason = Reasons.forType(a.type, rng);
        return a;
    }

    PlannedRun manualRun(JobSpec job, Instant start, Person executor, CarriedApproval approval) {
        PlannedRun run = w.newRun(job, start);
        run.cause = Trigger.USER;
        run.executor = executor;
        run.buildUserId = executor.userId();
        run.result = result();
        run.durationMs = duration(job, run.result);
        run.node = w.node(job);
        run.buildApproval = rng.nextInt(100) < 2 ? approval.sloppily() : approval;
        run.auditApproval = run.buildApproval;
        if (job.takesTargetDate) run.targetDate = w.dateOf(start).minusDays(1).toString();
        return run;
    }

    private String result() {
        int r = rng.nextInt(1000);
        return r < 25 ? "FAILURE" : r < 30 ? "UNSTABLE" : r < 33 ? "ABORTED" : "SUCCESS";
    }

    private long duration(JobSpec job, String result) {
        double f = "ABORTED".equals(result) ? 0.1 + rng.nextDouble() * 0.4 : 0.6 + rng.nextDouble() * 0.8;
        return Math.max(4000, (long) (job.typicalDurationMs * f)) + rng.nextInt(1000);
    }

    /** Build numbers per job, in start order, without gaps; console-log documents for some runs. */
    void numberRuns() {
        List<PlannedRun> ordered = new ArrayList<>(w.runs);
        ordered.sort(Comparator.comparing((PlannedRun r) -> r.start).thenComparingInt(r -> r.seq));
        for (PlannedRun run : ordered) run.job.runs.add(run);
        for (JobSpec job : w.catalog.jobs) {
            int n = 1 + rng.nextInt(2400);
            for (PlannedRun run : job.runs) run.buildNumber = n++;
        }
        for (PlannedRun run : w.runs) run.consoleDocs = rng.nextInt(100) < 30 ? 1 + rng.nextInt(2) : 0;
    }
}
