package io.auditwarehouse.report;

import io.auditwarehouse.model.Disposition;
import io.auditwarehouse.model.FindingReview;
import io.auditwarehouse.model.FindingStatus;
import io.auditwarehouse.model.FindingStatuses;
import io.auditwarehouse.report.content.ReportContent;
import io.auditwarehouse.report.content.ReportContent.Restatement;
import io.auditwarehouse.sinks.FindingReviews;
import io.auditwarehouse.sinks.WarehouseSink;
import io.auditwarehouse.sinks.WarehouseTables;
import org.apache.spark.sql.Row;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The month's findings as reviewed (issue 12): each one's disposition from the reviews recorded up to {@code asOf} (the
 * package's own instant, recorded in the manifest, so a reproduction prints the same), and the reviews recorded after
 * the last issued package ({@code since}) up to then, as REVIEWED lines of the restatements section.
 */
record MonthReviews(Map<String, FindingStatus> statuses, List<Restatement> since) {

    /**
     * @param findings the month's recon_finding rows
     * @param since    when the package this one replaces was issued (its reviews_as_of); null for a first package
     * @param asOf     the reviews this package shows were recorded at or before this instant
     */
    static MonthReviews of(WarehouseSink warehouse, List<Row> findings, Instant since, Instant asOf) {
        List<FindingReview> history = new FindingReviews(warehouse.appendOnly()).all().stream()
                .filter(r -> !r.reviewedAt().isAfter(asOf)).toList();
        Map<String, Row> byId = new HashMap<>();
        for (Row f : findings) byId.put(f.getAs("finding_id"), f);
        Map<String, FindingStatus> statuses = FindingStatuses.of(byId.keySet(), history);
        statuses.keySet().retainAll(byId.keySet());
        List<Restatement> lines = new ArrayList<>();
        if (since != null) {
            for (FindingReview r : history) {
                Row f = byId.get(r.findingId());
                if (f == null || !r.reviewedAt().isAfter(since)) continue;
                lines.add(new Restatement(ReportContent.REVIEWED, r.findingId(), f.getAs("control_id"), f.getAs("reason_code"),
                        localDate(f.getAs(WarehouseTables.BUSINESS_DATE)), subject(f), null, describe(r)));
            }
        }
        lines.sort(Comparator.comparing(Restatement::businessDate).thenComparing(Restatement::controlId)
                .thenComparing(Restatement::findingId));
        return new MonthReviews(statuses, List.copyOf(lines));
    }

    /** "REMEDIATED INC-4711 han.audit 2026-10-02T01:00:00Z", or "APPROVED R-… yu.audit …" for an approval. */
    private static String describe(FindingReview r) {
        String what = r.disposition() == Disposition.APPROVED ? r.approvesReviewId() : r.reference();
        return r.disposition() + (what == null ? "" : " " + what) + " " + r.reviewer() + " " + r.reviewedAt();
    }

    private static String subject(Row f) {
        Object build = f.getAs("build_number");
        if (build != null) return f.getAs("controller") + "/" + f.getAs("job_name") + "#" + build;
        Object approval = f.getAs("approval_no");
        return approval != null ? approval.toString() : f.getAs("controller") + "/" + f.getAs("job_name");
    }

    private static LocalDate localDate(Object v) {
        return v instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) v;
    }
}
