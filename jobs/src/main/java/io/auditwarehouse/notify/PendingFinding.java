package io.auditwarehouse.notify;

import java.time.LocalDate;

/** A finding at or above notify.min_severity as the warehouse holds it, to be announced to the targets that have not had it. */
public record PendingFinding(String findingId, LocalDate businessDate, String controlId, String reasonCode, String severity,
                             String controller, String jobName, Integer buildNumber) {
}
