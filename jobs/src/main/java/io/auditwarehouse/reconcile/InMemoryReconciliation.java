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

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The reconciliation over plain collections: the same steps the Spark job runs, for tests and small inputs. */
public final class InMemoryReconciliation {

    private InMemoryReconciliation() {
    }

    public static ReconciliationResult run(Reconciler reconciler, Collection<SourceEvent> events, Collection<Approval> approvals) {
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
        byApproval.values().forEach(rs -> ranked.addAll(ApprovalCoverage.rank(rs)));
        runs.stream().filter(r -> r.approvalNo() == null).map(ApprovalCoverage::unranked).forEach(ranked::add);
        List<ReconciledRun> reconciled = ranked.stream().map(reconciler::evaluate)
                .sorted(Comparator.comparing(r -> r.run().key())).toList();

        List<Finding> findings = new ArrayList<>();
        List<SummaryCell> cells = new ArrayList<>();
        for (ReconciledRun r : reconciled) {
            findings.addAll(r.findings());
            cells.addAll(reconciler.summaryCells(r));
        }
        for (List<Run> jobRuns : group(runs, r -> r.key().job()).values()) {
            for (Finding gap : reconciler.gaps(jobRuns)) {
                findings.add(gap);
                cells.add(reconciler.findingCell(gap));
            }
        }
        Map<String, AuditRequest> distinctActions = new TreeMap<>();
        actions.forEach(a -> distinctActions.putIfAbsent(a.identity(), a));
        for (AuditRequest action : distinctActions.values()) {
            JudgedAction judged = reconciler.evaluate(action);
            if (judged.finding() != null) findings.add(judged.finding());
            cells.addAll(reconciler.summaryCells(judged));
        }
        List<ApprovalTouch> touches = new ArrayList<>();
        for (Approval a : approvals) {
            Optional<Finding> unused = reconciler.unused(a, byApproval.getOrDefault(a.approvalNo(), List.of()).size());
            unused.ifPresent(f -> {
                findings.add(f);
                cells.add(reconciler.findingCell(f));
                touches.add(ApprovalTouch.ofUnused(a, f));
            });
        }
        Map<String, List<ReconciledRun>> touchedOnDate = group(
                reconciled.stream().filter(r -> r.run().approvalNo() != null).toList(),
                r -> r.run().approvalNo() + "|" + r.businessDate());
        touchedOnDate.values().forEach(rs -> touches.add(ApprovalTouch.ofRuns(rs)));

        Map<String, SummaryCell> summary = new TreeMap<>();
        cells.forEach(c -> summary.merge(c.key(), c, SummaryCell::plus));
        findings.sort(Comparator.comparing(Finding::findingId));
        return new ReconciliationResult(reconciled, findings, touches, List.copyOf(summary.values()));
    }

    private static <K extends Comparable<K>, T> Map<K, List<T>> group(List<T> items, Function<T, K> key) {
        return items.stream().collect(Collectors.groupingBy(key, TreeMap::new, Collectors.toList()));
    }
}
