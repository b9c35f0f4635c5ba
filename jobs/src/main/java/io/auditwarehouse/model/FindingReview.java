package io.auditwarehouse.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * One row of recon_finding_review: a disposition recorded for a finding, never changed afterwards.
 *
 * @param approvesReviewId for {@link Disposition#APPROVED}: the review approved; null otherwise
 */
public record FindingReview(String reviewId, String findingId, Disposition disposition, String reference, String comment,
                            String reviewer, Instant reviewedAt, String approvesReviewId) {

    /**
     * A new review; its id is derived from what it says (not when), so recording the same review again, or importing the
     * same file twice, adds nothing.
     */
    public static FindingReview of(String findingId, Disposition disposition, String reference, String comment,
                                   String reviewer, Instant reviewedAt, String approvesReviewId) {
        String id = "R-" + sha256(String.join("\u0000", findingId, disposition.name(), nz(reference), nz(comment), reviewer,
                nz(approvesReviewId))).substring(0, 20);
        return new FindingReview(id, findingId, disposition, reference, comment, reviewer, reviewedAt, approvesReviewId);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
