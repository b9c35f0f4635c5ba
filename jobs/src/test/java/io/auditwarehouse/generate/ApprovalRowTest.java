package io.auditwarehouse.generate;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The ground truth's own predicates, at the same controls.md boundaries as the engine's (model.ApprovalPredicatesTest):
 * the oracle is written apart from the engine, so each side is checked against the spec text, not against the other.
 */
class ApprovalRowTest {

    private static final Instant FROM = Instant.parse("2026-10-01T01:00:00Z");
    private static final Instant TO = Instant.parse("2026-10-01T06:00:00Z");

    private static ApprovalRow row(String status, Instant decided, Instant from, Instant to) {
        JobSpec job = new JobCatalog(java.util.List.of("batch-a"), new java.util.Random(1)).create(JobSpec.Kind.MANUAL, null);
        ApprovalRow a = new ApprovalRow(1, "EXECUTE", job);
        a.status = status;
        a.decidedAt = decided;
        a.validFrom = from;
        a.validTo = to;
        return a;
    }

    @Test
    void theWindowIncludesBothEdgesAndNothingOneMillisecondOutside() {
        ApprovalRow a = row("APPROVED", FROM, FROM, TO);
        assertTrue(a.windowContains(FROM));
        assertTrue(a.windowContains(FROM.plusMillis(1)));
        assertFalse(a.windowContains(FROM.minusMillis(1)));
        assertTrue(a.windowContains(TO));
        assertTrue(a.windowContains(TO.minusMillis(1)));
        assertFalse(a.windowContains(TO.plusMillis(1)));
        assertTrue(row("APPROVED", FROM, null, null).windowContains(Instant.EPOCH));
        assertFalse(row("APPROVED", FROM, null, TO).windowContains(TO.plusMillis(1)));
        assertFalse(row("APPROVED", FROM, FROM, null).windowContains(FROM.minusMillis(1)));
    }

    @Test
    void inForceFromTheInstantOfTheDecision() {
        Instant t = FROM.plusSeconds(600);
        assertTrue(row("APPROVED", t, FROM, TO).inForceAt(t));
        assertTrue(row("APPROVED", t.minusMillis(1), FROM, TO).inForceAt(t));
        assertFalse(row("APPROVED", t.plusMillis(1), FROM, TO).inForceAt(t));
        assertFalse(row("APPROVED", null, FROM, TO).inForceAt(t));
        assertFalse(row("REJECTED", FROM, FROM, TO).inForceAt(t));
        assertFalse(row("APPROVED", FROM, FROM, TO).inForceAt(TO.plusMillis(1)));
    }

    @Test
    void numbersAreTrimmedAndUpperCasedAndEmptyIsNone() {
        assertEquals("CHG-1", ApprovalRow.normalise(" chg-1  "));
        assertNull(ApprovalRow.normalise("  "));
        assertNull(ApprovalRow.normalise(null));
    }

    @Test
    void manualTriggersAreUserRemoteAndUnknown() {
        assertEquals(java.util.EnumSet.of(io.auditwarehouse.model.Trigger.USER, io.auditwarehouse.model.Trigger.REMOTE,
                io.auditwarehouse.model.Trigger.UNKNOWN), RuleOracle.MANUAL);
    }
}
