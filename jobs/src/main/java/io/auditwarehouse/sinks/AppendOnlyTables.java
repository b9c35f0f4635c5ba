package io.auditwarehouse.sinks;

import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

import java.util.List;
import java.util.Optional;

/**
 * Every append-only table of the warehouse, so that {@code sql} can query each one (an empty table too) and tests can
 * check each MySQL insert script. Add a new one here: its declaration and one line in {@link #ALL}.
 */
public final class AppendOnlyTables {

    private static final DataType S = DataTypes.StringType;
    private static final DataType T = DataTypes.TimestampType;

    /** The dispositions recorded for findings (issue 12): never updated, the current one derived in recon_finding_status. */
    public static final AppendOnlyTable FINDING_REVIEW = AppendOnlyTable.of("recon_finding_review", "review_id",
            "review_id", S, "finding_id", S, "disposition", S, "reference", S, "comment", S, "reviewer", S,
            "reviewed_at", T, "approves_review_id", S);

    /** What each chat target has been told (issue 12): one row per (target, finding id or package), so never twice. */
    public static final AppendOnlyTable NOTIFICATION_LEDGER = AppendOnlyTable.of("recon_notification", "notice_id",
            "notice_id", S, "target", S, "subject", S, "kind", S, "batch_id", S, "sent_at", T);

    /** Every sign-in, failed sign-in, download and export of the evidence portal (issue 13): who, what, when, from where. */
    public static final AppendOnlyTable PORTAL_ACCESS = AppendOnlyTable.of("portal_access", "access_id",
            "access_id", S, "accessed_at", T, "user_name", S, "role", S, "action", S, "file", S, "sha256", S, "client_address", S,
            "user_agent", S, "detail", S);

    public static final List<AppendOnlyTable> ALL = List.of(
            FINDING_REVIEW,
            NOTIFICATION_LEDGER,
            PORTAL_ACCESS
    );

    private AppendOnlyTables() {
    }

    public static Optional<AppendOnlyTable> named(String name) {
        return ALL.stream().filter(t -> t.name().equals(name)).findFirst();
    }
}
