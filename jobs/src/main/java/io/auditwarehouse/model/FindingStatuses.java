package io.auditwarehouse.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Derives each finding's current disposition from the review history (the one definition: recon_finding_status in
 * {@code sql}, the reports, the Kibana documents and the digest all use it; the MySQL view says the same in SQL).
 * <ul>
 *   <li>ACKNOWLEDGED, REMEDIATED and FALSE_POSITIVE count when recorded.</li>
 *   <li>RISK_ACCEPTED counts once an APPROVED by a different reviewer names it; until then the finding keeps its
 *       previous disposition and shows the acceptance as pending.</li>
 *   <li>The latest counting review (by reviewed_at, then the order recorded) gives the disposition.</li>
 *   <li>A reviewed finding no longer in recon_finding (a restatement removed it) is WITHDRAWN; its history stays.</li>
 * </ul>
 */
public final class FindingStatuses {

    private FindingStatuses() {
    }

    /**
     * @param findingIds the findings published now
     * @param reviews    the whole history, in the order recorded
     * @return one status per finding id and per reviewed finding id, by finding id
     */
    public static Map<String, FindingStatus> of(Collection<String> findingIds, List<FindingReview> reviews) {
        Map<String, List<FindingReview>> byFinding = new LinkedHashMap<>();
        Map<String, String> approvers = new HashMap<>();
        Map<String, FindingReview> byId = new HashMap<>();
        for (FindingReview r : reviews) byId.put(r.reviewId(), r);
        for (FindingReview r : reviews) {
            if (r.disposition() == Disposition.APPROVED) {
                FindingReview approved = byId.get(r.approvesReviewId());
                // four eyes: only someone else's approval of a risk acceptance counts
                if (approved != null && approved.disposition() == Disposition.RISK_ACCEPTED && !approved.reviewer().equals(r.reviewer())) {
                    approvers.putIfAbsent(approved.reviewId(), r.reviewer());
                }
            } else {
                byFinding.computeIfAbsent(r.findingId(), k -> new ArrayList<>()).add(r);
            }
        }
        Set<String> published = Set.copyOf(findingIds);
        Map<String, FindingStatus> out = new TreeMap<>();
        for (String id : findingIds) out.put(id, FindingStatus.open(id));
        byFinding.forEach((findingId, history) -> {
            List<FindingReview> ordered = new ArrayList<>(history);
            ordered.sort(java.util.Comparator.comparing(FindingReview::reviewedAt)); // stable: ties keep the recorded order
            FindingReview counted = null;
            FindingReview pending = null;
            for (FindingReview r : ordered) {
                if (r.disposition() != Disposition.RISK_ACCEPTED || approvers.containsKey(r.reviewId())) {
                    counted = r;
                    pending = null;
                } else {
                    pending = r;
                }
            }
            Disposition d = !published.contains(findingId) ? Disposition.WITHDRAWN
                    : counted == null ? Disposition.OPEN : counted.disposition();
            out.put(findingId, new FindingStatus(findingId, d, counted == null ? null : counted.reference(),
                    counted == null ? null : counted.reviewer(), counted == null ? null : counted.reviewedAt(),
                    counted == null ? null : approvers.get(counted.reviewId()), counted == null ? null : counted.reviewId(),
                    pending == null ? null : Disposition.RISK_ACCEPTED, pending == null ? null : pending.reviewId()));
        });
        return out;
    }
}
