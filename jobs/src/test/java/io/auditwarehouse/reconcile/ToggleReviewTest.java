package io.auditwarehouse.reconcile;

import io.auditwarehouse.model.AuditRequest.JobAction;
import io.auditwarehouse.model.ReasonCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import static io.auditwarehouse.model.ReasonCode.UNREVIEWED_EMERGENCY_TOGGLE;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * UNREVIEWED_EMERGENCY_TOGGLE, from controls.md's text: an {@code enable} is reviewed only by an ENABLE or EMERGENCY
 * approval, a {@code disable} only by a DISABLE or EMERGENCY approval, decided APPROVED between
 * {@code toggle_review_before} (default 4h) before and {@code toggle_review_after} (default 24h) after the action.
 */
class ToggleReviewTest {

    private static final Instant ACTION = Scenario.T.plus(Duration.ofHours(2));
    private static final Duration BEFORE = Duration.ofHours(4);
    private static final Duration AFTER = Duration.ofHours(24);
    private static final Set<ReasonCode> UNREVIEWED = Set.of(UNREVIEWED_EMERGENCY_TOGGLE);
    private static final Set<ReasonCode> REVIEWED = Set.of();

    /**
     * One toggle and one approval of the given type, status and decision time for the same job; only the toggle's
     * code is kept (an unused EXECUTE approval raises its own finding).
     */
    private static Set<ReasonCode> codes(JobAction toggle, String type, String status, Instant decided) {
        Set<ReasonCode> all = new Scenario().approval("TGL-1").type(type).status(status).decided(decided).add()
                .action(toggle, "kim.op", ACTION).allCodes();
        return all.contains(UNREVIEWED_EMERGENCY_TOGGLE) ? UNREVIEWED : REVIEWED;
    }

    private static Set<ReasonCode> codes(JobAction toggle, String type, Instant decided) {
        return codes(toggle, type, "APPROVED", decided);
    }

    @Test
    void anEnableWithOnlyADisableApprovalIsUnreviewed() {
        assertEquals(UNREVIEWED, codes(JobAction.ENABLE, "DISABLE", ACTION));
    }

    @Test
    void aDisableWithOnlyAnEnableApprovalIsUnreviewed() {
        assertEquals(UNREVIEWED, codes(JobAction.DISABLE, "ENABLE", ACTION));
    }

    @Test
    void eachToggleIsReviewedByItsOwnType() {
        assertEquals(REVIEWED, codes(JobAction.ENABLE, "ENABLE", ACTION));
        assertEquals(REVIEWED, codes(JobAction.DISABLE, "DISABLE", ACTION));
    }

    @ParameterizedTest
    @EnumSource(value = JobAction.class, names = {"ENABLE", "DISABLE"})
    void anEmergencyApprovalReviewsBothToggles(JobAction toggle) {
        assertEquals(REVIEWED, codes(toggle, "EMERGENCY", ACTION));
    }

    @ParameterizedTest
    @EnumSource(value = JobAction.class, names = {"ENABLE", "DISABLE"})
    void otherApprovalTypesReviewNothing(JobAction toggle) {
        for (String type : new String[]{"EXECUTE", "CHANGE", "REGISTER", "FAILURE_REPORT"}) {
            assertEquals(UNREVIEWED, codes(toggle, type, ACTION), type);
        }
    }

    @ParameterizedTest
    @EnumSource(value = JobAction.class, names = {"ENABLE", "DISABLE"})
    void aReviewMustBeApproved(JobAction toggle) {
        assertEquals(UNREVIEWED, codes(toggle, "EMERGENCY", "REJECTED", ACTION));
        assertEquals(UNREVIEWED, codes(toggle, toggle.name(), "REQUESTED", ACTION));
    }

    @ParameterizedTest
    @EnumSource(value = JobAction.class, names = {"ENABLE", "DISABLE"})
    void theWindowOpensExactlyFourHoursBefore(JobAction toggle) {
        Instant edge = ACTION.minus(BEFORE);
        assertEquals(REVIEWED, codes(toggle, toggle.name(), edge));
        assertEquals(REVIEWED, codes(toggle, toggle.name(), edge.plusMillis(1)));
        assertEquals(UNREVIEWED, codes(toggle, toggle.name(), edge.minusMillis(1)));
        assertEquals(UNREVIEWED, codes(toggle, "EMERGENCY", edge.minusMillis(1)));
    }

    @ParameterizedTest
    @EnumSource(value = JobAction.class, names = {"ENABLE", "DISABLE"})
    void theWindowClosesExactlyTwentyFourHoursAfter(JobAction toggle) {
        Instant edge = ACTION.plus(AFTER);
        assertEquals(REVIEWED, codes(toggle, toggle.name(), edge));
        assertEquals(REVIEWED, codes(toggle, toggle.name(), edge.minusMillis(1)));
        assertEquals(UNREVIEWED, codes(toggle, toggle.name(), edge.plusMillis(1)));
        assertEquals(UNREVIEWED, codes(toggle, "EMERGENCY", edge.plusMillis(1)));
    }

    @Test
    void anApprovalForAnotherJobReviewsNothing() {
        Scenario s = new Scenario().approval("TGL-1").type("EMERGENCY").forJob(Scenario.CONTROLLER, "risk/other")
                .decided(ACTION).add().action(JobAction.DISABLE, "kim.op", ACTION);
        assertEquals(UNREVIEWED, s.allCodes());
    }

    @Test
    void notJudgedUntilTheReviewWindowHasClosed() {
        Scenario open = new Scenario().action(JobAction.DISABLE, "kim.op", ACTION);
        open.asOf = ACTION.plus(AFTER).minusMillis(1);
        assertEquals(REVIEWED, open.allCodes());
        Scenario closed = new Scenario().action(JobAction.DISABLE, "kim.op", ACTION);
        closed.asOf = ACTION.plus(AFTER);
        assertEquals(UNREVIEWED, closed.allCodes());
    }

    @Test
    void aDisableEnablePairWithOneDisableApprovalLeavesTheEnableUnreviewed() {
        Instant on = ACTION.plus(Duration.ofHours(1));
        Scenario s = new Scenario().approval("DIS-1").type("DISABLE").decided(ACTION.minus(Duration.ofMinutes(10))).add()
                .action(JobAction.DISABLE, "kim.op", ACTION).action(JobAction.ENABLE, "kim.op", on);
        var findings = s.reconcile().findings();
        assertEquals(1, findings.size());
        assertEquals(on, findings.get(0).occurredAt());
    }
}
