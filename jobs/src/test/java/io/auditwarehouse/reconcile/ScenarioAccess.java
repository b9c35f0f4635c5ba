package io.auditwarehouse.reconcile;

import io.auditwarehouse.model.Approval;
import io.auditwarehouse.model.AuditRequest;
import io.auditwarehouse.model.RuleSettings;
import io.auditwarehouse.model.SourceEvent;
import io.auditwarehouse.model.Trigger;
import io.auditwarehouse.model.UserDirectory;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.auditwarehouse.reconcile.Scenario.T;

/** Exposes {@link Scenario} worlds to tests in other packages. */
public final class ScenarioAccess {

    public record World(List<SourceEvent> events, List<Approval> approvals, UserDirectory users, RuleSettings settings,
                        Instant asOf) {
    }

    private ScenarioAccess() {
    }

    /** A world touching most codes: overuse, gaps, failures, toggles, unused approvals, source mismatches. */
    public static World mixedScenario() {
        Scenario s = new Scenario();
        s.approval("REG-7").standing().add();
        s.approval("CHG-1").maxRuns(1).add();
        s.approval("CHG-2").add();
        s.approval("CHG-3").window(T.minus(Duration.ofDays(3)), T.minus(Duration.ofDays(2))).add();
        s.run(10).approval("CHG-1").add();
        s.run(11).approval("CHG-1").at(T.plusSeconds(60)).by("lee.dev").add();
        s.run(12).trigger(Trigger.TIMER).at(T.plusSeconds(120)).result("FAILURE").add();
        s.run(15).trigger(Trigger.TIMER).at(T.plus(Duration.ofDays(1))).add();
        s.run(16).trigger(Trigger.REMOTE).at(T.plus(Duration.ofDays(1)).plusSeconds(60)).buildsOnly().add();
        s.run(17).approval("CHG-404").at(T.plus(Duration.ofDays(2))).unfinished().add();
        s.run(18).approval("chg-2").at(T.plus(Duration.ofDays(2)).plusSeconds(5)).auditApproval("CHG-9").add();
        s.action(AuditRequest.JobAction.CONFIG_SUBMIT, "lee.dev", T.plus(Duration.ofHours(5)));
        s.action(AuditRequest.JobAction.CONFIG_SUBMIT, "lee.dev", T.plus(Duration.ofHours(5)));
        s.action(AuditRequest.JobAction.DISABLE, "kim.op", T.plus(Duration.ofHours(6)));
        return new World(List.copyOf(s.events), List.copyOf(s.approvals), UserDirectory.of(s.users), s.settings, s.asOf);
    }
}
