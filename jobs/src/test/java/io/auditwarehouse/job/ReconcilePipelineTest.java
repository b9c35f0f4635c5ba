package io.auditwarehouse.job;

import io.auditwarehouse.model.Finding;
import io.auditwarehouse.reconcile.ControlCatalog;
import io.auditwarehouse.reconcile.InMemoryReconciliation;
import io.auditwarehouse.reconcile.ReconciliationResult;
import io.auditwarehouse.reconcile.Reconciler;
import io.auditwarehouse.reconcile.ScenarioAccess;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;

import java.util.Comparator;
import java.util.List;

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
        ReconcilePipeline.Output out = ReconcilePipeline.run(sc, sc.parallelize(s.events(), 3), s.approvals(), reconciler);

        List<String> sparkFindings = out.findings().collect().stream().map(Finding::findingId).sorted().toList();
        List<String> memoryFindings = expected.findings().stream().map(Finding::findingId).sorted().toList();
        assertTrue(memoryFindings.size() >= 8, "scenario exercises several codes: " + memoryFindings.size());
        assertEquals(memoryFindings, sparkFindings);
        assertEquals(expected.runs().stream().map(r -> r.run().key() + "=" + r.status() + ":" + r.reasonCodes()).sorted().toList(),
                out.runs().collect().stream().map(r -> r.run().key() + "=" + r.status() + ":" + r.reasonCodes()).sorted().toList());
        assertEquals(expected.summary().stream().sorted(Comparator.comparing(c -> c.key())).toList(),
                out.summary().collect().stream().sorted(Comparator.comparing(c -> c.key())).toList());
        assertEquals(expected.approvals().stream().map(Object::toString).sorted().toList(),
                out.approvals().collect().stream().map(Object::toString).sorted().toList());
    }
}
