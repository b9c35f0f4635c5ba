package io.auditwarehouse.sinks;

import io.auditwarehouse.config.AppConfig;
import org.apache.spark.sql.Row;

import java.util.List;

/**
 * Where {@link AppendOnlyTable append-only tables} live: beside the embedded warehouse ({@link ParquetAppendLog}) or
 * in the MySQL warehouse ({@link MySqlAppendLog}). Both are durable once {@link #append} returns, atomic per call
 * (all its rows or none), and idempotent by natural id. No Spark session is needed: a few rows cost milliseconds.
 */
public interface AppendOnlyLog {

    /**
     * Adds the rows whose natural id the table does not hold yet (the first of two rows with one id wins).
     *
     * @param rows values in the table's column order, of the column types' Java classes (String, Integer, Long,
     *             Boolean, LocalDate, Instant)
     * @return how many rows were new
     * @throws WriteFailedException when nothing could be written
     */
    int append(AppendOnlyTable table, List<Row> rows);

    /** Every row, one per natural id, in the order appended (the order of ids within one call is kept). */
    List<Row> read(AppendOnlyTable table);

    /** Where it is, for a summary line. */
    String location();

    /** The log of the configured warehouse: MySQL when {@code warehouse.jdbc_url} is set, else the embedded one. */
    static AppendOnlyLog of(AppConfig config) {
        if (config.servers().warehouseInMysql()) return new MySqlAppendLog(WarehouseDatabase.of(config.servers()));
        return new ParquetAppendLog(config.warehouseDir());
    }
}
