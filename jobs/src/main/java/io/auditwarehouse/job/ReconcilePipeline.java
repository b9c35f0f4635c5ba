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
import io.auditwarehouse.reconcile.ApprovalTouch;
import io.auditwarehouse.reconcile.JudgedAction;
import io.auditwarehouse.reconcile.ReconciledRun;
import io.auditwarehouse.reconcile.Reconciler;
import io.auditwarehouse.reconcile.SummaryCell;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The reconciliation as Spark transformations: Spark groups and joins, the rules stay in {@link Reconciler}.
 * Plain RDDs of the domain records: cached as objects, shuffled with Spark's serializer, no query planning.
 * Results cover every business date the sources allow; {@link #forDates} keeps the ones being published.
 */
final class ReconcilePipeline {

    /** What one pass produced. */
    record Output(JavaRDD<ReconciledRun> runs, JavaRDD<Finding> findings, JavaRDD<ApprovalTouch> approvals,
                  JavaRDD<SummaryCell> summary, List<JavaRDD<?>> cached) {

        void unpersist() {
            cached.forEach(rdd -> rdd.unpersist(true));
        }
    }

    private ReconcilePipeline() {
    }

    static Output run(JavaSparkContext sc, JavaRDD<SourceEvent> events, List<Approval> approvals, Reconciler reconciler) {
        Broadcast<Reconciler> rules = sc.broadcast(reconciler);

        JavaRDD<Run> runs = events
                .filter(e -> e instanceof BuildDocument || e instanceof AuditBuildLine)
                .mapToPair(e -> new Tuple2<>(runKeyOf(e), e))
                .groupByKey()
                .map(g -> rules.value().assemble(g._1(), g._2()));
        cache(runs);

        JavaRDD<ApprovalCoverage.RankedRun> ranked = runs
                .filter(r -> r.approvalNo() != null)
                .groupBy(Run::approvalNo)
                .flatMap(g -> ApprovalCoverage.rank(g._2()).iterator())
                .union(runs.filter(r -> r.approvalNo() == null).map(ApprovalCoverage::unranked));

        JavaRDD<ReconciledRun> reconciled = ranked.map(r -> rules.value().evaluate(r));
        cache(reconciled);

        JavaRDD<Finding> gaps = runs
                .groupBy(r -> r.key().job())
                .flatMap(g -> rules.value().gaps(g._2()).iterator());

        JavaRDD<JudgedAction> judgedActions = events
                .filter(e -> e instanceof AuditRequest)
                .map(e -> (AuditRequest) e)
                // the same request line may arrive twice (at-least-once delivery)
                .mapToPair(a -> new Tuple2<>(a.identity(), a))
                .reduceByKey((a, b) -> a.docId().compareTo(b.docId()) <= 0 ? a : b)
                .map(t -> rules.value().evaluate(t._2()));
        cache(judgedActions);

        // approvals live on the driver; only the number of runs each covers comes back from the executors
        Map<String, Long> covered = runs.filter(r -> r.approvalNo() != null).map(Run::approvalNo).countByValue();
        List<Finding> unused = new ArrayList<>();
        List<ApprovalTouch> unusedTouches = new ArrayList<>();
        for (Approval a : approvals) {
            reconciler.unused(a, covered.getOrDefault(a.approvalNo(), 0L)).ifPresent(f -> {
                unused.add(f);
                unusedTouches.add(ApprovalTouch.ofUnused(a, f));
            });
        }
        JavaRDD<Finding> unusedFindings = sc.parallelize(unused, 1);

        JavaRDD<Finding> findings = reconciled
                .flatMap(r -> r.findings().iterator())
                .union(gaps)
                .union(judgedActions.filter(j -> j.finding() != null).map(JudgedAction::finding))
                .union(unusedFindings);

        JavaRDD<SummaryCell> summary = reconciled
                .flatMap(r -> rules.value().summaryCells(r).iterator())
                .union(gaps.map(f -> rules.value().findingCell(f)))
                .union(judgedActions.flatMap(j -> rules.value().summaryCells(j).iterator()))
                .union(unusedFindings.map(f -> rules.value().findingCell(f)))
                .mapToPair(c -> new Tuple2<>(c.key(), c))
                .reduceByKey(SummaryCell::plus)
                .values();

        JavaRDD<ApprovalTouch> touches = reconciled
                .filter(r -> r.run().approvalNo() != null)
                .groupBy(r -> r.run().approvalNo() + "|" + r.businessDate())
                .map(g -> {
                    List<ReconciledRun> group = new ArrayList<>();
                    g._2().forEach(group::add);
                    return ApprovalTouch.ofRuns(group);
                })
                .union(sc.parallelize(unusedTouches, 1));

        cache(findings);
        cache(touches);
        cache(summary);
        return new Output(reconciled, findings, touches, summary,
                List.of(runs, reconciled, judgedActions, findings, touches, summary));
    }

    /** The subset of an output that belongs to the given business dates. */
    static Output forDates(Output o, Set<LocalDate> dates) {
        return new Output(
                o.runs().filter(r -> dates.contains(r.businessDate())),
                o.findings().filter(f -> dates.contains(f.businessDate())),
                o.approvals().filter(t -> dates.contains(t.businessDate())),
                o.summary().filter(c -> dates.contains(c.businessDate())), List.of());
    }

    private static void cache(JavaRDD<?> rdd) {
        rdd.persist(StorageLevel.MEMORY_AND_DISK());
    }

    private static RunKey runKeyOf(SourceEvent e) {
        return e instanceof BuildDocument b ? b.runKey() : ((AuditBuildLine) e).runKey();
    }
}
