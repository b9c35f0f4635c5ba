package io.auditwarehouse.model;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** recon_finding_status as issue 12 words it: OPEN without review, RISK_ACCEPTED only once a second reviewer approved, WITHDRAWN. */
class FindingStatusesTest {

    private static final Instant T = Instant.parse("2026-10-02T00:00:00Z");

    private static FindingReview review(String finding, Disposition d, String reviewer, int minute, String approves) {
        return FindingReview.of(finding, d, d == Disposition.APPROVED ? null : "REF-" + minute, null, reviewer, T.plusSeconds(60L * minute), approves);
    }

    @Test
    void openWithoutReviewThenTheLatestCountingReview() {
        FindingReview ack = review("f1", Disposition.ACKNOWLEDGED, "han", 1, null);
        FindingReview fixed = review("f1", Disposition.REMEDIATED, "han", 2, null);
        Map<String, FindingStatus> s = FindingStatuses.of(List.of("f1", "f2"), List.of(fixed, ack)); // recorded out of time order
        assertEquals(Disposition.REMEDIATED, s.get("f1").disposition());
        assertEquals("REF-2", s.get("f1").reference());
        assertEquals(Disposition.OPEN, s.get("f2").disposition());
        assertNull(s.get("f2").reviewer());
    }

    @Test
    void aRiskAcceptanceWaitsForADifferentReviewersApproval() {
        FindingReview ack = review("f1", Disposition.ACKNOWLEDGED, "yu", 1, null);
        FindingReview ra = review("f1", Disposition.RISK_ACCEPTED, "han", 2, null);
        FindingStatus pending = FindingStatuses.of(List.of("f1"), List.of(ack, ra)).get("f1");
        assertEquals(List.of(Disposition.ACKNOWLEDGED, Disposition.RISK_ACCEPTED), List.of(pending.disposition(), pending.pendingDisposition()));
        assertEquals(ra.reviewId(), pending.pendingReviewId());

        FindingReview own = review("f1", Disposition.APPROVED, "han", 3, ra.reviewId());
        assertEquals(Disposition.ACKNOWLEDGED, FindingStatuses.of(List.of("f1"), List.of(ack, ra, own)).get("f1").disposition(),
                "one's own approval does not count");
        FindingReview second = review("f1", Disposition.APPROVED, "yu", 4, ra.reviewId());
        FindingStatus accepted = FindingStatuses.of(List.of("f1"), List.of(ack, ra, own, second)).get("f1");
        assertEquals(List.of("RISK_ACCEPTED", "han", "yu"), List.of(accepted.disposition().name(), accepted.reviewer(), accepted.approvedBy()));
        assertNull(accepted.pendingDisposition());
    }

    @Test
    void aReviewedFindingARestatementRemovedIsWithdrawnAndAnUnreviewedOneIsGone() {
        FindingReview fixed = review("gone", Disposition.REMEDIATED, "han", 1, null);
        Map<String, FindingStatus> s = FindingStatuses.of(List.of("kept"), List.of(fixed));
        assertEquals(Disposition.WITHDRAWN, s.get("gone").disposition());
        assertEquals("REF-1", s.get("gone").reference());
        assertEquals(Disposition.OPEN, s.get("kept").disposition());
        assertEquals(2, s.size());
    }

    @Test
    void theSameReviewRecordedTwiceHasOneId() {
        assertEquals(review("f1", Disposition.REMEDIATED, "han", 1, null).reviewId(),
                FindingReview.of("f1", Disposition.REMEDIATED, "REF-1", null, "han", T.plusSeconds(999), null).reviewId());
    }
}
