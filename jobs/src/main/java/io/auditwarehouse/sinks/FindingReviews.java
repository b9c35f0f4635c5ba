package io.auditwarehouse.sinks;

import io.auditwarehouse.model.Disposition;
import io.auditwarehouse.model.FindingReview;
import io.auditwarehouse.model.FindingStatus;
import io.auditwarehouse.model.FindingStatuses;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The review history (recon_finding_review) as {@link FindingReview}s, through the warehouse's append-only log. */
public final class FindingReviews {

    public static final AppendOnlyTable TABLE = AppendOnlyTables.FINDING_REVIEW;
    public static final String STATUS = "recon_finding_status";
    private static final org.apache.spark.sql.types.DataType S = org.apache.spark.sql.types.DataTypes.StringType;
    /** The columns of recon_finding_status, as the MySQL view (V007) and {@code sql} show them. */
    public static final StructType STATUS_SCHEMA = AppendOnlyTable.of(STATUS, "finding_id", "finding_id", S, "disposition", S,
            "reference", S, "reviewer", S, "reviewed_at", org.apache.spark.sql.types.DataTypes.TimestampType, "approved_by", S,
            "review_id", S, "pending_disposition", S, "pending_review_id", S).schema();

    private final AppendOnlyLog log;

    public FindingReviews(AppendOnlyLog log) {
        this.log = log;
    }

    /** Every review, in the order recorded. */
    public List<FindingReview> all() {
        return log.read(TABLE).stream().map(FindingReviews::review).toList();
    }

    /** The current disposition of each of these published findings (see {@link FindingStatuses}). */
    public Map<String, FindingStatus> statusesOf(Collection<String> publishedFindingIds) {
        Map<String, FindingStatus> all = FindingStatuses.of(publishedFindingIds, all());
        all.keySet().retainAll(Set.copyOf(publishedFindingIds));
        return all;
    }

    /** The finding ids of recon_finding rows (columns of {@link WarehouseTables#FINDING_SCHEMA}). */
    public static List<String> ids(List<Row> findingRows) {
        int id = WarehouseTables.FINDING_SCHEMA.fieldIndex("finding_id");
        return findingRows.stream().map(r -> r.getString(id)).toList();
    }

    /** Records the reviews in one append (all or none); returns how many were new. */
    public int record(List<FindingReview> reviews) {
        return log.append(TABLE, reviews.stream().map(FindingReviews::row).toList());
    }

    public static Row statusRow(FindingStatus s) {
        return RowFactory.create(s.findingId(), s.disposition().name(), s.reference(), s.reviewer(), s.reviewedAt(), s.approvedBy(),
                s.reviewId(), s.pendingDisposition() == null ? null : s.pendingDisposition().name(), s.pendingReviewId());
    }

    static Row row(FindingReview r) {
        return RowFactory.create(r.reviewId(), r.findingId(), r.disposition().name(), r.reference(), r.comment(), r.reviewer(),
                r.reviewedAt(), r.approvesReviewId());
    }

    static FindingReview review(Row r) {
        return new FindingReview(r.getString(0), r.getString(1), Disposition.valueOf(r.getString(2)), r.getString(3),
                r.getString(4), r.getString(5), (java.time.Instant) r.get(6), r.getString(7));
    }
}
