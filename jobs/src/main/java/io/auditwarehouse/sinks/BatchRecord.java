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
 * One recon_batch row: a job execution, what it read and wrote, and how it ended.
 *
 * @param status RUNNING, COMPLETED or FAILED
 */
public record BatchRecord(String batchId, String kind, LocalDate dateFrom, LocalDate dateTo, String status,
                          Instant startedAt, Instant finishedAt, Instant asOf, Instant sourceWatermark,
                          long buildsRead, long auditRead, long approvalsRead, long usersRead, long quarantined,
                          long runsWritten, long findingsWritten, long approvalsWritten, long summaryRowsWritten,
                          String manifestDigest, String softwareVersion, String configDigest, String message) {

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
            f("message", DataTypes.StringType)});

    private static StructField f(String name, DataType type) {
        return DataTypes.createStructField(name, type, true);
    }

    public Row toRow() {
        return RowFactory.create(batchId, kind, dateFrom, dateTo, status, startedAt, finishedAt, asOf, sourceWatermark,
                buildsRead, auditRead, approvalsRead, usersRead, quarantined, runsWritten, findingsWritten,
                approvalsWritten, summaryRowsWritten, manifestDigest, softwareVersion, configDigest, message);
    }

    public BatchRecord finished(String status, Instant at, String message) {
        return new BatchRecord(batchId, kind, dateFrom, dateTo, status, startedAt, at, asOf, sourceWatermark, buildsRead,
                auditRead, approvalsRead, usersRead, quarantined, runsWritten, findingsWritten, approvalsWritten,
                summaryRowsWritten, manifestDigest, softwareVersion, configDigest, message);
    }
}
