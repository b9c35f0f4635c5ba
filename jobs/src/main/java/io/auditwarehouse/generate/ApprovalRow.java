package io.auditwarehouse.generate;

import java.time.Instant;
import java.util.Locale;

/**
 * One approval record while the month is planned; numbered once everything is known. Its predicates are written
 * from controls.md's text for the ground truth, apart from the engine's {@code model.Approval}, so that a bug in
 * either shows up as a disagreement with the other.
 */
final class ApprovalRow {

    static final String APPROVED = "APPROVED";

    final int seq;
    final String type;
    String number;
    String controller;
    String jobName;
    /** FAILURE_REPORT only: the run it reports (its build number is known only after numbering). */
    PlannedRun reportedRun;
    String requester;
    String approver;
    String status = APPROVED;
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

    /** controls.md: approval numbers are compared trimmed and upper-cased; empty is none. */
    static String normalise(String raw) {
        if (raw == null || raw.isBlank()) return null;
        return raw.trim().toUpperCase(Locale.ROOT);
    }

    String normalisedNumber() {
        return normalise(number);
    }

    /** controls.md: status APPROVED. */
    boolean approved() {
        return APPROVED.equals(status);
    }

    /** controls.md: valid_from <= t <= valid_to, a missing bound open. */
    boolean windowContains(Instant t) {
        boolean afterStart = validFrom == null || validFrom.compareTo(t) <= 0;
        boolean beforeEnd = validTo == null || t.compareTo(validTo) <= 0;
        return afterStart && beforeEnd;
    }

    /** controls.md "in force at t": status APPROVED, decided_at <= t, and t within its window. */
    boolean inForceAt(Instant t) {
        return approved() && decidedAt != null && decidedAt.compareTo(t) <= 0 && windowContains(t);
    }

    /** controls.md "for this controller and job". */
    boolean isFor(String controller, String job) {
        return controller.equals(this.controller) && job.equals(this.jobName);
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
