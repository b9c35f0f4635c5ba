package io.auditwarehouse.sinks;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.OptionalLong;

/**
 * Where the reconciliation tables are published: Parquet files (the embedded default) or a MySQL schema.
 * A batch stages every table first and then publishes all of them in one commit; readers see the previous batch's
 * state or the new one, never a mix. Every failed write surfaces as {@link WriteFailedException}.
 */
public interface WarehouseSink {

    /** The table's published rows, or null when nothing has been published to it yet. */
    Dataset<Row> read(String table);

    /** The published rows of a dated table for the given dates (empty when none). */
    Dataset<Row> readDates(String table, StructType schema, Collection<LocalDate> dates);

    /** Writes a table's rows for this batch aside (dated tables for its dates, undated ones whole); nothing is visible until {@link #publish}. */
    void stage(String batchId, String table, Dataset<Row> rows);

    /**
     * One commit: every given date of every staged dated table, and every staged undated table (catalog, quarantine)
     * whole, are replaced by the staged rows (none staged: the date or table ends up empty).
     *
     * @return the snapshot version committed, or empty for a warehouse that keeps no versions (MySQL)
     */
    OptionalLong publish(String batchId, Collection<String> tables, Collection<LocalDate> dates);

    /** Writes (or rewrites) one batch's ledger row, keyed by batch id, atomically. */
    void recordBatch(BatchRecord batch);

    /** Drops what a failed batch staged. */
    void discardStaging(String batchId);

    /** The version the batch committed, if this warehouse keeps versions and the batch committed one. */
    OptionalLong committedBy(String batchId);

    /**
     * Called by each writer under the writer lock before it writes: removes what interrupted writers left and applies
     * retention. Returns one line saying what it did, or null.
     */
    String recover(Instant now);

    /** The snapshot version reads see (the pinned one, or the current one), or empty for a warehouse that keeps no versions (MySQL). */
    OptionalLong version();

    /**
     * A read-only view as snapshot {@code version} left the tables.
     *
     * @throws IllegalArgumentException when that version is not kept
     * @throws UnsupportedOperationException for a warehouse that keeps only its current rows (MySQL)
     */
    WarehouseSink at(long version);

    /** The append-only tables kept beside this warehouse (not versioned: every row ever appended, whatever snapshot is read). */
    AppendOnlyLog appendOnly();

    /** Where it is, for the summary line (a folder, or a JDBC URL without credentials). */
    String location();
}
