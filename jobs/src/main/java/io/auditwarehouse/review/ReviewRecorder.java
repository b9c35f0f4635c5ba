package io.auditwarehouse.review;

import io.auditwarehouse.model.FindingReview;
import io.auditwarehouse.model.FindingStatus;
import io.auditwarehouse.model.UserDirectory;
import io.auditwarehouse.sinks.FindingReviews;
import io.auditwarehouse.sinks.WarehouseSink;
import io.auditwarehouse.sinks.kibana.KibanaIndexes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Records reviews: every request checked ({@link ReviewRules}) before anything is written, then all of them appended to
 * recon_finding_review in one step, then the findings' Kibana documents updated with their new disposition.
 */
public final class ReviewRecorder {

    /**
     * @param reviews  the reviews asked for (an identical one recorded before is not added again)
     * @param added    how many were new
     * @param statuses the reviewed findings' dispositions now
     */
    public record Recorded(List<FindingReview> reviews, int added, Map<String, FindingStatus> statuses, long documentsUpdated) {
    }

    private final WarehouseSink warehouse;
    private final KibanaIndexes kibana;

    public ReviewRecorder(WarehouseSink warehouse, KibanaIndexes kibana) {
        this.warehouse = warehouse;
        this.kibana = kibana;
    }

    public Recorded record(UserDirectory users, String reviewer, List<ReviewRequest> requests, Instant now) {
        Set<String> ids = new LinkedHashSet<>();
        requests.forEach(r -> ids.add(r.findingId()));
        Map<String, FindingParties> findings = FindingParties.load(warehouse, ids);
        FindingReviews history = new FindingReviews(warehouse.appendOnly());
        List<FindingReview> reviews = new ReviewRules(users, findings, history.all()).check(reviewer, requests, now);
        int added = history.record(reviews);
        Map<String, FindingStatus> statuses = history.statusesOf(findings.keySet());
        Map<LocalDate, List<FindingStatus>> byDate = new TreeMap<>();
        statuses.forEach((id, s) -> byDate.computeIfAbsent(findings.get(id).businessDate(), d -> new ArrayList<>()).add(s));
        return new Recorded(reviews, added, statuses, kibana.updateDispositions(byDate));
    }
}
