package io.auditwarehouse.runtime;

import io.auditwarehouse.model.AuditRequest;
import io.auditwarehouse.model.ControlCatalog;
import io.auditwarehouse.model.Decoded;
import io.auditwarehouse.model.QuarantineRecord;
import io.auditwarehouse.model.SourceEvent;
import io.auditwarehouse.reconcile.InMemoryReconciliation;
import io.auditwarehouse.reconcile.OutlineParts;
import io.auditwarehouse.reconcile.Reconciler;
import io.auditwarehouse.reconcile.ReconciliationResult;
import io.auditwarehouse.reconcile.RunOutline;
import io.auditwarehouse.reconcile.ScenarioAccess;
import org.apache.spark.SparkConf;
import org.apache.spark.serializer.KryoSerializer;
import org.apache.spark.serializer.SerializerInstance;
import org.junit.jupiter.api.Test;
import scala.reflect.ClassTag$;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a cluster's executors receive: every kind of record Spark ships, written and read back with the Kryo settings
 * the sessions use. Local mode never deserializes a broadcast, so only this (and SparkClusterIT) would notice one
 * that cannot be read back.
 */
class KryoRegistrationsTest {

    private final SerializerInstance kryo = kryo();

    private static SerializerInstance kryo() {
        SparkConf conf = new SparkConf(false);
        SparkSessions.KRYO.forEach(conf::set);
        return new KryoSerializer(conf).newInstance();
    }

    @Test
    void theRulesSurviveTheTripAndJudgeAlike() {
        var s = ScenarioAccess.mixedScenario();
        Reconciler reconciler = new Reconciler(ControlCatalog.shipped(), s.settings(), s.approvals(), s.users(), s.asOf());
        ReconciliationResult expected = InMemoryReconciliation.run(reconciler, s.events(), s.approvals());
        assertTrue(expected.findings().size() >= 8, "the scenario raises findings: " + expected.findings().size());

        ReconciliationResult again = InMemoryReconciliation.run(roundTrip(reconciler), s.events(), s.approvals());
        assertEquals(expected, again);
    }

    @Test
    void everyShippedRecordComesBackEqual() {
        var s = ScenarioAccess.mixedScenario();
        Reconciler reconciler = new Reconciler(ControlCatalog.shipped(), s.settings(), s.approvals(), s.users(), s.asOf());
        ReconciliationResult result = InMemoryReconciliation.run(reconciler, s.events(), s.approvals());
        List<Object> shipped = new ArrayList<>();
        for (SourceEvent e : s.events()) shipped.add(new Decoded(e, null));
        shipped.add(new Decoded(null, new QuarantineRecord("builds", "builds.ndjson@7", "not JSON", "{\"data\":")));
        shipped.addAll(result.runs());
        shipped.addAll(result.findings());
        for (SourceEvent e : s.events()) if (!(e instanceof AuditRequest)) shipped.add(OutlineParts.of(e));
        result.runs().forEach(r -> shipped.add(RunOutline.of(r.run())));
        shipped.add(List.of());
        shipped.add(List.of("one"));
        shipped.add(List.of("한", "둘", "셋"));
        for (Object o : shipped) assertEquals(o, roundTrip(o), o.getClass().getSimpleName());
    }

    /** An unregistered class has its name written with every value it appears in. */
    @Test
    void everyShippedClassIsRegistered() {
        var s = ScenarioAccess.mixedScenario();
        Reconciler reconciler = new Reconciler(ControlCatalog.shipped(), s.settings(), s.approvals(), s.users(), s.asOf());
        ReconciliationResult result = InMemoryReconciliation.run(reconciler, s.events(), s.approvals());
        List<Object> shipped = new ArrayList<>();
        for (SourceEvent e : s.events()) shipped.add(new Decoded(e, null));
        for (SourceEvent e : s.events()) if (!(e instanceof AuditRequest)) shipped.add(OutlineParts.of(e));
        shipped.addAll(result.runs());
        shipped.addAll(result.findings());
        shipped.addAll(s.approvals());
        var tag = ClassTag$.MODULE$.<Object>apply(Object.class);
        for (Object o : shipped) {
            var buffer = kryo.serialize(o, tag);
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            String written = new String(bytes, StandardCharsets.ISO_8859_1);
            for (String name : List.of("java.", "io.auditwarehouse.", "scala.")) {
                assertFalse(written.contains(name), o.getClass().getSimpleName() + " writes a class name: " + written);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private <T> T roundTrip(T value) {
        var tag = ClassTag$.MODULE$.<T>apply(Object.class);
        return (T) kryo.deserialize(kryo.serialize(value, tag), tag);
    }
}
