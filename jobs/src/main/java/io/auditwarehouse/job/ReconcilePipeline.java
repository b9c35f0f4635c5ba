package io.auditwarehouse.job;

import io.auditwarehouse.model.Approval;
import io.auditwarehouse.model.AuditBuildLine;
import io.auditwarehouse.model.AuditRequest;
import io.auditwarehouse.model.BuildDocument;
import io.auditwarehouse.model.Finding;
import io.auditwarehouse.model.Run;
import io.auditwarehouse.model.RunKey;
import io.auditwarehouse.model.SourceEvent;
import io.auditwarehouse.reconcile.ApprovalCoverage;
import io.auditwarehouse.reconcile.BuildNumberGaps;
import io.auditwarehouse.reconcile.DatedTables;
import io.auditwarehouse.reconcile.JudgedAction;
import io.auditwarehouse.reconcile.ReconciledRun;
import io.auditwarehouse.reconcile.ReconciliationResult;
import io.auditwarehouse.reconcile.Reconciler;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The reconciliation as Spark transformations: Spark groups the events (runs by run key, runs by approval number,
 * runs by job, actions by identity) and the rules in {@link Reconciler} judge each group. What the rules produced
 * stays cached; {@link #forDates} brings one batch's share to the driver in a single job, where the dated tables are
 * put together ({@link DatedTables}) once for every sink.
 */
final class ReconcilePipeline implements AutoCloseable {

    /** One item of a batch's share: exactly one field is set. */
    private record Piece(ReconciledRun run, Finding gap, JudgedAction action) implements Serializable {
    }

    /** Serialized: Spark sizes cached objects by walking their graphs, which cost more than the rules themselves. */
    static final StorageLevel CACHED = StorageLevel.MEMORY_AND_DISK_SER();

    private final Reconciler reconciler;
    private final Broadcast<Reconciler> rules;
    private final List<Approval> approvals;
    private final JavaRDD<ReconciledRun> reconciled;
    private final JavaRDD<Finding> gaps;
    private final JavaRDD<JudgedAction> actions;
    private final Map<String, Long> covered;

    private ReconcilePipeline(JavaSparkContext sc, JavaRDD<SourceEvent> events, List<Approval> approvals, Reconciler reconciler) {
        this.reconciler = reconciler;
        this.approvals = approvals;
        this.rules = sc.broadcast(reconciler);
        // the lambdas capture this local, not the pipeline, which is not serializable
        Broadcast<Reconciler> rules = this.rules;

        JavaRDD<Run> runs = events
                .filter(e -> e instanceof BuildDocument || e instanceof AuditBuildLine)
                .mapToPair(e -> new Tuple2<>(runKeyOf(e), e))
                .groupByKey()
                .map(g -> rules.value().assemble(g._1(), g._2()))
                .persist(CACHED);

        this.reconciled = runs
                .filter(r -> r.approvalNo() != null)
                .groupBy(Run::approvalNo)
                .flatMap(g -> ApprovalCoverage.rank(g._2()).iterator())
                .union(runs.filter(r -> r.approvalNo() == null).map(ApprovalCoverage::unranked))
                .map(r -> rules.value().evaluate(r))
                .persist(CACHED);

        // a job's history needs only build numbers and start times: whole runs would be shuffled for nothing
        this.gaps = runs
                .mapToPair(r -> new Tuple2<>(r.key().job(), BuildNumberGaps.BuildStart.of(r)))
                .groupByKey()
                .flatMap(g -> rules.value().gaps(g._1(), g._2()).iterator())
                .persist(CACHED);

        this.actions = events
                .filter(e -> e instanceof AuditRequest)
                .map(e -> (AuditRequest) e)
                // the same request line may arrive twice (at-least-once delivery)
                .mapToPair(a -> new Tuple2<>(a.identity(), a))
                .reduceByKey((a, b) -> a.docId().compareTo(b.docId()) <= 0 ? a : b)
                .map(t -> rules.value().evaluate(t._2()))
                .persist(CACHED);

        // approvals live on the driver; only the number of runs each covers comes back from the executors
        this.covered = reconciled.filter(r -> r.approvalUse() != null && r.approvalUse().rank() == 1)
                .mapToPair(r -> new Tuple2<>(r.run().approvalNo(), (long) r.approvalUse().covered()))
                .collectAsMap();
        // one job fills the other two caches: from here on neither the runs nor the events are needed again
        gaps.map(f -> 1).union(actions.map(j -> 1)).count();
        runs.unpersist(true);
    }

    static ReconcilePipeline run(JavaSparkContext sc, JavaRDD<SourceEvent> events, List<Approval> approvals, Reconciler reconciler) {
        return new ReconcilePipeline(sc, events, approvals, reconciler);
    }

    /** The dated tables of the given business dates, computed on the driver from one Spark job's results. */
    ReconciliationResult forDates(Set<LocalDate> wanted) {
        Set<LocalDate> dates = new HashSet<>(wanted);
        Broadcast<Reconciler> rules = this.rules;
        List<Piece> pieces = reconciled
                .filter(r -> dates.contains(r.businessDate()) || r.findings().stream().anyMatch(f -> dates.contains(f.businessDate())))
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
    }

    private static RunKey runKeyOf(SourceEvent e) {
        return e instanceof BuildDocument b ? b.runKey() : ((AuditBuildLine) e).runKey();
    }
}
