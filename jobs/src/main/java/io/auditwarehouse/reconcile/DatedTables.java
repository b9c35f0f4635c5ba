package io.auditwarehouse.reconcile;

import io.auditwarehouse.model.Approval;
import io.auditwarehouse.model.Finding;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The dated tables (runs, findings, approval touches, summary cells) of the business dates kept, from what the
 * reconciliation judged: runs, build-number gaps, job actions, and the approvals with how many runs each covers. Pure.
 */
public final class DatedTables {

    private static final Comparator<ApprovalTouch> TOUCH_ORDER = Comparator.comparing(ApprovalTouch::businessDate)
            .thenComparing(ApprovalTouch::approvalNo);

    private DatedTables() {
    }

    /**
     * @param runs    reconciled runs; those dated outside {@code kept} only contribute findings dated inside it
     * @param covered runs carrying each approval number, over everything that was read
     */
    public static ReconciliationResult of(Reconciler reconciler, Collection<ReconciledRun> runs, Collection<Finding> gaps,
                                          Collection<JudgedAction> actions, Collection<Approval> approvals,
                                          Map<String, Long> covered, Predicate<LocalDate> kept) {
        List<ReconciledRun> keptRuns = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        List<SummaryCell> cells = new ArrayList<>();
        Map<String, List<ReconciledRun>> touchedOnDate = new TreeMap<>();
        for (ReconciledRun r : runs) {
            findings.addAll(r.findings());
            cells.addAll(reconciler.summaryCells(r));
            if (!kept.test(r.businessDate())) continue;
            keptRuns.add(r);
            if (r.run().approvalNo() != null) {
                touchedOnDate.computeIfAbsent(r.run().approvalNo() + "|" + r.businessDate(), k -> new ArrayList<>()).add(r);
            }
        }
        for (Finding gap : gaps) {
            findings.add(gap);
            cells.add(reconciler.findingCell(gap));
        }
        for (JudgedAction judged : actions) {
            if (judged.finding() != null) findings.add(judged.finding());
            cells.addAll(reconciler.summaryCells(judged));
        }
        List<ApprovalTouch> touches = new ArrayList<>();
        for (Approval a : approvals) {
            reconciler.unused(a, covered.getOrDefault(a.approvalNo(), 0L)).ifPresent(f -> {
                findings.add(f);
                cells.add(reconciler.findingCell(f));
                touches.add(ApprovalTouch.ofUnused(a, f));
            });
        }
        touchedOnDate.values().forEach(rs -> touches.add(ApprovalTouch.ofRuns(rs)));

        Map<String, SummaryCell> summary = new TreeMap<>();
        cells.stream().filter(c -> kept.test(c.businessDate())).forEach(c -> summary.merge(c.key(), c, SummaryCell::plus));
        keptRuns.sort(Comparator.comparing(r -> r.run().key()));
        return new ReconciliationResult(keptRuns,
                findings.stream().filter(f -> kept.test(f.businessDate())).sorted(Comparator.comparing(Finding::findingId)).toList(),
                touches.stream().filter(t -> kept.test(t.businessDate())).sorted(TOUCH_ORDER).toList(),
                List.copyOf(summary.values()));
    }
}
