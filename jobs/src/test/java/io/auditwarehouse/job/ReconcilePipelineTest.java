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

import java.util.Comparator;
import java.util.List;
import java.util.HashSet;
import java.util.Set;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Spark composes the same steps as the in-memory path: both must give the same results. */
class ReconcilePipelineTest {

    @Test
    void sparkPipelineEqualsInMemoryReconciliation() {
        var s = ScenarioAccess.mixedScenario();
        Reconciler reconciler = new Reconciler(ControlCatalog.shipped(), s.settings(), s.approvals(), s.users(), s.asOf());
        ReconciliationResult expected = InMemoryReconciliation.run(reconciler, s.events(), s.approvals());

        JavaSparkContext sc = JavaSparkContext.fromSparkContext(SparkTestSession.get().sparkContext());
        ReconciliationResult out;
        try (ReconcilePipeline pipeline = ReconcilePipeline.run(sc, sc.parallelize(s.events(), 3), s.approvals(), reconciler)) {
            // every date the in-memory path judged anything on
            Set<LocalDate> dates = new HashSet<>();
            expected.runs().forEach(r -> dates.add(r.businessDate()));
            expected.findings().forEach(f -> dates.add(f.businessDate()));
            expected.summary().forEach(c -> dates.add(c.businessDate()));
            out = pipeline.forDates(dates);
        }

        List<String> sparkFindings = out.findings().stream().map(Finding::findingId).sorted().toList();
        List<String> memoryFindings = expected.findings().stream().map(Finding::findingId).sorted().toList();
        assertTrue(memoryFindings.size() >= 8, "scenario exercises several codes: " + memoryFindings.size());
        assertEquals(memoryFindings, sparkFindings);
        assertEquals(expected.runs().stream().map(r -> r.run().key() + "=" + r.status() + ":" + r.reasonCodes()).sorted().toList(),
                out.runs().stream().map(r -> r.run().key() + "=" + r.status() + ":" + r.reasonCodes()).sorted().toList());
        assertEquals(expected.summary().stream().sorted(Comparator.comparing(c -> c.key())).toList(),
                out.summary().stream().sorted(Comparator.comparing(c -> c.key())).toList());
        assertEquals(expected.approvals().stream().map(Object::toString).sorted().toList(),
                out.approvals().stream().map(Object::toString).sorted().toList());
    }
}
