package io.auditwarehouse.reconcile;

import io.auditwarehouse.model.Approval;
import io.auditwarehouse.model.AuditBuildLine;
import io.auditwarehouse.model.AuditRequest;
import io.auditwarehouse.model.BuildDocument;
import io.auditwarehouse.model.ControlCatalog;
import io.auditwarehouse.model.DetailTemplates;
import io.auditwarehouse.model.Finding;
import io.auditwarehouse.model.ReasonCode;
import io.auditwarehouse.model.RuleSettings;
import io.auditwarehouse.model.SourceEvent;
import io.auditwarehouse.model.Trigger;
import io.auditwarehouse.model.User;
import io.auditwarehouse.model.UserDirectory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** A small world for rule tests: one job, the worked example's users, runs and approvals added fluently. */
final class Scenario {

    static final String CONTROLLER = "batch-a";
    static final String JOB = "payments/settle";
    /** 2026-10-01 09:00 KST. */
    static final Instant T = Instant.parse("2026-10-01T00:00:00Z");

    final List<SourceEvent> events = new ArrayList<>();
    final List<Approval> approvals = new ArrayList<>();
    List<User> users = new ArrayList<>(List.of(
            user("kim.op", "Kim Operator", "OPERATOR", null),
            user("choi.op", "최운영", "OPERATOR", null),
            user("lee.dev", "Lee Developer", "DEVELOPER", null),
            user("park.lead", "Park Lead", "APPROVER", null),
            user("jung.old", "Jung Former", "OPERATOR", Instant.parse("2026-09-01T00:00:00Z"))));
    boolean usersKnown = true;
    Instant asOf = T.plus(Duration.ofDays(10));
    RuleSettings settings = RuleSettings.defaults(ControlCatalog.shipped().severities(java.util.Map.of()));
    private int docs;

    static User user(String id, String name, String role, Instant activeTo) {
        return new User(id, name, "ops", role, Instant.parse("2025-01-01T00:00:00Z"), activeTo);
    }

    RunBuilder run(int build) {
        return new RunBuilder(build);
    }

    ApprovalBuilder approval(String no) {
        return new ApprovalBuilder(no);
    }

    Scenario action(AuditRequest.JobAction action, String user, Instant at) {
        events.add(new AuditRequest("req-" + (++docs), CONTROLLER, JOB, action, user, at));
        return this;
    }

    private static final DetailTemplates DETAILS = DetailTemplates.shipped();

    ReconciliationResult reconcile() {
        Reconciler r = new Reconciler(ControlCatalog.shipped(), settings, approvals,
                usersKnown ? UserDirectory.of(users) : UserDirectory.absent(), asOf);
        ReconciliationResult result = InMemoryReconciliation.run(r, events, approvals);
        result.findings().forEach(Scenario::assertDetailReadsInBothLocales);
        return result;
    }

    /** Every finding any scenario raises: its stored English detail is its en template, and its ko template fills. */
    private static void assertDetailReadsInBothLocales(Finding f) {
        Map<String, String> fields = DetailTemplates.fromJson(f.detailFields());
        String en = DETAILS.render("en", f.reasonCode().name(), fields);
        String ko = DETAILS.render("ko", f.reasonCode().name(), fields);
        if (!f.detail().equals(en) || ko == null || ko.contains("{") || ko.codePoints().noneMatch(c ->
                Character.UnicodeScript.of(c) == Character.UnicodeScript.HANGUL)) {
            throw new AssertionError(f.reasonCode() + " " + f.detailFields() + ": en '" + en + "' for detail '" + f.detail()
                    + "', ko '" + ko + "'");
        }
    }

    /** Reason codes of the findings about one build number (run-level and gap findings). */
    Set<ReasonCode> codesFor(int build) {
        return reconcile().findings().stream().filter(f -> f.buildNumber() != null && f.buildNumber() == build)
                .map(Finding::reasonCode).collect(Collectors.toCollection(TreeSet::new));
    }

    Set<ReasonCode> allCodes() {
        return reconcile().findings().stream().map(Finding::reasonCode).collect(Collectors.toCollection(TreeSet::new));
    }

    ReconciledRun reconciled(int build) {
        return reconcile().runs().stream().filter(r -> r.run().buildNumber() == build).findFirst().orElseThrow();
    }

    final class RunBuilder {
        private final int build;
        private Instant start = T;
        private Duration duration = Duration.ofMinutes(3);
        private String result = "SUCCESS";
        private Trigger trigger = Trigger.USER;
        private String userId = "kim.op";
        private String approvalNo;
        private String auditApprovalNo;
        private String auditResult;
        private boolean inBuilds = true;
        private boolean inAudit = true;
        private boolean finished = true;
        private String job = JOB;

        RunBuilder(int build) {
            this.build = build;
        }

        RunBuilder at(Instant start) { this.start = start; return this; }
        RunBuilder job(String job) { this.job = job; return this; }
        RunBuilder by(String userId) { this.userId = userId; this.trigger = Trigger.USER; return this; }
        RunBuilder trigger(Trigger t) { this.trigger = t; this.userId = null; return this; }
        RunBuilder approval(String no) { this.approvalNo = no; this.auditApprovalNo = no; return this; }
        RunBuilder auditApproval(String no) { this.auditApprovalNo = no; return this; }
        RunBuilder result(String r) { this.result = r; this.auditResult = r; return this; }
        RunBuilder auditResult(String r) { this.auditResult = r; return this; }
        RunBuilder buildsOnly() { this.inAudit = false; return this; }
        RunBuilder auditOnly() { this.inBuilds = false; return this; }
        RunBuilder unfinished() { this.finished = false; return this; }

        Scenario add() {
            String display = userId == null ? null
                    : users.stream().filter(u -> u.userId().equals(userId)).map(User::displayName).findFirst().orElse(userId);
            String buildUser = switch (trigger) {
                case USER -> userId;
                case TIMER -> "timer";
                case SCM -> "scmChange";
                case REMOTE -> "remoteRequest";
                case UPSTREAM -> "timer";
                case UNKNOWN -> null;
            };
            String auditRes = auditResult != null ? auditResult : result;
            if (inBuilds) {
                events.add(new BuildDocument("doc-" + (++docs), CONTROLLER, job, build, start, start.plusSeconds(1), null,
                        null, approvalNo, buildUser, "agent-07"));
                if (finished) {
                    events.add(new BuildDocument("doc-" + (++docs), CONTROLLER, job, build, start, start.plus(duration),
                            duration.toMillis(), result, approvalNo, buildUser, "agent-07"));
                }
            }
            if (inAudit) {
                events.add(new AuditBuildLine("audit-" + (++docs), CONTROLLER, job, build, AuditBuildLine.Kind.STARTED,
                        start, trigger, display, true, auditApprovalNo, null, null, null, null));
                if (finished) {
                    events.add(new AuditBuildLine("audit-" + (++docs), CONTROLLER, job, build, AuditBuildLine.Kind.COMPLETED,
                            start.plus(duration), trigger, display, true, auditApprovalNo, "agent-07", start,
                            duration.toMillis(), auditRes));
                }
            }
            return Scenario.this;
        }
    }

    final class ApprovalBuilder {
        private final String no;
        private String type = "EXECUTE";
        private String controller = CONTROLLER;
        private String job = JOB;
        private Integer build;
        private String requester = "lee.dev";
        private String approver = "park.lead";
        private String status = "APPROVED";
        private Instant requested = T.minus(Duration.ofHours(2));
        private Instant decided = T.minus(Duration.ofHours(1));
        private Instant validFrom = T.minus(Duration.ofHours(1));
        private Instant validTo = T.plus(Duration.ofHours(6));
        private Integer maxRuns;

        ApprovalBuilder(String no) {
            this.no = no;
        }

        ApprovalBuilder type(String t) { this.type = t; return this; }
        ApprovalBuilder forJob(String controller, String job) { this.controller = controller; this.job = job; return this; }
        ApprovalBuilder build(int b) { this.build = b; return this; }
        ApprovalBuilder requester(String r) { this.requester = r; return this; }
        ApprovalBuilder approver(String a) { this.approver = a; return this; }
        ApprovalBuilder status(String s) { this.status = s; return this; }
        ApprovalBuilder requested(Instant t) { this.requested = t; return this; }
        ApprovalBuilder decided(Instant t) { this.decided = t; return this; }
        ApprovalBuilder window(Instant from, Instant to) { this.validFrom = from; this.validTo = to; return this; }
        ApprovalBuilder maxRuns(Integer n) { this.maxRuns = n; return this; }

        /** A standing registration: no window, decided long ago. */
        ApprovalBuilder standing() {
            return type("REGISTER").window(null, null).decided(T.minus(Duration.ofDays(30))).requested(T.minus(Duration.ofDays(31)));
        }

        Scenario add() {
            approvals.add(new Approval(no, type, controller, job, build, requester, approver, status, requested, decided,
                    validFrom, validTo, maxRuns, null, decided == null ? requested : decided));
            return Scenario.this;
        }
    }
}
