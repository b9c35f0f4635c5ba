package io.auditwarehouse.generate;

import io.auditwarehouse.model.ReasonCode;

import java.time.Duration;
import java.util.List;
import java.util.Random;

/** Plants C5 and C6: unreported or unapproved failures, unfinished runs, disagreeing sources, missing builds. */
final class EvidencePlants {

    private final World w;
    private final Random rng;
    private final PlantLedger ledger;
    private final BaseActivity base;
    private final ManualRunPlants manual;

    EvidencePlants(World w, PlantLedger ledger, BaseActivity base, ManualRunPlants manual) {
        this.w = w;
        this.rng = w.rng;
        this.ledger = ledger;
        this.base = base;
        this.manual = manual;
    }

    void plant() {
        Candidates<PlannedRun> pool = new Candidates<>(w.runs, rng);
        gaps(new Candidates<>(w.runs, rng));
        failures(pool);
        incomplete(pool);
        mismatches(pool);
    }

    private static boolean clean(PlannedRun r) {
        return r.pristine() && "SUCCESS".equals(r.result) && !r.hasChildren;
    }

    /** Failed runs whose report never came in time (or at all), or came in time but was not approved. */
    private void failures(Candidates<PlannedRun> pool) {
        for (int i = 0; i < w.spec.plantsOf(ReasonCode.FAILURE_NOT_REPORTED); i++) {
            PlannedRun run = pool.take(EvidencePlants::clean);
            if (run == null) break;
            fail(run);
            if (i % 2 == 1) {
                base.failureReport(run, run.finish().plus(RuleOracle.FAILURE_REPORT_SLA).plus(w.minutes(30, 20 * 60)));
            }
            ledger.planted(ReasonCode.FAILURE_NOT_REPORTED, Intent.run(ReasonCode.FAILURE_NOT_REPORTED, run));
        }
        for (int i = 0; i < w.spec.plantsOf(ReasonCode.FAILURE_REPORT_UNAPPROVED); i++) {
            PlannedRun run = pool.take(EvidencePlants::clean);
            if (run == null) break;
            fail(run);
            ApprovalRow report = base.failureReport(run, run.finish().plus(w.minutes(20, 40 * 60)));
            if (i % 2 == 0) report.undecided("REQUESTED");
            else report.status = "REJECTED";
            ledger.planted(ReasonCode.FAILURE_REPORT_UNAPPROVED, Intent.run(ReasonCode.FAILURE_REPORT_UNAPPROVED, run));
        }
    }

    private static void fail(PlannedRun run) {
        run.result = "FAILURE";
        run.reserved = true;
    }

    /** Runs that never completed: both sources saw only the start, or only the audit trail saw it start. */
    private void incomplete(Candidates<PlannedRun> pool) {
        for (int i = 0; i < w.spec.plantsOf(ReasonCode.RUN_INCOMPLETE); i++) {
            PlannedRun run = pool.take(EvidencePlants::clean);
            if (run == null) break;
            run.reserved = true;
            run.auditCompletion = false;
            run.buildFinalDoc = false;
            if (i % 3 == 2) {
                run.inBuilds = false;
                ledger.planted(ReasonCode.RUN_INCOMPLETE, Intent.run(ReasonCode.RUN_INCOMPLETE, run),
                        Intent.run(ReasonCode.EVIDENCE_SOURCE_MISMATCH, run));
            } else {
                run.consoleDocs = Math.max(1, run.consoleDocs);
                ledger.planted(ReasonCode.RUN_INCOMPLETE, Intent.run(ReasonCode.RUN_INCOMPLETE, run));
            }
        }
    }

    /** Runs seen by one source only, or seen by both with a different result or approval number. */
    private void mismatches(Candidates<PlannedRun> pool) {
        for (int i = 0; i < w.spec.plantsOf(ReasonCode.EVIDENCE_SOURCE_MISMATCH); i++) {
            int variant = i % 4;
            PlannedRun run = pool.take(r -> clean(r) && (variant != 3 || (r.isManual() && r.buildApproval.row() != null)));
            if (run == null && variant == 3) run = pool.take(EvidencePlants::clean);
            if (run == null) break;
            run.reserved = true;
            if (variant == 0) run.inAudit = false;
            else if (variant == 1) run.inBuilds = false;
            else if (variant == 2 || !run.isManual()) run.auditResultOverride = "FAILURE";
            else run.auditApproval = CarriedApproval.literal(manual.ghostNumber(run.start));
            ledger.planted(ReasonCode.EVIDENCE_SOURCE_MISMATCH, Intent.run(ReasonCode.EVIDENCE_SOURCE_MISMATCH, run));
        }
    }

    /** Scheduled builds whose documents never arrived: a hole in the job's build numbers. */
    private void gaps(Candidates<PlannedRun> pool) {
        for (int i = 0; i < w.spec.plantsOf(ReasonCode.BUILD_NUMBER_GAP); i++) {
            int width = i % 5 == 4 ? 2 : 1;
            PlannedRun[] hole = new PlannedRun[1];
            PlannedRun first = pool.take(r -> (hole[0] = holeAfter(r, width)) != null);
            if (first == null) break;
            List<PlannedRun> runs = first.job.runs;
            int at = runs.indexOf(first);
            PlannedRun next = runs.get(at + width);
            runs.get(at - 1).reserved = true;
            next.reserved = true;
            Intent[] intents = new Intent[width];
            for (int k = 0; k < width; k++) {
                PlannedRun dropped = runs.get(at + k);
                dropped.dropped = true;
                dropped.reserved = true;
                intents[k] = Intent.gap(dropped, next);
            }
            ledger.planted(ReasonCode.BUILD_NUMBER_GAP, intents);
        }
    }

    /** The run after {@code width} droppable scheduled runs starting at r, or null. */
    private PlannedRun holeAfter(PlannedRun r, int width) {
        List<PlannedRun> runs = r.job.runs;
        int at = runs.indexOf(r);
        if (at < 1 || at + width >= runs.size() || runs.get(at - 1).reserved) return null;
        for (int k = 0; k < width; k++) {
            PlannedRun d = runs.get(at + k);
            if (!d.pristine() || !"SUCCESS".equals(d.result) || d.isManual() || d.buildApproval != null) return null;
        }
        PlannedRun next = runs.get(at + width);
        if (next.reserved || next.dropped) return null;
        return Duration.between(runs.get(at - 1).start, next.start).compareTo(RuleOracle.GAP_LOOKBACK) <= 0 ? next : null;
    }
}
