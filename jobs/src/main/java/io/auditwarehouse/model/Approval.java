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
