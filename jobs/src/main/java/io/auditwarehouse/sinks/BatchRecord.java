package io.auditwarehouse.sinks;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One recon_batch row: a job execution, what it read and wrote, and how it ended. Built by name, never by position:
 * {@link #started}, then {@link #reading}, {@link #covering}, {@link #noting}, and one of {@link #completed},
 * {@link #failed} or {@link #ended}.
 *
 * @param status          RUNNING, COMPLETED, FAILED, PUBLISHED_WAREHOUSE_ONLY (the warehouse committed the batch, the
 *                        Kibana indexes of its dates failed and are owed: the next nightly or backfill republishes them
 *                        and turns the row COMPLETED), and SKIPPED for a digest with nothing to send
 * @param snapshotVersion the embedded warehouse's snapshot the batch committed (null: none committed, or MySQL)
 * @param sourceWatermark the latest {@code @timestamp} among the build records and audit-trail lines the batch read:
 *                        how far the Jenkins evidence reached when it was read (null when it read none)
 */
public record BatchRecord(String batchId, String kind, LocalDate dateFrom, LocalDate dateTo, String status,
                          Instant startedAt, Instant finishedAt, Instant asOf, Instant sourceWatermark,
                          long buildsRead, long auditRead, long approvalsRead, long usersRead, long quarantined,
                          long runsWritten, long findingsWritten, long approvalsWritten, long summaryRowsWritten,
                          String manifestDigest, String softwareVersion, String configDigest, String message,
                          Long snapshotVersion) {

    public static final StructType SCHEMA = DataTypes.createStructType(new StructField[]{
            f("batch_id", DataTypes.StringType), f("kind", DataTypes.StringType), f("date_from", DataTypes.DateType),
            f("date_to", DataTypes.DateType), f("status", DataTypes.StringType), f("started_at", DataTypes.TimestampType),
            f("finished_at", DataTypes.TimestampType), f("as_of", DataTypes.TimestampType),
            f("source_watermark", DataTypes.TimestampType), f("builds_read", DataTypes.LongType),
            f("audit_read", DataTypes.LongType), f("approvals_read", DataTypes.LongType), f("users_read", DataTypes.LongType),
            f("quarantined", DataTypes.LongType), f("runs_written", DataTypes.LongType),
            f("findings_written", DataTypes.LongType), f("approvals_written", DataTypes.LongType),
            f("summary_rows_written", DataTypes.LongType), f("manifest_digest", DataTypes.StringType),
            f("software_version", DataTypes.StringType), f("config_digest", DataTypes.StringType),
            f("message", DataTypes.StringType), f("snapshot_version", DataTypes.LongType)});

    private static StructField f(String name, DataType type) {
        return DataTypes.createStructField(name, type, true);
    }

    public static final String RUNNING = "RUNNING";
    public static final String COMPLETED = "COMPLETED";
    public static final String FAILED = "FAILED";
    /** The warehouse holds the batch; its dates' Kibana indexes are owed until a later batch republishes them. */
    public static final String PUBLISHED_WAREHOUSE_ONLY = "PUBLISHED_WAREHOUSE_ONLY";

    public Row toRow() {
        return RowFactory.create(batchId, kind, dateFrom, dateTo, status, startedAt, finishedAt, asOf, sourceWatermark,
                buildsRead, auditRead, approvalsRead, usersRead, quarantined, runsWritten, findingsWritten,
                approvalsWritten, summaryRowsWritten, manifestDigest, softwareVersion, configDigest, message, snapshotVersion);
    }

    /** A ledger row as read back from the warehouse, by column name. */
    public static BatchRecord of(Row r) {
        return new BatchRecord(r.getAs("batch_id"), r.getAs("kind"), date(r, "date_from"), date(r, "date_to"),
                r.getAs("status"), instant(r, "started_at"), instant(r, "finished_at"), instant(r, "as_of"),
                instant(r, "source_watermark"), count(r, "builds_read"), count(r, "audit_read"), count(r, "approvals_read"),
                count(r, "users_read"), count(r, "quarantined"), count(r, "runs_written"), count(r, "findings_written"),
                count(r, "approvals_written"), count(r, "summary_rows_written"), r.getAs("manifest_digest"),
                r.getAs("software_version"), r.getAs("config_digest"), r.getAs("message"), version(r));
    }

    /** Null for a row written before the column existed. */
    private static Long version(Row r) {
        int i;
        try {
            i = r.fieldIndex("snapshot_version");
        } catch (IllegalArgumentException e) {
            return null;
        }
        return r.isNullAt(i) ? null : ((Number) r.get(i)).longValue();
    }

    private static LocalDate date(Row r, String field) {
        Object v = r.getAs(field);
        return v instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) v;
    }

    private static Instant instant(Row r, String field) {
        Object v = r.getAs(field);
        return v instanceof java.sql.Timestamp t ? t.toInstant() : (Instant) v;
    }

    private static long count(Row r, String field) {
        Object v = r.getAs(field);
        return v == null ? 0 : ((Number) v).longValue();
    }

    /** What a batch read: documents per source, how many were quarantined, and the evidence's latest timestamp. */
    public record SourcesRead(long builds, long audit, long approvals, long users, long quarantined, Instant watermark) {
        public static final SourcesRead NOTHING = new SourcesRead(0, 0, 0, 0, 0, null);

        /** Only approval records and users (the digest reads no Jenkins evidence). */
        public static SourcesRead approvals(long approvals, long users, long quarantined) {
            return new SourcesRead(0, 0, approvals, users, quarantined, null);
        }
    }

    /** What a batch wrote to the dated tables. */
    public record RowsWritten(long runs, long findings, long approvals, long summaryRows) {
        public static final RowsWritten NOTHING = new RowsWritten(0, 0, 0, 0);
    }

    /** A batch that has just started: RUNNING, nothing read or written yet. */
    public static BatchRecord started(String batchId, String kind, LocalDate dateFrom, LocalDate dateTo, Instant startedAt,
                                      Instant asOf, String softwareVersion, String configDigest) {
        return new BatchRecord(batchId, kind, dateFrom, dateTo, "RUNNING", startedAt, null, asOf, null,
                0, 0, 0, 0, 0, 0, 0, 0, 0, null, softwareVersion, configDigest, null, null);
    }

    public BatchRecord reading(SourcesRead read) {
        return new BatchRecord(batchId, kind, dateFrom, dateTo, status, startedAt, finishedAt, asOf, read.watermark(),
                read.builds(), read.audit(), read.approvals(), read.users(), read.quarantined(), runsWritten,
                findingsWritten, approvalsWritten, summaryRowsWritten, manifestDigest, softwareVersion, configDigest, message, snapshotVersion);
    }

    /** The business dates the batch turned out to cover (a scheduled run learns them only when it has run). */
    public BatchRecord covering(LocalDate from, LocalDate to) {
        return new BatchRecord(batchId, kind, from, to, status, startedAt, finishedAt, asOf, sourceWatermark, buildsRead,
                auditRead, approvalsRead, usersRead, quarantined, runsWritten, findingsWritten, approvalsWritten,
                summaryRowsWritten, manifestDigest, softwareVersion, configDigest, message, snapshotVersion);
    }

    public BatchRecord noting(String message) {
        return ended(status, finishedAt, message);
    }

    /** The digest of what the batch produced (for the digest command, the mail's text). */
    public BatchRecord withManifestDigest(String digest) {
        return new BatchRecord(batchId, kind, dateFrom, dateTo, status, startedAt, finishedAt, asOf, sourceWatermark,
                buildsRead, auditRead, approvalsRead, usersRead, quarantined, runsWritten, findingsWritten,
                approvalsWritten, summaryRowsWritten, digest, softwareVersion, configDigest, message, snapshotVersion);
    }

    public BatchRecord completed(Instant at, RowsWritten written, String message) {
        return new BatchRecord(batchId, kind, dateFrom, dateTo, "COMPLETED", startedAt, at, asOf, sourceWatermark,
                buildsRead, auditRead, approvalsRead, usersRead, quarantined, written.runs(), written.findings(),
                written.approvals(), written.summaryRows(), manifestDigest, softwareVersion, configDigest, message, snapshotVersion);
    }

    /** The warehouse committed what it wrote; the Kibana indexes did not follow (the message says why). */
    public BatchRecord publishedWarehouseOnly(Instant at, RowsWritten written, String message) {
        return completed(at, written, message).ended(PUBLISHED_WAREHOUSE_ONLY, at, message);
    }

    /** The snapshot version the batch committed. */
    public BatchRecord committing(Long version) {
        return new BatchRecord(batchId, kind, dateFrom, dateTo, status, startedAt, finishedAt, asOf, sourceWatermark,
                buildsRead, auditRead, approvalsRead, usersRead, quarantined, runsWritten, findingsWritten,
                approvalsWritten, summaryRowsWritten, manifestDigest, softwareVersion, configDigest, message, version);
    }

    public BatchRecord failed(Instant at, String message) {
        return ended("FAILED", at, message);
    }

    /** Any other status change (a digest SKIPPED, or a RUNNING row rewritten); {@code at} may be null while running. */
    public BatchRecord ended(String status, Instant at, String message) {
        return new BatchRecord(batchId, kind, dateFrom, dateTo, status, startedAt, at, asOf, sourceWatermark, buildsRead,
                auditRead, approvalsRead, usersRead, quarantined, runsWritten, findingsWritten, approvalsWritten,
                summaryRowsWritten, manifestDigest, softwareVersion, configDigest, message, snapshotVersion);
    }
}
