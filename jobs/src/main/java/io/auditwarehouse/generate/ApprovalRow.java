package io.auditwarehouse.generate;

import io.auditwarehouse.model.Approval;

import java.time.Instant;

/** One approval record while the month is planned; numbered once everything is known. */
final class ApprovalRow {

    final int seq;
    final String type;
    String number;
    String controller;
    String jobName;
    /** FAILURE_REPORT only: the run it reports (its build number is known only after numbering). */
    PlannedRun reportedRun;
    String requester;
    String approver;
    String status = Approval.APPROVED;
    Instant requestedAt;
    Instant decidedAt;
    Instant validFrom;
    Instant validTo;
    Integer maxRuns;
    String reason;
    /** Dropped by a plant (e.g. a run that never had an approval). */
    boolean deleted;

    ApprovalRow(int seq, String type, JobSpec job) {
        this.seq = seq;
        this.type = type;
        this.controller = job.controller;
        this.jobName = job.fullName;
    }

    Integer buildNumber() {
        return reportedRun == null ? null : reportedRun.buildNumber;
    }

    Instant updatedAt() {
        Instant t = requestedAt;
        if (decidedAt != null && decidedAt.isAfter(t)) t = decidedAt;
        return t;
    }

    void undecided(String newStatus) {
        status = newStatus;
        approver = null;
        decidedAt = null;
    }

    Approval toModel() {
        return new Approval(Approval.normaliseNo(number), type, controller, jobName, buildNumber(), requester,
                approver, status, requestedAt, decidedAt, validFrom, validTo, maxRuns, reason, updatedAt());
    }

    static String prefixOf(String type) {
        return switch (type) {
            case "REGISTER" -> "REG";
            case "CHANGE" -> "CHG";
            case "EXECUTE" -> "EXE";
            case "DISABLE" -> "DIS";
            case "ENABLE" -> "ENA";
            case "EMERGENCY" -> "EMG";
            case "FAILURE_REPORT" -> "FRP";
            default -> throw new IllegalArgumentException(type);
        };
    }
}
