package io.auditwarehouse.generate;

import io.auditwarehouse.model.ReasonCode;
import io.auditwarehouse.model.Trigger;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;

/**
 * Plants the C1/C2 run-level codes on ordinary approved manual runs. Each plant changes one thing about one run
 * whose EXECUTE approval covers only that run, so it yields exactly its own code.
 */
final class ManualRunPlants {

    private final World w;
    private final Random rng;
    private final PlantLedger ledger;
    private final RunPlanner planner;
    private final TreeSet<String> ghostNumbers = new TreeSet<>();

    ManualRunPlants(World w, PlantLedger ledger, RunPlanner planner) {
        this.w = w;
        this.rng = w.rng;
        this.ledger = ledger;
        this.planner = planner;
    }

    /** Before numbering: a second run under an approval allowing one (it adds a run to the job). */
    void overused() {
        Candidates<PlannedRun> pool = pool();
        for (int i = 0; i < w.spec.plantsOf(ReasonCode.APPROVAL_OVERUSED); i++) {
            PlannedRun first = pool.take(r -> singleUse(r) && w.inMonth(r.start.plus(Duration.ofHours(2))));
            if (first == null) return;
            ApprovalRow a = first.buildApproval.row();
            a.maxRuns = 1;
            Instant start = first.start.plus(w.minutes(15, 90));
            Instant until = start.plus(Duration.ofMinutes(30));
            if (a.validTo.isBefore(until)) a.validTo = until;
            PlannedRun second = planner.manualRun(first.job, start, Org.pick(w.org.operators, rng), first.buildApproval);
            first.reserved = true;
            second.reserved = true;
            ledger.planted(ReasonCode.APPROVAL_OVERUSED, Intent.run(ReasonCode.APPROVAL_OVERUSED, second));
        }
    }

    /** After numbering and the job-level plants. */
    void plant() {
        Candidates<PlannedRun> pool = pool();
        for (ReasonCode code : List.of(ReasonCode.NO_APPROVAL_REFERENCE, ReasonCode.APPROVAL_NOT_FOUND,
                ReasonCode.APPROVAL_TYPE_MISMATCH, ReasonCode.APPROVAL_JOB_MISMATCH, ReasonCode.APPROVAL_NOT_APPROVED,
                ReasonCode.APPROVED_AFTER_RUN, ReasonCode.OUTSIDE_APPROVAL_WINDOW, ReasonCode.SELF_APPROVED,
                ReasonCode.EXECUTOR_IS_REQUESTER, ReasonCode.EXECUTOR_NOT_AUTHORIZED)) {
            for (int i = 0; i < w.spec.plantsOf(code); i++) {
                PlannedRun run = pool.take(r -> singleUse(r)
                        && (code != ReasonCode.APPROVAL_TYPE_MISMATCH || !r.job.reserved));
                if (run == null) break;
                apply(code, run, i);
                run.reserved = true;
                ledger.planted(code, Intent.run(code, run));
            }
        }
    }

    private void apply(ReasonCode code, PlannedRun run, int i) {
        ApprovalRow a = run.buildApproval.row();
        switch (code) {
            case NO_APPROVAL_REFERENCE -> {
                a.deleted = true;
                carry(run, i % 2 == 0 ? null : CarriedApproval.literal(""));
            }
            case APPROVAL_NOT_FOUND -> {
                a.deleted = true;
                carry(run, CarriedApproval.literal(ghostNumber(run.start)));
            }
            case APPROVAL_TYPE_MISMATCH -> {
                // the job's registration number typed in place of an execution approval
                a.deleted = true;
                carry(run, CarriedApproval.of(run.job.registration));
            }
            case APPROVAL_JOB_MISMATCH -> {
                a.deleted = true;
                ApprovalRow other = planner.executeApproval(otherJob(run.job), run.start, "EXECUTE");
                other.maxRuns = 1;
                carry(run, CarriedApproval.of(other));
            }
            case APPROVAL_NOT_APPROVED -> {
                switch (i % 3) {
                    case 0 -> a.undecided("REQUESTED");
                    case 1 -> a.status = "REJECTED";
                    default -> a.undecided("CANCELLED");
                }
            }
            case APPROVED_AFTER_RUN -> a.decidedAt = run.start.plus(w.minutes(5, 90));
            case OUTSIDE_APPROVAL_WINDOW -> {
                if (i % 2 == 0) {
                    a.validTo = run.start.minus(w.minutes(10, 180));
                    a.validFrom = a.validTo.minus(w.minutes(60, 360));
                } else {
                    a.validFrom = run.start.plus(w.minutes(30, 240));
                    a.validTo = a.validFrom.plus(w.minutes(60, 360));
                }
                if (a.decidedAt.isAfter(run.start)) a.decidedAt = run.start.minus(Duration.ofMinutes(3));
                if (a.requestedAt.isAfter(a.decidedAt)) a.requestedAt = a.decidedAt.minus(Duration.ofMinutes(30));
            }
            case SELF_APPROVED -> a.approver = a.requester;
            case EXECUTOR_IS_REQUESTER -> a.requester = run.executor.userId();
            case EXECUTOR_NOT_AUTHORIZED -> unauthorized(run, a, i);
            default -> throw new IllegalArgumentException(code.name());
        }
    }

    /** A developer who did not request it, an operator who has left, or a remote trigger with nobody behind it. */
    private void unauthorized(PlannedRun run, ApprovalRow a, int i) {
        switch (i % 3) {
            case 0 -> {
                Person dev;
                do dev = Org.pick(w.org.developers, rng); while (dev.userId().equals(a.requester));
                startedBy(run, dev);
            }
            case 1 -> startedBy(run, Org.pick(w.org.inactiveOperators, rng));
            default -> {
                run.cause = Trigger.REMOTE;
                run.executor = null;
                run.buildUserId = "remoteRequest";
                run.remoteAddr = "10.20." + (1 + rng.nextInt(200)) + "." + (2 + rng.nextInt(250));
            }
        }
    }

    private static void startedBy(PlannedRun run, Person who) {
        run.executor = who;
        run.buildUserId = who.userId();
    }

    private static void carry(PlannedRun run, CarriedApproval c) {
        run.buildApproval = c;
        run.auditApproval = c;
    }

    private JobSpec otherJob(JobSpec job) {
        while (true) {
            JobSpec other = Org.pick(w.catalog.jobs, rng);
            if (other != job) return other;
        }
    }

    /** A number in a range the approval system never issued (issued numbers count up from 1). */
    String ghostNumber(Instant when) {
        while (true) {
            String n = String.format("EXE-%d-9%05d", w.dateOf(when).getYear(), rng.nextInt(100_000));
            if (ghostNumbers.add(n)) return n;
        }
    }

    private Candidates<PlannedRun> pool() {
        Map<ApprovalRow, Integer> uses = new HashMap<>();
        for (PlannedRun r : w.runs) {
            if (r.buildApproval != null && r.buildApproval.row() != null) uses.merge(r.buildApproval.row(), 1, Integer::sum);
        }
        return new Candidates<>(w.runs.stream().filter(r -> r.isManual() && r.buildApproval.row() != null
                && uses.get(r.buildApproval.row()) == 1).toList(), rng);
    }

    /** An untouched manual run by an active operator whose own EXECUTE approval covers nothing else. */
    private boolean singleUse(PlannedRun r) {
        return r.pristine() && r.isManual() && r.buildApproval.row() != null && !r.buildApproval.sloppy()
                && "EXECUTE".equals(r.buildApproval.row().type) && !r.buildApproval.row().deleted
                && w.org.operators.contains(r.executor);
    }
}
