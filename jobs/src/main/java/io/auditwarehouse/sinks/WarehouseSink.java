package io.auditwarehouse.sinks;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

import java.time.LocalDate;
import java.util.Collection;

/**
 * Where the reconciliation tables are published: Parquet files (the embedded default) or a MySQL schema.
 * A batch stages every table first and then publishes its dates; readers see a date's old rows or its new rows.
 * Every failed write surfaces as {@link WriteFailedException}.
 */
public interface WarehouseSink {

    /** The table's published rows, or null when nothing has been published to it yet. */
    Dataset<Row> read(String table);

    /** The published rows of a dated table for the given dates (empty when none). */
    Dataset<Row> readDates(String table, StructType schema, Collection<LocalDate> dates);

    /** Writes a dated table's rows for this batch aside; nothing is visible until {@link #publish}. */
    void stage(String batchId, String table, Dataset<Row> rows);

    /** Replaces every given date of every staged table with the staged rows (none staged: the date ends up empty). */
    void publish(String batchId, Collection<String> tables, Collection<LocalDate> dates);

    /** Replaces a whole undated table (the catalog, the quarantine). */
    void replace(String batchId, String table, Dataset<Row> rows);

    /** Writes (or rewrites) one batch's ledger row, keyed by batch id. */
    void recordBatch(BatchRecord batch);

    /** Drops what a failed batch staged. */
    void discardStaging(String batchId);

    /** Where it is, for the summary line (a folder, or a JDBC URL without credentials). */
    String location();
}
