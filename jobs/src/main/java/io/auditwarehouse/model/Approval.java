package io.auditwarehouse.model;

import java.io.Serializable;
import java.time.Instant;
import java.util.Locale;

/**
 * One approval record (inputs.md §1), times converted to UTC on read.
 * {@code approvalNo}, {@code requestType} and {@code status} are normalised (trimmed, upper-cased).
 */
public record Approval(
        String approvalNo,
        String requestType,
        String controller,
        String jobName,
        Integer buildNumber,
        String requesterId,
        String approverId,
        String status,
        Instant requestedAt,
        Instant decidedAt,
        Instant validFrom,
        Instant validTo,
        Integer maxRuns,
        String reason,
        Instant updatedAt) implements Serializable {

    public static final String APPROVED = "APPROVED";

    /**
     * The first column the contract (inputs.md §1) declares NOT NULL that this record lacks, or null when it has them all:
     * such a row is quarantined, because the rules read these columns (a row without request_type stopped the whole job).
     */
    public String missingRequiredColumn() {
        if (approvalNo == null) return "approval_no";
        if (requestType == null) return "request_type";
        if (controller == null) return "controller";
        if (jobName == null) return "job_name";
        if (requesterId == null) return "requester_id";
        if (status == null) return "status";
        if (requestedAt == null) return "requested_at";
        if (updatedAt == null) return "updated_at";
        return null;
    }

    /** Approval numbers are compared after trimming and upper-casing; empty means none. */
    public static String normaliseNo(String raw) {
        if (raw == null) return null;
        String s = raw.trim().toUpperCase(Locale.ROOT);
        return s.isEmpty() ? null : s;
    }

    public boolean isApproved() {
        return APPROVED.equals(status);
    }

    public boolean isFor(String controller, String jobName) {
        return this.controller != null && this.controller.equals(controller)
                && this.jobName != null && this.jobName.equals(jobName);
    }

    /** controls.md: APPROVED, decided_at <= t, and valid_from <= t <= valid_to (missing bounds open). */
    public boolean inForceAt(Instant t) {
        return isApproved() && decidedAt != null && !decidedAt.isAfter(t) && withinWindow(t);
    }

    public boolean withinWindow(Instant t) {
        return (validFrom == null || !t.isBefore(validFrom)) && (validTo == null || !t.isAfter(validTo));
    }
}
