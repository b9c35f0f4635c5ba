package io.auditwarehouse.job;

import io.auditwarehouse.model.ControlCatalog;
import io.auditwarehouse.model.Finding;
import io.auditwarehouse.reconcile.InMemoryReconciliation;
import io.auditwarehouse.reconcile.Reconciler;
import io.auditwarehouse.reconcile.ReconciliationResult;
import io.auditwarehouse.reconcile.ScenarioAccess;
import io.auditwarehouse.runtime.SparkTestSession;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Spark composes the same steps as the in-memory path: both must give the same results, for any dates published. */
class ReconcilePipelineTest {

    private final ScenarioAccess.World s = ScenarioAccess.mixedScenario();
    private final Reconciler reconciler = new Reconciler(ControlCatalog.shipped(), s.settings(), s.approvals(), s.users(), s.asOf());
    private final JavaSparkContext sc = JavaSparkContext.fromSparkContext(SparkTestSession.get().sparkContext());

    @Test
    void sparkPipelineEqualsInMemoryReconciliation() {
        ReconciliationResult expected = InMemoryReconciliation.run(reconciler, s.events(), s.approvals());
        Set<LocalDate> dates = datesJudged(expected);
        assertTrue(expected.findings().size() >= 8, "scenario exercises several codes: " + expected.findings().size());
        assertSame(expected, published(dates, dates));
    }

    /**
     * Only the runs of the dates in focus are judged in full; ranks, approval coverage and gaps still come from every
     * run read. One date at a time, and an early and a late date together, must equal the in-memory tables of those dates.
     */
    @Test
    void publishingSomeDatesEqualsTheWholeReconciliationCutToThem() {
        List<LocalDate> dates = List.copyOf(datesJudged(InMemoryReconciliation.run(reconciler, s.events(), s.approvals())));
        assertTrue(dates.size() >= 3, "the scenario spans several dates: " + dates);
        int nonEmpty = 0;
        for (LocalDate d : dates) {
            ReconciliationResult expected = InMemoryReconciliation.run(reconciler, s.events(), s.approvals(), d::equals);
            if (!expected.findings().isEmpty()) nonEmpty++;
            assertSame(expected, published(Set.of(d), Set.of(d)));
        }
        assertTrue(nonEmpty >= 2, "several single dates carry findings: " + nonEmpty);
        Set<LocalDate> ends = Set.of(dates.get(0), dates.get(dates.size() - 1));
        assertSame(InMemoryReconciliation.run(reconciler, s.events(), s.approvals(), ends::contains), published(ends, ends));
    }

    @Test
    void refusesDatesOutsideItsFocus() {
        LocalDate d = datesJudged(InMemoryReconciliation.run(reconciler, s.events(), s.approvals())).first();
        try (ReconcilePipeline pipeline = ReconcilePipeline.run(sc, sc.parallelize(s.events(), 3), s.approvals(), reconciler, Set.of(d))) {
            assertThrows(IllegalArgumentException.class, () -> pipeline.forDates(Set.of(d, d.plusDays(1))));
        }
    }

    private ReconciliationResult published(Set<LocalDate> focus, Set<LocalDate> dates) {
        try (ReconcilePipeline pipeline = ReconcilePipeline.run(sc, sc.parallelize(s.events(), 3), s.approvals(), reconciler, focus)) {
            return pipeline.forDates(dates);
        }
    }

    /** Every date the in-memory path judged anything on. */
    private static TreeSet<LocalDate> datesJudged(ReconciliationResult r) {
        TreeSet<LocalDate> dates = new TreeSet<>();
        r.runs().forEach(run -> dates.add(run.businessDate()));
        r.findings().forEach(f -> dates.add(f.businessDate()));
        r.summary().forEach(c -> dates.add(c.businessDate()));
        return dates;
    }

    private static void assertSame(ReconciliationResult expected, ReconciliationResult out) {
        assertEquals(expected.findings().stream().map(Finding::findingId).sorted().toList(),
                out.findings().stream().map(Finding::findingId).sorted().toList());
        assertEquals(expected.runs().stream().map(r -> r.run().key() + "=" + r.status() + ":" + r.reasonCodes() + ":" + r.approvalUse()).sorted().toList(),
                out.runs().stream().map(r -> r.run().key() + "=" + r.status() + ":" + r.reasonCodes() + ":" + r.approvalUse()).sorted().toList());
        assertEquals(expected.summary().stream().sorted(Comparator.comparing(c -> c.key())).toList(),
                out.summary().stream().sorted(Comparator.comparing(c -> c.key())).toList());
        assertEquals(expected.approvals().stream().map(Object::toString).sorted().toList(),
                out.approvals().stream().map(Object::toString).sorted().toList());
    }
}
