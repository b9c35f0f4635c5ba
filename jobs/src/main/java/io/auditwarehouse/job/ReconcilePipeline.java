package io.auditwarehouse.job;

import io.auditwarehouse.model.Approval;
import io.auditwarehouse.model.AuditBuildLine;
import io.auditwarehouse.model.AuditRequest;
import io.auditwarehouse.model.BuildDocument;
import io.auditwarehouse.model.Finding;
import io.auditwarehouse.model.RunKey;
import io.auditwarehouse.model.SourceEvent;
import io.auditwarehouse.reconcile.ApprovalCoverage;
import io.auditwarehouse.reconcile.DatedTables;
import io.auditwarehouse.reconcile.JudgedAction;
import io.auditwarehouse.reconcile.OutlineParts;
import io.auditwarehouse.reconcile.ReconciledRun;
import io.auditwarehouse.reconcile.ReconciliationResult;
import io.auditwarehouse.reconcile.Reconciler;
import io.auditwarehouse.reconcile.RunOutline;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The reconciliation as Spark transformations, in two levels. Each run's documents are grouped once (one shuffle) and
 * reduced to the run's outline (key, start, approval number: {@link RunOutline}), which is all that approval ranks,
 * approval coverage and build-number gaps need. Only the runs that start on a business date to be published are
 * assembled and judged in full, with their rank looked up from the outlines. What the rules produced stays cached;
 * {@link #forDates} brings one batch's share to the driver in a single job, where the dated tables are put together
 * ({@link DatedTables}) once for every sink.
 */
final class ReconcilePipeline implements AutoCloseable {

    /** One item of a batch's share: exactly one field is set. */
    private record Piece(ReconciledRun run, Finding gap, JudgedAction action) implements Serializable {
    }

    /** Serialized: Spark sizes cached objects by walking their graphs, which cost more than the rules themselves. */
    static final StorageLevel CACHED = StorageLevel.MEMORY_AND_DISK_SER();

    private final Reconciler reconciler;
    private final Broadcast<Reconciler> rules;
    private final Set<LocalDate> focus;
    private final List<Approval> approvals;
    private final JavaRDD<ReconciledRun> reconciled;
    private final JavaRDD<Finding> gaps;
    private final JavaRDD<JudgedAction> actions;
    private final Map<String, Long> covered;
    /** Kept until close: a cached partition that is lost is recomputed with it. */
    private final Broadcast<Map<RunKey, ApprovalCoverage.ApprovalUse>> ranks;

    /** @param focus every business date that will be published from this pipeline: only their runs are judged in full */
    private ReconcilePipeline(JavaSparkContext sc, JavaRDD<SourceEvent> events, List<Approval> approvals, Reconciler reconciler,
                              Set<LocalDate> focus) {
        this.reconciler = reconciler;
        this.approvals = approvals;
        this.focus = Set.copyOf(focus);
        this.rules = sc.broadcast(reconciler);
        // the lambdas capture these locals, not the pipeline, which is not serializable
        Broadcast<Reconciler> rules = this.rules;
        Set<LocalDate> dates = this.focus;

        // one shuffle of the run documents: every run's outline, and the run itself only when it starts on a date in focus
        JavaRDD<RunOutline.WithRun> grouped = events
                .filter(e -> e instanceof BuildDocument || e instanceof AuditBuildLine)
                .mapToPair(e -> new Tuple2<>(runKeyOf(e), e))
                .groupByKey()
                .map(g -> {
                    OutlineParts parts = OutlineParts.of(g._2());
                    RunOutline outline = parts.outline(g._1());
                    return new RunOutline.WithRun(outline,
                            inFocus(rules.value(), dates, outline) ? rules.value().assemble(g._1(), g._2(), parts) : null);
                })
                .persist(CACHED);
        JavaRDD<RunOutline> outlines = grouped.map(RunOutline.WithRun::outline);

        // every approval number's runs ranked; what comes back: each number's count, and the ranks of runs in focus
        Map<RunKey, ApprovalCoverage.ApprovalUse> uses = new HashMap<>();
        Map<String, Long> covered = new HashMap<>();
        for (ApprovalCoverage.Ranked r : outlines
                .filter(o -> o.approvalNo() != null)
                .groupBy(RunOutline::approvalNo)
                .flatMap(g -> ApprovalCoverage.rank(g._2()).iterator())
                .filter(r -> r.use().rank() == 1 || inFocus(rules.value(), dates, r.run()))
                .collect()) {
            if (r.use().rank() == 1) covered.put(r.run().approvalNo(), (long) r.use().covered());
            if (inFocus(reconciler, dates, r.run())) uses.put(r.run().key(), r.use());
        }
        this.covered = covered;

        // a job's history needs only build numbers and start times
        this.gaps = outlines
                .mapToPair(o -> new Tuple2<>(o.key().job(), o.buildStart()))
                .groupByKey()
                .flatMap(g -> rules.value().gaps(g._1(), g._2()).iterator())
                .filter(f -> dates.contains(f.businessDate()))
                .persist(CACHED);

        Broadcast<Map<RunKey, ApprovalCoverage.ApprovalUse>> ranks = this.ranks = sc.broadcast(uses);
        this.reconciled = grouped
                .filter(g -> g.run() != null)
                .map(g -> rules.value().evaluate(new ApprovalCoverage.RankedRun(g.run(), ranks.value().get(g.outline().key()))))
                .persist(CACHED);

        this.actions = events
                .filter(e -> e instanceof AuditRequest a && dates.contains(rules.value().businessDate(a.timestamp())))
                .map(e -> (AuditRequest) e)
                // the same request line may arrive twice (at-least-once delivery)
                .mapToPair(a -> new Tuple2<>(a.identity(), a))
                .reduceByKey((a, b) -> a.docId().compareTo(b.docId()) <= 0 ? a : b)
                .map(t -> rules.value().evaluate(t._2()))
                .persist(CACHED);

        // one job fills the three caches: from here on neither the events nor the grouped runs are needed again
        reconciled.map(r -> 1).union(gaps.map(f -> 1)).union(actions.map(j -> 1)).count();
        grouped.unpersist(true);
    }

    /** A run is judged in full when it starts on a business date in focus; findings of a run carry its start date. */
    private static boolean inFocus(Reconciler rules, Set<LocalDate> dates, RunOutline run) {
        return run.startedAt() != null && dates.contains(rules.businessDate(run.startedAt()));
    }

    static ReconcilePipeline run(JavaSparkContext sc, JavaRDD<SourceEvent> events, List<Approval> approvals, Reconciler reconciler,
                                 Set<LocalDate> focus) {
        return new ReconcilePipeline(sc, events, approvals, reconciler, focus);
    }

    /** The dated tables of the given business dates, computed on the driver from one Spark job's results. */
    ReconciliationResult forDates(Set<LocalDate> wanted) {
        if (!focus.containsAll(wanted)) throw new IllegalArgumentException("dates outside the pipeline's focus: " + wanted);
        Set<LocalDate> dates = new HashSet<>(wanted);
        Broadcast<Reconciler> rules = this.rules;
        List<Piece> pieces = reconciled
                .filter(r -> dates.contains(r.businessDate()))
                .map(r -> new Piece(r, null, null))
                .union(gaps.filter(f -> dates.contains(f.businessDate())).map(f -> new Piece(null, f, null)))
                .union(actions.filter(j -> dates.contains(rules.value().businessDate(j.action().timestamp()))
                                || (j.finding() != null && dates.contains(j.finding().businessDate())))
                        .map(j -> new Piece(null, null, j)))
                .collect();
        List<ReconciledRun> runs = new ArrayList<>();
        List<Finding> gapFindings = new ArrayList<>();
        List<JudgedAction> judged = new ArrayList<>();
        for (Piece p : pieces) {
            if (p.run() != null) runs.add(p.run());
            else if (p.gap() != null) gapFindings.add(p.gap());
            else judged.add(p.action());
        }
        return DatedTables.of(reconciler, runs, gapFindings, judged, approvals, covered, dates::contains);
    }

    /** Blocking: a removal still under way when the command stops Spark ends in RejectedExecutionException traces. */
    @Override
    public void close() {
        reconciled.unpersist(true);
        gaps.unpersist(true);
        actions.unpersist(true);
        rules.destroy();
        ranks.destroy();
    }

    private static RunKey runKeyOf(SourceEvent e) {
        return e instanceof BuildDocument b ? b.runKey() : ((AuditBuildLine) e).runKey();
    }
}
