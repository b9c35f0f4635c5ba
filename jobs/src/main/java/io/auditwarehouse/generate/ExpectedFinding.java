package io.auditwarehouse.generate;

import io.auditwarehouse.model.ReasonCode;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;

/**
 * One row of ground-truth.csv.
 *
 * @param buildNumber run-level codes and BUILD_NUMBER_GAP (the missing number)
 * @param approvalNo  APPROVAL_UNUSED only
 * @param occurredAt  UNAPPROVED_CONFIG_CHANGE and UNREVIEWED_EMERGENCY_TOGGLE only: the action time
 */
record ExpectedFinding(ReasonCode code, LocalDate businessDate, String controller, String jobName,
                       Integer buildNumber, String approvalNo, Instant occurredAt)
        implements Comparable<ExpectedFinding> {

    private static final Comparator<ExpectedFinding> ORDER = Comparator
            .comparing((ExpectedFinding f) -> f.code.name())
            .thenComparing(ExpectedFinding::businessDate)
            .thenComparing(ExpectedFinding::controller)
            .thenComparing(ExpectedFinding::jobName)
            .thenComparing(ExpectedFinding::buildNumber, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(ExpectedFinding::approvalNo, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(ExpectedFinding::occurredAt, Comparator.nullsFirst(Comparator.naturalOrder()));

    @Override
    public int compareTo(ExpectedFinding o) {
        return ORDER.compare(this, o);
    }
}
