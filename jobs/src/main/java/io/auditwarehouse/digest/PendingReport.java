package io.auditwarehouse.digest;

import java.time.Duration;
import java.time.Instant;

/**
 * One failure report filed and not yet approved (request_type FAILURE_REPORT, status REQUESTED), with the people
 * it names resolved through the users relation where known.
 *
 * @param requesterName       display name, null when the user is unknown
 * @param approverId          null when no approver is assigned yet
 * @param approverDepartment  the approver's app_user.department, null when unknown
 * @param requestedAt         null when the record has none (then {@code age} is null too)
 * @param age                 from requested_at to the as-of instant
 */
public record PendingReport(String approvalNo, String controller, String jobName, Integer buildNumber,
                            String requesterId, String requesterName, String approverId, String approverName,
                            String approverDepartment, Instant requestedAt, Duration age, String reason) {

    /** Whole days of the age. */
    public long ageDays() {
        return age == null ? 0 : age.toDays();
    }

    /** Hours beyond the whole days. */
    public int ageHours() {
        return age == null ? 0 : age.toHoursPart();
    }
}
