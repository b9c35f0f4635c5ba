package io.auditwarehouse.runtime;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import com.esotericsoftware.kryo.serializers.JavaSerializer;
import io.auditwarehouse.model.Approval;
import io.auditwarehouse.model.AuditBuildLine;
import io.auditwarehouse.model.AuditRequest;
import io.auditwarehouse.model.BuildDocument;
import io.auditwarehouse.model.ControlStatus;
import io.auditwarehouse.model.Decoded;
import io.auditwarehouse.model.Finding;
import io.auditwarehouse.model.JobKey;
import io.auditwarehouse.model.QuarantineRecord;
import io.auditwarehouse.model.ReasonCode;
import io.auditwarehouse.model.Run;
import io.auditwarehouse.model.RunKey;
import io.auditwarehouse.model.Severity;
import io.auditwarehouse.model.Trigger;
import io.auditwarehouse.reconcile.ApprovalCoverage;
import io.auditwarehouse.reconcile.BuildNumberGaps;
import io.auditwarehouse.reconcile.JudgedAction;
import io.auditwarehouse.reconcile.OutlineParts;
import io.auditwarehouse.reconcile.ReconciledRun;
import io.auditwarehouse.reconcile.Reconciler;
import io.auditwarehouse.reconcile.RunOutline;
import org.apache.spark.serializer.KryoRegistrator;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Kryo for what Spark shuffles and caches: Java serialization was about half of a nightly's CPU (JFR). Records go
 * through {@link RecordSerializer}; the JDK's immutable lists and sets are rebuilt with {@code List.of}/{@code Set.of},
 * as Kryo's collection serializer would call their unsupported {@code add}.
 */
public final class KryoRegistrations implements KryoRegistrator {

    @Override
    public void registerClasses(Kryo kryo) {
        kryo.addDefaultSerializer(Record.class, RecordSerializer.class);
        // broadcast once: Java serialization keeps its catalog's EnumMap, which Kryo's field serializer cannot rebuild
        kryo.register(Reconciler.class, new JavaSerializer());
        for (Class<?> c : List.of(List.of().getClass(), List.of(1).getClass(), List.of(1, 2, 3).getClass(),
                List.of(1, 2, 3).subList(0, 2).getClass())) {
            kryo.register(c, new ImmutableCollection(List::of));
        }
        for (Class<?> c : List.of(Set.of().getClass(), Set.of(1).getClass(), Set.of(1, 2, 3).getClass())) {
            kryo.register(c, new ImmutableCollection(Set::of));
        }
        // a class that is not registered has its name written with every value: a third of a nightly's Kryo time
        kryo.register(Instant.class, new InstantSerializer());
        kryo.register(LocalDate.class, new LocalDateSerializer());
        for (Class<?> c : List.of(AuditBuildLine.Kind.class, AuditRequest.JobAction.class, Trigger.class, ControlStatus.class,
                Severity.class, ReasonCode.class)) {
            kryo.register(c);
        }
        // registered classes are written as small ids instead of their names
        for (Class<?> c : List.of(Approval.class, Decoded.class, BuildDocument.class, AuditBuildLine.class, AuditRequest.class,
                QuarantineRecord.class, RunKey.class, Run.class, ReconciledRun.class, Finding.class, JudgedAction.class,
                ApprovalCoverage.RankedRun.class, ApprovalCoverage.ApprovalUse.class, JobKey.class, BuildNumberGaps.BuildStart.class,
                OutlineParts.class, OutlineParts.Stamp.class, RunOutline.class, RunOutline.WithRun.class, ApprovalCoverage.Ranked.class)) {
            kryo.register(c);
        }
    }

    /** Seconds and nanoseconds, as Instant's own serial form has them. */
    private static final class InstantSerializer extends Serializer<Instant> {
        @Override
        public void write(Kryo kryo, Output output, Instant t) {
            output.writeVarLong(t.getEpochSecond(), false);
            output.writeVarInt(t.getNano(), true);
        }

        @Override
        public Instant read(Kryo kryo, Input input, Class<Instant> type) {
            return Instant.ofEpochSecond(input.readVarLong(false), input.readVarInt(true));
        }
    }

    private static final class LocalDateSerializer extends Serializer<LocalDate> {
        @Override
        public void write(Kryo kryo, Output output, LocalDate d) {
            output.writeVarLong(d.toEpochDay(), false);
        }

        @Override
        public LocalDate read(Kryo kryo, Input input, Class<LocalDate> type) {
            return LocalDate.ofEpochDay(input.readVarLong(false));
        }
    }

    /** An immutable JDK collection: its elements, then rebuilt by {@code factory} ({@code List::of}, {@code Set::of}). */
    private static final class ImmutableCollection extends Serializer<Collection<?>> {
        private final Function<Object[], Collection<?>> factory;

        ImmutableCollection(Function<Object[], Collection<?>> factory) {
            this.factory = factory;
        }

        @Override
        public void write(Kryo kryo, Output output, Collection<?> elements) {
            output.writeVarInt(elements.size(), true);
            for (Object e : elements) kryo.writeClassAndObject(output, e);
        }

        @Override
        public Collection<?> read(Kryo kryo, Input input, Class<Collection<?>> type) {
            Object[] elements = new Object[input.readVarInt(true)];
            for (int i = 0; i < elements.length; i++) elements[i] = kryo.readClassAndObject(input);
            return factory.apply(elements);
        }
    }
}
