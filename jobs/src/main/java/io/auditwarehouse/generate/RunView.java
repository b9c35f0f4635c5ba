package io.auditwarehouse.generate;

import io.auditwarehouse.model.Trigger;

import java.time.Instant;
import java.util.Objects;

/** A run as docs/reconciliation-rules.md assembles it from the evidence the writers will emit. */
record RunView(PlannedRun plan, Instant startedAt, Instant finishedAt, String result, Trigger trigger,
               String executor, String approvalNo, boolean inBuilds, boolean inAudit, boolean disagree) {

    static RunView of(PlannedRun r) {
        Instant started = r.inBuilds ? r.start : r.auditStart();
        String buildResult = r.inBuilds && r.buildFinalDoc ? r.result : null;
        String auditResult = r.inAudit && r.auditCompletion ? r.auditResult() : null;
        String result;
        Instant finished;
        if (buildResult != null) {
            result = buildResult;
            finished = r.start.plusMillis(r.durationMs);
        } else if (auditResult != null) {
            result = auditResult;
            finished = r.auditStart().plusMillis(r.durationMs);
        } else {
            result = null;
            finished = null;
        }
        Trigger trigger = r.inAudit ? r.cause : fromBuildUserId(r.buildUserId);
        String executor = null;
        if (trigger == Trigger.USER) {
            executor = r.inAudit && r.executor != null ? r.executor.userId() : r.buildUserId;
        }
        String buildNo = r.buildApproval == null ? null : ApprovalRow.normalise(r.buildApproval.raw());
        String auditNo = r.auditApproval == null ? null : ApprovalRow.normalise(r.auditApproval.raw());
        String approvalNo = r.inBuilds ? buildNo : auditNo;
        boolean both = r.inBuilds && r.inAudit;
        boolean disagree = both && ((buildResult != null && auditResult != null && !buildResult.equals(auditResult))
                || !Objects.equals(buildNo, auditNo));
        return new RunView(r, started, finished, result, trigger, executor, approvalNo, r.inBuilds, r.inAudit,
                disagree);
    }

    static Trigger fromBuildUserId(String id) {
        if (id == null) return Trigger.UNKNOWN;
        return switch (id) {
            case "timer" -> Trigger.TIMER;
            case "scmChange", "branchIndexing" -> Trigger.SCM;
            case "remoteRequest" -> Trigger.REMOTE;
            default -> Trigger.USER;
        };
    }

    String controller() {
        return plan.job.controller;
    }

    String jobName() {
        return plan.job.fullName;
    }

    int buildNumber() {
        return plan.buildNumber;
    }
}
