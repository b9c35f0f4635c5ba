package io.auditwarehouse.reconcile;

import io.auditwarehouse.model.Run;

import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Ranks the runs that carry one approval number, for APPROVAL_OVERUSED and the approval table. Pure. */
public final class ApprovalCoverage {

    /** Run order under one approval: (started_at, controller, job, build). */
    public static final Comparator<RunOutline> ORDER = Comparator.comparing(RunOutline::startedAt, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(RunOutline::key);

    /**
     * How one run uses its approval number.
     *
     * @param rank    1-based rank of the run among all runs carrying the number
     * @param covered how many runs carry the number
     */
    public record ApprovalUse(int rank, int covered, Instant firstRunAt, Instant lastRunAt) implements Serializable {
    }

    /** A run and its use of its approval number (null when it carries none). */
    public record RankedRun(Run run, ApprovalUse use) implements Serializable {
    }

    /** A run's outline and its use of the approval number it carries. */
    public record Ranked(RunOutline run, ApprovalUse use) implements Serializable {
    }

    private ApprovalCoverage() {
    }

    /** @param runs the outline of every run carrying one approval number */
    public static List<Ranked> rank(Iterable<RunOutline> runs) {
        List<RunOutline> sorted = new ArrayList<>();
        runs.forEach(sorted::add);
        sorted.sort(ORDER);
        Instant first = sorted.get(0).startedAt();
        Instant last = sorted.get(sorted.size() - 1).startedAt();
        List<Ranked> ranked = new ArrayList<>(sorted.size());
        for (int i = 0; i < sorted.size(); i++) {
            ranked.add(new Ranked(sorted.get(i), new ApprovalUse(i + 1, sorted.size(), first, last)));
        }
        return ranked;
    }

    public static RankedRun unranked(Run run) {
        return new RankedRun(run, null);
    }
}
