package io.auditwarehouse.reconcile;

import io.auditwarehouse.model.ControlStatus;
import io.auditwarehouse.model.Finding;
import io.auditwarehouse.model.Trigger;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The worked example of controls.md, built directly from records (the file-based version runs the CLI). */
class WorkedExampleRulesTest {

    private static Instant kst(String wall) {
        return Instant.parse(wall).minusSeconds(9 * 3600); // wall time given in KST
    }

    @Test
    void reproducesTheWorkedExample() {
        Scenario s = new Scenario();
        s.asOf = Instant.parse("2026-10-09T15:00:00Z");
        s.approval("CHG-1").maxRuns(1).decided(kst("2026-10-01T01:50:00Z"))
                .window(kst("2026-10-01T01:00:00Z"), kst("2026-10-01T06:00:00Z")).add();
        s.approval("REG-7").standing().decided(Instant.parse("2026-09-15T01:00:00Z")).add();
        s.run(10).at(kst("2026-10-01T02:00:00Z")).by("kim.op").approval("CHG-1").add();
        s.run(11).at(kst("2026-10-01T02:30:00Z")).by("kim.op").approval("CHG-1").add();
        s.run(12).at(kst("2026-10-01T07:00:00Z")).by("lee.dev").approval("CHG-1").add();
        s.run(14).at(kst("2026-10-01T08:00:00Z")).trigger(Trigger.TIMER).add();

        ReconciliationResult result = s.reconcile();
        List<String> findings = result.findings().stream()
                .map(f -> f.reasonCode() + "," + f.controller() + "," + f.jobName() + "," + f.buildNumber())
                .sorted().toList();
        assertEquals(List.of(
                "APPROVAL_OVERUSED,batch-a,payments/settle,11",
                "APPROVAL_OVERUSED,batch-a,payments/settle,12",
                "BUILD_NUMBER_GAP,batch-a,payments/settle,13",
                "EXECUTOR_IS_REQUESTER,batch-a,payments/settle,12",
                "EXECUTOR_NOT_AUTHORIZED,batch-a,payments/settle,12",
                "OUTSIDE_APPROVAL_WINDOW,batch-a,payments/settle,12"), findings);
        assertEquals("10=COMPLIANT,11=EXCEPTION,12=EXCEPTION,14=COMPLIANT", result.runs().stream()
                .map(r -> r.run().buildNumber() + "=" + r.status()).collect(Collectors.joining(",")));
        assertEquals(ControlStatus.EXCEPTION, s.reconciled(12).status());
        assertEquals("APPROVAL_OVERUSED,EXECUTOR_IS_REQUESTER,EXECUTOR_NOT_AUTHORIZED,OUTSIDE_APPROVAL_WINDOW",
                s.reconciled(12).reasonCodes());
        assertEquals(List.of("2026-10-01"), result.findings().stream().map(Finding::businessDate).map(Object::toString).distinct().toList());
    }
}
