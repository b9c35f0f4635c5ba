package io.auditwarehouse.reconcile;

import io.auditwarehouse.model.Approval;
import io.auditwarehouse.model.AuditBuildLine;
import io.auditwarehouse.model.AuditRequest;
import io.auditwarehouse.model.BuildDocument;
import io.auditwarehouse.model.Finding;
import io.auditwarehouse.model.JobKey;
import io.auditwarehouse.model.Run;
import io.auditwarehouse.model.RunKey;
import io.auditwarehouse.model.SourceEvent;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** The reconciliation over plain collections: the same steps the Spark pipeline runs, for the rule tests. */
public final class InMemoryReconciliation {

    private InMemoryReconciliation() {
    }

    public static ReconciliationResult run(Reconciler reconciler, Collection<SourceEvent> events, Collection<Approval> approvals) {
        return run(reconciler, events, approvals, date -> true);
    }

    /** The dated tables of the business dates {@code kept}, from everything read. */
    public static ReconciliationResult run(Reconciler reconciler, Collection<SourceEvent> events, Collection<Approval> approvals,
                                           Predicate<LocalDate> kept) {
        Map<RunKey, List<SourceEvent>> byRun = new TreeMap<>();
        List<AuditRequest> actions = new ArrayList<>();
        for (SourceEvent e : events) {
            if (e instanceof BuildDocument b) byRun.computeIfAbsent(b.runKey(), k -> new ArrayList<>()).add(e);
            else if (e instanceof AuditBuildLine a) byRun.computeIfAbsent(a.runKey(), k -> new ArrayList<>()).add(e);
            else if (e instanceof AuditRequest r) actions.add(r);
        }
        List<Run> runs = byRun.entrySet().stream().map(en -> reconciler.assemble(en.getKey(), en.getValue())).toList();

        List<ApprovalCoverage.RankedRun> ranked = new ArrayList<>();
        Map<String, List<Run>> byApproval = group(runs.stream().filter(r -> r.approvalNo() != null).toList(), Run::approvalNo);
        Map<RunKey, Run> byKey = new TreeMap<>();
        runs.forEach(r -> byKey.put(r.key(), r));
        byApproval.values().forEach(rs -> ApprovalCoverage.rank(rs.stream().map(RunOutline::of).toList())
                .forEach(r -> ranked.add(new ApprovalCoverage.RankedRun(byKey.get(r.run().key()), r.use()))));
        runs.stream().filter(r -> r.approvalNo() == null).map(ApprovalCoverage::unranked).forEach(ranked::add);
        List<ReconciledRun> reconciled = ranked.stream().map(reconciler::evaluate).toList();
        List<Finding> gaps = new ArrayList<>();
        group(runs, r -> r.key().job()).forEach((job, jobRuns) ->
                gaps.addAll(reconciler.gaps(job, jobRuns.stream().map(BuildNumberGaps.BuildStart::of).toList())));
        Map<String, AuditRequest> distinctActions = new TreeMap<>();
        actions.forEach(a -> distinctActions.putIfAbsent(a.identity(), a));
        List<JudgedAction> judged = distinctActions.values().stream().map(reconciler::evaluate).toList();
        Map<String, Long> covered = new TreeMap<>();
        byApproval.forEach((no, rs) -> covered.put(no, (long) rs.size()));
        return DatedTables.of(reconciler, reconciled, gaps, judged, approvals, covered, kept);
    }

    private static <K extends Comparable<K>, T> Map<K, List<T>> group(List<T> items, Function<T, K> key) {
        return items.stream().collect(Collectors.groupingBy(key, TreeMap::new, Collectors.toList()));
    }
}
