package io.auditwarehouse.generate;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Everything that happened in the generated month, before it is written out. */
final class World {

    final GeneratorSpec spec;
    final ZoneId zone;
    final LocalDate firstDay;
    final LocalDate lastDay;
    final Instant monthStart;
    final Instant monthEnd;
    /** The 10th of the next month, 00:00 in the business zone. */
    final Instant asOf;
    final Random rng;
    final Org org;
    final JobCatalog catalog;
    final List<PlannedRun> runs = new ArrayList<>();
    final List<ApprovalRow> approvals = new ArrayList<>();
    final List<PlannedAction> actions = new ArrayList<>();
    final List<NoiseLine> noise = new ArrayList<>();
    final PlantLedger ledger = new PlantLedger();
    private int runSeq;
    private int approvalSeq;

    World(GeneratorSpec spec) {
        this.spec = spec;
        this.zone = spec.businessZone();
        this.firstDay = spec.month().atDay(1);
        this.lastDay = spec.month().atEndOfMonth();
        this.monthStart = firstDay.atStartOfDay(zone).toInstant();
        this.monthEnd = lastDay.plusDays(1).atStartOfDay(zone).toInstant();
        this.asOf = spec.asOf();
        this.rng = new Random(spec.seed());
        this.org = new Org(firstDay, zone, rng);
        this.catalog = new JobCatalog(spec.controllers(), rng);
    }

    PlannedRun newRun(JobSpec job, Instant start) {
        PlannedRun run = new PlannedRun(runSeq++, job, start, rng.nextInt(100) < 25);
        runs.add(run);
        return run;
    }

    ApprovalRow newApproval(String type, JobSpec job) {
        ApprovalRow row = new ApprovalRow(approvalSeq++, type, job);
        approvals.add(row);
        return row;
    }

    Instant at(LocalDate day, LocalTime time) {
        return day.atTime(time).atZone(zone).toInstant();
    }

    LocalDate dateOf(Instant t) {
        return t.atZone(zone).toLocalDate();
    }

    boolean inMonth(Instant t) {
        return !t.isBefore(monthStart) && t.isBefore(monthEnd);
    }

    int days() {
        return lastDay.getDayOfMonth();
    }

    LocalDate randomDay() {
        return firstDay.plusDays(rng.nextInt(days()));
    }

    LocalDate randomWeekday() {
        while (true) {
            LocalDate d = randomDay();
            if (d.getDayOfWeek().getValue() <= 5) return d;
        }
    }

    /** A whole-second instant on a random weekday during office hours (as audit-trail request lines print). */
    Instant officeHours() {
        LocalTime t = LocalTime.of(9, 30).plusSeconds(rng.nextInt(9 * 3600));
        return at(randomWeekday(), t);
    }

    Duration minutes(int min, int max) {
        return Duration.ofSeconds(60L * min + rng.nextInt(Math.max(1, 60 * (max - min))))
                .plusMillis(rng.nextInt(1000));
    }

    static Instant seconds(Instant t) {
        return t.truncatedTo(ChronoUnit.SECONDS);
    }

    String node(JobSpec job) {
        return String.format("agent-%02d", 1 + rng.nextInt(8));
    }

    List<ApprovalRow> approvalsFor(JobSpec job) {
        List<ApprovalRow> out = new ArrayList<>();
        for (ApprovalRow a : approvals) {
            if (!a.deleted && job.controller.equals(a.controller) && job.fullName.equals(a.jobName)) out.add(a);
        }
        return out;
    }
}
