package io.auditwarehouse.review;

/**
 * One review asked for, as typed or as a row of an import file.
 *
 * @param where            "line 7" of an import file, or "" on the command line: the start of any error about it
 * @param approvesReviewId for APPROVED: the review approved; null = the finding's pending risk acceptance
 */
public record ReviewRequest(String where, String findingId, String disposition, String reference, String comment,
                            String approvesReviewId) {
}
