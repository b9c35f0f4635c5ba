package io.auditwarehouse.job;

import io.auditwarehouse.model.Approval;
import io.auditwarehouse.model.AuditBuildLine;
import io.auditwarehouse.model.AuditRequest;
import io.auditwarehouse.model.BuildDocument;
import io.auditwarehouse.model.Finding;
import io.auditwarehouse.model.Run;
import io.auditwarehouse.model.SourceEvent;
import io.auditwarehouse.reconcile.ApprovalCoverage;
import io.auditwarehouse.reconcile.ApprovalTouch;
import io.auditwarehouse.reconcile.JudgedAction;
import io.auditwarehouse.reconcile.ReconciledRun;
import io.auditwarehouse.reconcile.Reconciler;
import io.auditwarehouse.reconcile.SummaryCell;
import org.apache.spark.api.java.function.FilterFunction;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.api.java.function.MapGroupsFunction;
import org.apache.spark.api.java.function.ReduceFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SparkSession;
import scala.Tuple2;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The reconciliation as Spark transformations: Spark groups and joins, the rules stay in {@link Reconciler}.
 * Results cover every business date the sources allow; {@link #forDates} keeps the ones being published.
 */
final class ReconcilePipeline {

    static final Encoder<SourceEvent> EVENT = Encoders.javaSerialization(SourceEvent.class);
    static final Encoder<Run> RUN = Encoders.javaSerialization(Run.class);
    static final Encoder<ApprovalCoverage.RankedRun> RANKED = Encoders.javaSerialization(ApprovalCoverage.RankedRun.class);
    static final Encoder<ReconciledRun> RECONCILED = Encoders.javaSerialization(ReconciledRun.class);
    static final Encoder<Finding> FINDING = Encoders.javaSerialization(Finding.class);
    static final Encoder<AuditRequest> ACTION = Encoders.javaSerialization(AuditRequest.class);
    static final Encoder<SummaryCell> CELL = Encoders.javaSerialization(SummaryCell.class);
    static final Encoder<ApprovalTouch> TOUCH = Encoders.javaSerialization(ApprovalTouch.class);
    static final Encoder<JudgedAction> JUDGED = Encoders.javaSerialization(JudgedAction.class);

    /** What one pass produced, still as Datasets. */
    record Output(Dataset<ReconciledRun> runs, Dataset<Finding> findings, Dataset<ApprovalTouch> approvals,
                  Dataset<SummaryCell> summary, List<Dataset<?>> cached) {

        void unpersist() {
            cached.forEach(Dataset::unpersist);
        }
    }

    private ReconcilePipeline() {
    }

    static Output run(SparkSession spark, Dataset<SourceEvent> events, List<Approval> approvals, Reconciler reconciler) {
        Broadcast<Reconciler> rules = spark.sparkContext().broadcast(reconciler, scala.reflect.ClassTag$.MODULE$.apply(Reconciler.class));

        Dataset<Run> runs = events
                .filter((FilterFunction<SourceEvent>) e -> e instanceof BuildDocument || e instanceof AuditBuildLine)
                .groupByKey((MapFunction<SourceEvent, String>) ReconcilePipeline::runKey, Encoders.STRING())
                .mapGroups((MapGroupsFunction<String, SourceEvent, Run>) (k, evs) -> {
                    List<SourceEvent> all = new ArrayList<>();
                    evs.forEachRemaining(all::add);
                    return rules.value().assemble(runKeyOf(all.get(0)), all);
                }, RUN)
                .persist();

        Dataset<ApprovalCoverage.RankedRun> ranked = runs
                .filter((FilterFunction<Run>) r -> r.approvalNo() != null)
                .groupByKey((MapFunction<Run, String>) Run::approvalNo, Encoders.STRING())
                .flatMapGroups((FlatMapGroupsFunction<String, Run, ApprovalCoverage.RankedRun>) (no, rs) ->
                        ApprovalCoverage.rank(() -> rs).iterator(), RANKED)
                .union(runs.filter((FilterFunction<Run>) r -> r.approvalNo() == null)
                        .map((MapFunction<Run, ApprovalCoverage.RankedRun>) ApprovalCoverage::unranked, RANKED));

        Dataset<ReconciledRun> reconciled = ranked
                .map((MapFunction<ApprovalCoverage.RankedRun, ReconciledRun>) r -> rules.value().evaluate(r), RECONCILED)
                .persist();

        Dataset<Finding> gaps = runs
                .groupByKey((MapFunction<Run, String>) r -> r.key().job().asKey(), Encoders.STRING())
                .flatMapGroups((FlatMapGroupsFunction<String, Run, Finding>) (job, rs) ->
                        rules.value().gaps(() -> rs).iterator(), FINDING)
                .persist();

        Dataset<AuditRequest> actions = events
                .filter((FilterFunction<SourceEvent>) e -> e instanceof AuditRequest)
                .map((MapFunction<SourceEvent, AuditRequest>) e -> (AuditRequest) e, ACTION)
                // the same request line may arrive twice (at-least-once delivery)
                .groupByKey((MapFunction<AuditRequest, String>) AuditRequest::identity, Encoders.STRING())
                .mapGroups((MapGroupsFunction<String, AuditRequest, AuditRequest>) (k, as) -> as.next(), ACTION);
        Dataset<JudgedAction> judgedActions = actions
                .map((MapFunction<AuditRequest, JudgedAction>) a -> rules.value().evaluate(a), JUDGED)
                .persist();

        // approvals live on the driver; only the number of runs each covers comes back from the executors
        Map<String, Long> covered = new HashMap<>();
        runs.filter((FilterFunction<Run>) r -> r.approvalNo() != null)
                .map((MapFunction<Run, String>) Run::approvalNo, Encoders.STRING())
                .groupByKey((MapFunction<String, String>) s -> s, Encoders.STRING()).count()
                .collectAsList().forEach(t -> covered.put(t._1(), (Long) t._2()));
        List<Finding> unused = new ArrayList<>();
        List<ApprovalTouch> unusedTouches = new ArrayList<>();
        for (Approval a : approvals) {
            reconciler.unused(a, covered.getOrDefault(a.approvalNo(), 0L)).ifPresent(f -> {
                unused.add(f);
                unusedTouches.add(ApprovalTouch.ofUnused(a, f));
            });
        }
        Dataset<Finding> unusedFindings = spark.createDataset(unused, FINDING);

        Dataset<Finding> findings = reconciled
                .flatMap((FlatMapFunction<ReconciledRun, Finding>) r -> r.findings().iterator(), FINDING)
                .union(gaps)
                .union(judgedActions.filter((FilterFunction<JudgedAction>) j -> j.finding() != null)
                        .map((MapFunction<JudgedAction, Finding>) JudgedAction::finding, FINDING))
                .union(unusedFindings);

        Dataset<SummaryCell> cells = reconciled
                .flatMap((FlatMapFunction<ReconciledRun, SummaryCell>) r -> rules.value().summaryCells(r).iterator(), CELL)
                .union(gaps.map((MapFunction<Finding, SummaryCell>) f -> rules.value().findingCell(f), CELL))
                .union(judgedActions.flatMap((FlatMapFunction<JudgedAction, SummaryCell>) j ->
                        rules.value().summaryCells(j).iterator(), CELL))
                .union(unusedFindings.map((MapFunction<Finding, SummaryCell>) f -> rules.value().findingCell(f), CELL));
        Dataset<SummaryCell> summary = cells
                .groupByKey((MapFunction<SummaryCell, String>) SummaryCell::key, Encoders.STRING())
                .reduceGroups((ReduceFunction<SummaryCell>) SummaryCell::plus)
                .map((MapFunction<Tuple2<String, SummaryCell>, SummaryCell>) Tuple2::_2, CELL);

        Dataset<ApprovalTouch> touches = reconciled
                .filter((FilterFunction<ReconciledRun>) r -> r.run().approvalNo() != null)
                .groupByKey((MapFunction<ReconciledRun, String>) r -> r.run().approvalNo() + "|" + r.businessDate(), Encoders.STRING())
                .mapGroups((MapGroupsFunction<String, ReconciledRun, ApprovalTouch>) (k, rs) -> {
                    List<ReconciledRun> group = new ArrayList<>();
                    rs.forEachRemaining(group::add);
                    return ApprovalTouch.ofRuns(group);
                }, TOUCH)
                .union(spark.createDataset(unusedTouches, TOUCH));

        return new Output(reconciled, findings.persist(), touches.persist(), summary.persist(),
                List.of(runs, reconciled, gaps, judgedActions, findings, touches, summary));
    }

    /** The subset of an output that belongs to the given business dates. */
    static Output forDates(Output o, Set<LocalDate> dates) {
        return new Output(
                o.runs().filter((FilterFunction<ReconciledRun>) r -> dates.contains(r.businessDate())),
                o.findings().filter((FilterFunction<Finding>) f -> dates.contains(f.businessDate())),
                o.approvals().filter((FilterFunction<ApprovalTouch>) t -> dates.contains(t.businessDate())),
                o.summary().filter((FilterFunction<SummaryCell>) c -> dates.contains(c.businessDate())), List.of());
    }

    private static String runKey(SourceEvent e) {
        return runKeyOf(e).asKey();
    }

    private static io.auditwarehouse.model.RunKey runKeyOf(SourceEvent e) {
        return e instanceof BuildDocument b ? b.runKey() : ((AuditBuildLine) e).runKey();
    }

}
