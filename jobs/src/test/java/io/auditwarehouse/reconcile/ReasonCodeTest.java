package io.auditwarehouse.reconcile;

import io.auditwarehouse.model.AuditRequest.JobAction;
import io.auditwarehouse.model.ControlCatalog;
import io.auditwarehouse.model.ControlStatus;
import io.auditwarehouse.model.Finding;
import io.auditwarehouse.model.ReasonCode;
import io.auditwarehouse.model.Trigger;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import static io.auditwarehouse.model.ReasonCode.*;
import static io.auditwarehouse.reconcile.Scenario.T;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One test per reason code of controls.md, each against a compliant baseline that differs in one fact. */
class ReasonCodeTest {

    private static Scenario approvedManualRun() {
        Scenario s = new Scenario();
        s.approval("CHG-1").add().approval("REG-7").standing().add();
        return s.run(10).approval("CHG-1").add();
    }

    @Test
    void baselineManualRunIsCompliant() {
        Scenario s = approvedManualRun();
        assertEquals(Set.of(), s.allCodes());
        assertEquals(ControlStatus.COMPLIANT, s.reconciled(10).status());
    }

    @Test
    void noApprovalReference() {
        Scenario s = new Scenario().run(10).add();
        assertEquals(Set.of(NO_APPROVAL_REFERENCE), s.codesFor(10));
    }

    @Test
    void approvalNotFound() {
        Scenario s = new Scenario().run(10).approval("CHG-404").add();
        assertEquals(Set.of(APPROVAL_NOT_FOUND), s.codesFor(10));
    }

    @Test
    void approvalNumbersAreComparedTrimmedAndUpperCased() {
        Scenario s = new Scenario().approval("CHG-1").add().run(10).approval("  chg-1 ").add();
        assertEquals(Set.of(), s.codesFor(10));
    }

    @Test
    void approvalTypeMismatch() {
        Scenario s = new Scenario().approval("REG-1").type("REGISTER").add().run(10).approval("REG-1").add();
        assertEquals(Set.of(APPROVAL_TYPE_MISMATCH), s.codesFor(10));
    }

    @Test
    void approvalJobMismatch() {
        Scenario s = new Scenario().approval("CHG-1").forJob("batch-a", "risk/other").add().run(10).approval("CHG-1").add();
        assertEquals(Set.of(APPROVAL_JOB_MISMATCH), s.codesFor(10));
        Scenario otherController = new Scenario().approval("CHG-1").forJob("batch-b", Scenario.JOB).add().run(10).approval("CHG-1").add();
        assertEquals(Set.of(APPROVAL_JOB_MISMATCH), otherController.codesFor(10));
    }

    @Test
    void approvalNotApproved() {
        Scenario s = new Scenario().approval("CHG-1").status("REQUESTED").decided(null).add().run(10).approval("CHG-1").add();
        assertEquals(Set.of(APPROVAL_NOT_APPROVED), s.codesFor(10));
    }

    @Test
    void approvedAfterRunByOneMillisecond() {
        Scenario s = new Scenario().approval("CHG-1").decided(T.plusMillis(1)).add().run(10).approval("CHG-1").add();
        assertEquals(Set.of(APPROVED_AFTER_RUN), s.codesFor(10));
        Scenario exact = new Scenario().approval("CHG-1").decided(T).add().run(10).approval("CHG-1").add();
        assertEquals(Set.of(), exact.codesFor(10));
    }

    @Test
    void outsideApprovalWindow() {
        Scenario s = new Scenario().approval("CHG-1").window(T.plusSeconds(60), T.plus(Duration.ofHours(2))).add()
                .run(10).approval("CHG-1").add();
        assertEquals(Set.of(OUTSIDE_APPROVAL_WINDOW), s.codesFor(10));
    }

    @Test
    void approvalOverusedRanksByStartTime() {
        Scenario s = new Scenario().approval("CHG-1").maxRuns(2).add();
        s.run(12).approval("CHG-1").at(T.plusSeconds(30)).add();
        s.run(10).approval("CHG-1").at(T.plusSeconds(10)).add();
        s.run(11).approval("CHG-1").at(T.plusSeconds(20)).add();
        assertEquals(Set.of(), s.codesFor(10));
        assertEquals(Set.of(), s.codesFor(11));
        assertEquals(Set.of(APPROVAL_OVERUSED), s.codesFor(12));
    }

    @Test
    void selfApproved() {
        Scenario s = new Scenario().approval("CHG-1").requester("park.lead").approver("park.lead").add()
                .run(10).approval("CHG-1").add();
        assertEquals(Set.of(SELF_APPROVED), s.codesFor(10));
    }

    @Test
    void executorIsRequester() {
        Scenario s = new Scenario().approval("CHG-1").requester("kim.op").add().run(10).approval("CHG-1").add();
        assertEquals(Set.of(EXECUTOR_IS_REQUESTER), s.codesFor(10));
    }

    @Test
    void executorNotAuthorizedForDevelopersFormerOperatorsAndRemoteStarts() {
        Scenario developer = new Scenario().approval("CHG-1").requester("park.lead").approver("lee.dev").add()
                .run(10).approval("CHG-1").by("lee.dev").add();
        assertEquals(Set.of(EXECUTOR_NOT_AUTHORIZED), developer.codesFor(10));
        Scenario former = new Scenario().approval("CHG-1").add().run(10).approval("CHG-1").by("jung.old").add();
        assertEquals(Set.of(EXECUTOR_NOT_AUTHORIZED), former.codesFor(10));
        Scenario remote = new Scenario().approval("CHG-1").add().run(10).approval("CHG-1").trigger(Trigger.REMOTE).add();
        assertEquals(Set.of(EXECUTOR_NOT_AUTHORIZED), remote.codesFor(10));
        Scenario koreanName = new Scenario().approval("CHG-1").add().run(10).approval("CHG-1").by("choi.op").add();
        assertEquals(Set.of(), koreanName.codesFor(10));
    }

    @Test
    void withoutUsersTheRoleCheckIsReportedNotEvaluatedNeverPassed() {
        Scenario s = approvedManualRun();
        s.usersKnown = false;
        ReconciledRun r = s.reconciled(10);
        assertEquals("EXECUTOR_NOT_AUTHORIZED", r.notEvaluated());
    }

    @Test
    void noStandingApprovalForScheduledRuns() {
        Scenario s = new Scenario();
        s.run(10).trigger(Trigger.TIMER).add().run(11).trigger(Trigger.UPSTREAM).at(T.plusSeconds(600)).add()
                .run(12).trigger(Trigger.SCM).at(T.plusSeconds(1200)).add();
        assertEquals(Set.of(NO_STANDING_APPROVAL), s.codesFor(10));
        assertEquals(Set.of(NO_STANDING_APPROVAL), s.codesFor(11));
        assertEquals(Set.of(NO_STANDING_APPROVAL), s.codesFor(12));
        Scenario registered = new Scenario().approval("REG-7").standing().add().run(10).trigger(Trigger.TIMER).add();
        assertEquals(Set.of(), registered.codesFor(10));
        Scenario registeredLater = new Scenario().approval("REG-7").standing().decided(T.plusSeconds(1)).add()
                .run(10).trigger(Trigger.TIMER).add();
        assertEquals(Set.of(NO_STANDING_APPROVAL), registeredLater.codesFor(10));
    }

    @Test
    void scheduledRunCarryingAnApprovalIsCheckedAsManual() {
        Scenario s = new Scenario().run(10).trigger(Trigger.TIMER).approval("CHG-404").add();
        assertEquals(Set.of(APPROVAL_NOT_FOUND, EXECUTOR_NOT_AUTHORIZED), s.codesFor(10));
    }

    @Test
    void failureNotReportedOnlyAfterTheSla() {
        Scenario s = approvedManualRun();
        s.run(11).approval("CHG-1").result("FAILURE").at(T.plusSeconds(60)).add();
        assertEquals(Set.of(FAILURE_NOT_REPORTED), s.codesFor(11));
        s.asOf = T.plus(Duration.ofDays(2));
        assertEquals(ControlStatus.PENDING, s.reconciled(11).status());
        s.asOf = T.plus(Duration.ofDays(10));
        s.approval("FR-1").type("FAILURE_REPORT").build(11).requested(T.plus(Duration.ofDays(4))).add();
        assertEquals(Set.of(FAILURE_NOT_REPORTED), s.codesFor(11), "a report filed after the SLA does not count");
    }

    @Test
    void failureReportUnapproved() {
        Scenario s = approvedManualRun();
        s.run(11).approval("CHG-1").result("FAILURE").at(T.plusSeconds(60)).add();
        s.approval("FR-1").type("FAILURE_REPORT").build(11).status("REQUESTED").decided(null).requested(T.plus(Duration.ofDays(1))).add();
        assertEquals(Set.of(FAILURE_REPORT_UNAPPROVED), s.codesFor(11));
        s.asOf = T.plus(Duration.ofDays(2));
        assertEquals(ControlStatus.PENDING, s.reconciled(11).status());
    }

    @Test
    void approvedFailureReportInTimeIsCompliant() {
        Scenario s = approvedManualRun();
        s.run(11).approval("CHG-1").result("FAILURE").at(T.plusSeconds(60)).add();
        s.approval("FR-1").type("FAILURE_REPORT").build(11).requested(T.plus(Duration.ofDays(1))).decided(T.plus(Duration.ofDays(2))).add();
        assertEquals(Set.of(), s.codesFor(11));
    }

    @Test
    void runIncompleteAfterTheThresholdPendingBefore() {
        Scenario s = approvedManualRun();
        s.run(11).approval("CHG-1").unfinished().at(T.plusSeconds(60)).add();
        assertEquals(Set.of(RUN_INCOMPLETE), s.codesFor(11));
        s.asOf = T.plus(Duration.ofHours(23));
        assertEquals(ControlStatus.PENDING, s.reconciled(11).status());
    }

    @Test
    void evidenceSourceMismatch() {
        Scenario s = new Scenario().approval("REG-7").standing().add();
        s.run(10).trigger(Trigger.TIMER).buildsOnly().add();
        s.run(11).trigger(Trigger.TIMER).auditOnly().at(T.plusSeconds(60)).add();
        s.run(12).trigger(Trigger.TIMER).auditResult("FAILURE").at(T.plusSeconds(120)).add();
        assertEquals(Set.of(EVIDENCE_SOURCE_MISMATCH), s.codesFor(10));
        assertEquals(Set.of(EVIDENCE_SOURCE_MISMATCH), s.codesFor(11));
        assertEquals(Set.of(EVIDENCE_SOURCE_MISMATCH), s.codesFor(12));
        Scenario approvalDiffers = new Scenario().approval("CHG-1").add().run(10).approval("CHG-1").auditApproval("CHG-2").add();
        assertEquals(Set.of(EVIDENCE_SOURCE_MISMATCH), approvalDiffers.codesFor(10));
        Scenario oneSourceConfigured = new Scenario().approval("REG-7").standing().add().run(10).trigger(Trigger.TIMER).buildsOnly().add();
        oneSourceConfigured.settings = oneSourceConfigured.settings.withEvidence(true, false);
        assertEquals(Set.of(), oneSourceConfigured.codesFor(10));
    }

    @Test
    void unapprovedConfigChange() {
        Instant t = T.plus(Duration.ofHours(2));
        Scenario s = new Scenario().action(JobAction.CONFIG_SUBMIT, "lee.dev", t).action(JobAction.DELETE, "lee.dev", t.plusSeconds(5));
        assertEquals(Set.of(UNAPPROVED_CONFIG_CHANGE), s.allCodes());
        assertEquals(2, s.reconcile().findings().size());
        Scenario covered = new Scenario().approval("CHG-9").type("CHANGE").add().action(JobAction.CONFIG_SUBMIT, "lee.dev", t);
        assertEquals(Set.of(), covered.allCodes());
    }

    @Test
    void duplicatedRequestLinesGiveOneFinding() {
        Instant t = T.plus(Duration.ofHours(2));
        Scenario s = new Scenario().action(JobAction.CONFIG_SUBMIT, "lee.dev", t).action(JobAction.CONFIG_SUBMIT, "lee.dev", t);
        assertEquals(1, s.reconcile().findings().size());
    }

    @Test
    void unreviewedEmergencyToggle() {
        Instant t = T.plus(Duration.ofHours(2));
        Scenario s = new Scenario().action(JobAction.DISABLE, "kim.op", t);
        assertEquals(Set.of(UNREVIEWED_EMERGENCY_TOGGLE), s.allCodes());
        Scenario reviewedAfter = new Scenario().approval("EMG-1").type("EMERGENCY").decided(t.plus(Duration.ofHours(23))).add()
                .action(JobAction.DISABLE, "kim.op", t);
        assertEquals(Set.of(), reviewedAfter.allCodes());
        Scenario reviewedTooLate = new Scenario().approval("EMG-1").type("EMERGENCY").decided(t.plus(Duration.ofHours(25))).add()
                .action(JobAction.ENABLE, "kim.op", t);
        assertEquals(Set.of(UNREVIEWED_EMERGENCY_TOGGLE), reviewedTooLate.allCodes());
        Scenario notYetJudged = new Scenario().action(JobAction.DISABLE, "kim.op", t);
        notYetJudged.asOf = t.plus(Duration.ofHours(5));
        assertEquals(Set.of(), notYetJudged.allCodes());
    }

    @Test
    void buildNumberGapOneFindingPerMissingNumberDatedOnTheNextRun() {
        Scenario s = new Scenario().approval("REG-7").standing().add();
        s.run(10).trigger(Trigger.TIMER).add().run(14).trigger(Trigger.TIMER).at(T.plus(Duration.ofDays(1))).add();
        var gaps = s.reconcile().findings().stream().filter(f -> f.reasonCode() == BUILD_NUMBER_GAP).toList();
        assertEquals(3, gaps.size());
        assertTrue(gaps.stream().allMatch(f -> f.businessDate().toString().equals("2026-10-02")));
        assertEquals(Set.of(11, 12, 13), gaps.stream().map(Finding::buildNumber).collect(java.util.stream.Collectors.toSet()));
        Scenario tooFarApart = new Scenario().approval("REG-7").standing().add();
        tooFarApart.run(10).trigger(Trigger.TIMER).add().run(12).trigger(Trigger.TIMER).at(T.plus(Duration.ofDays(36))).add();
        assertEquals(Set.of(), tooFarApart.allCodes());
    }

    @Test
    void aGapWiderThanAThousandNumbersIsOneFindingForTheRange() {
        Scenario s = new Scenario().approval("REG-7").standing().add();
        s.run(10).trigger(Trigger.TIMER).add().run(Integer.MAX_VALUE).trigger(Trigger.TIMER).at(T.plus(Duration.ofDays(1))).add();
        var gaps = s.reconcile().findings().stream().filter(f -> f.reasonCode() == BUILD_NUMBER_GAP).toList();
        assertEquals(1, gaps.size());
        assertEquals(11, gaps.get(0).buildNumber());
        assertTrue(gaps.get(0).detail().startsWith("#11 to #2147483646 (2147483636 numbers) never seen"), gaps.get(0).detail());
    }

    @Test
    void approvalUnusedOnceItsWindowHasEnded() {
        Scenario s = new Scenario().approval("CHG-1").add();
        var unused = s.reconcile().findings();
        assertEquals(1, unused.size());
        assertEquals(APPROVAL_UNUSED, unused.get(0).reasonCode());
        assertEquals("CHG-1", unused.get(0).approvalNo());
        s.asOf = T.plus(Duration.ofHours(3));
        assertEquals(Set.of(), s.allCodes(), "window still open");
        Scenario used = approvedManualRun();
        assertEquals(Set.of(), used.allCodes());
    }

    @Test
    void everyReasonCodeHasATestAbove() {
        // guards the catalog: a new code without a catalog row fails here
        for (ReasonCode code : ReasonCode.values()) ControlCatalog.shipped().controlOf(code);
    }

    @Test
    void findingIdsAreDeterministicAndDistinctPerCodeAndSubject() {
        Scenario s = new Scenario().run(10).approval("CHG-404").add().run(11).approval("CHG-404").at(T.plusSeconds(5)).add();
        var first = s.reconcile().findings().stream().map(Finding::findingId).toList();
        var again = s.reconcile().findings().stream().map(Finding::findingId).toList();
        assertEquals(first, again);
        assertEquals(first.size(), Set.copyOf(first).size());
    }
}
