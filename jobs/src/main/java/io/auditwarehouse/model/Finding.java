package io.auditwarehouse.model;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One reason code applied to one subject (a run, a job action, a missing build number, an approval).
 *
 * @param findingId    deterministic: a hash of the code and the subject, so re-runs never duplicate
 * @param detail       the English detail line: the {@code en} template of {@link DetailTemplates} filled from the fields
 * @param detailFields the fields the detail templates are filled from, as a JSON object (the report's own locale)
 */
public record Finding(
        String findingId,
        LocalDate businessDate,
        String controlId,
        ReasonCode reasonCode,
        Severity severity,
        String controller,
        String jobName,
        Integer buildNumber,
        String approvalNo,
        String actor,
        Instant occurredAt,
        String detail,
        String detailFields) implements Serializable {
}
