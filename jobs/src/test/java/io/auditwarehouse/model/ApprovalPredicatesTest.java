package io.auditwarehouse.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each predicate the rules are built on, at the boundaries controls.md draws. "An approval is in force at t when
 * status is APPROVED, decided_at <= t, and valid_from <= t <= valid_to (missing bounds are open)"; "An approval
 * covers a run when its approval_no equals the run's" (normalised: trimmed, upper-cased; empty = none); manual runs
 * are those triggered USER, REMOTE or UNKNOWN.
 */
class ApprovalPredicatesTest {

    private static final Instant FROM = Instant.parse("2026-10-01T01:00:00Z");
    private static final Instant TO = Instant.parse("2026-10-01T06:00:00Z");
    private static final Instant DECIDED = Instant.parse("2026-10-01T00:50:00Z");

    private static Approval approval(String status, Instant decided, Instant from, Instant to) {
        return new Approval("CHG-1", "EXECUTE", "batch-a", "payments/settle", null, "lee.dev", "park.lead", status,
                decided == null ? FROM.minusSeconds(3600) : decided.minusSeconds(60), decided, from, to, 1, null, decided);
    }

    private static Approval window(Instant from, Instant to) {
        return approval("APPROVED", DECIDED, from, to);
    }

    @Test
    void theWindowIncludesBothEdgesAndNothingOneMillisecondOutside() {
        Approval a = window(FROM, TO);
        assertTrue(a.withinWindow(FROM), "start exactly");
        assertTrue(a.withinWindow(FROM.plusMillis(1)), "1 ms inside the start");
        assertFalse(a.withinWindow(FROM.minusMillis(1)), "1 ms before the start");
        assertTrue(a.withinWindow(TO), "end exactly");
        assertTrue(a.withinWindow(TO.minusMillis(1)), "1 ms inside the end");
        assertFalse(a.withinWindow(TO.plusMillis(1)), "1 ms after the end");
    }

    @Test
    void aMissingBoundIsOpen() {
        assertTrue(window(null, TO).withinWindow(Instant.parse("2000-01-01T00:00:00Z")));
        assertFalse(window(null, TO).withinWindow(TO.plusMillis(1)));
        assertTrue(window(FROM, null).withinWindow(Instant.parse("2100-01-01T00:00:00Z")));
        assertFalse(window(FROM, null).withinWindow(FROM.minusMillis(1)));
        assertTrue(window(null, null).withinWindow(FROM));
    }

    @Test
    void inForceFromTheInstantOfTheDecisionNotAMillisecondBefore() {
        Instant t = FROM.plusSeconds(600);
        assertTrue(approval("APPROVED", t, FROM, TO).inForceAt(t), "decided_at equal to the run's start");
        assertTrue(approval("APPROVED", t.minusMillis(1), FROM, TO).inForceAt(t), "decided 1 ms before");
        assertFalse(approval("APPROVED", t.plusMillis(1), FROM, TO).inForceAt(t), "decided 1 ms after");
        assertFalse(approval("APPROVED", null, FROM, TO).inForceAt(t), "never decided");
    }

    @Test
    void inForceOnlyWithinTheWindowAndOnlyWhenApproved() {
        Approval a = window(FROM, TO);
        assertTrue(a.inForceAt(FROM));
        assertTrue(a.inForceAt(TO));
        assertFalse(a.inForceAt(FROM.minusMillis(1)));
        assertFalse(a.inForceAt(TO.plusMillis(1)));
        for (String status : new String[]{"REQUESTED", "REJECTED", "CANCELLED", "approved"}) {
            assertFalse(approval(status, DECIDED, FROM, TO).inForceAt(FROM), status);
            assertFalse(approval(status, DECIDED, FROM, TO).isApproved(), status);
        }
        assertTrue(a.isApproved());
    }

    @Test
    void isForNeedsTheSameControllerAndTheSameJob() {
        Approval a = window(FROM, TO);
        assertTrue(a.isFor("batch-a", "payments/settle"));
        assertFalse(a.isFor("batch-b", "payments/settle"));
        assertFalse(a.isFor("batch-a", "payments/settle-eod"));
        assertFalse(a.isFor("batch-a", "payments"));
        Approval noJob = new Approval("CHG-2", "EXECUTE", "batch-a", null, null, "a", "b", "APPROVED", DECIDED, DECIDED,
                null, null, null, null, DECIDED);
        assertFalse(noJob.isFor("batch-a", "payments/settle"));
    }

    @Test
    void approvalNumbersAreTrimmedAndUpperCasedAndEmptyIsNone() {
        assertEquals("CHG-1", Approval.normaliseNo("  chg-1 "));
        assertEquals("CHG-1", Approval.normaliseNo("CHG-1"));
        assertNull(Approval.normaliseNo("   "));
        assertNull(Approval.normaliseNo(""));
        assertNull(Approval.normaliseNo(null));
    }

    @ParameterizedTest
    @EnumSource(Trigger.class)
    void manualRunsAreThoseTriggeredByAUserRemotelyOrByNothingKnown(Trigger t) {
        boolean spec = switch (t.name()) {
            case "USER", "REMOTE", "UNKNOWN" -> true;
            case "TIMER", "UPSTREAM", "SCM" -> false;
            default -> throw new AssertionError("controls.md names no trigger " + t);
        };
        assertEquals(spec, t.isManual());
    }
}
