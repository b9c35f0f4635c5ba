package io.auditwarehouse.model;

import java.time.Instant;

/**
 * One row of recon_finding_status: a finding's current disposition.
 *
 * @param disposition        OPEN without a counting review, WITHDRAWN when a restatement removed the finding, else the
 *                           latest counting review's (a RISK_ACCEPTED counts once a different reviewer APPROVED it)
 * @param reviewId           the review that gave it (null when OPEN without reviews)
 * @param approvedBy         for a counted RISK_ACCEPTED, who approved it
 * @param pendingDisposition RISK_ACCEPTED while a risk acceptance newer than the current disposition awaits approval
 * @param pendingReviewId    that review, to approve with {@code review ID --disposition APPROVED --approves ...}
 */
public record FindingStatus(String findingId, Disposition disposition, String reference, String reviewer, Instant reviewedAt,
                            String approvedBy, String reviewId, Disposition pendingDisposition, String pendingReviewId) {

    public static FindingStatus open(String findingId) {
        return new FindingStatus(findingId, Disposition.OPEN, null, null, null, null, null, null, null);
    }

    public boolean isOpen() {
        return disposition == Disposition.OPEN;
    }
}
