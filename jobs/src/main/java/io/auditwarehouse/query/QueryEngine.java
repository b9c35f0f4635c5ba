package io.auditwarehouse.query;

import io.auditwarehouse.sinks.WarehouseViews.TableFiles;

/**
 * Answers SQL over the embedded warehouse's tables. Values come back as plain Java values (String, Integer, Long,
 * BigInteger, BigDecimal, Double, Boolean, Instant in UTC, LocalDate, List), so every engine prints alike.
 */
public interface QueryEngine extends AutoCloseable {

    /** Makes a table queryable under its own name; an empty file list gives an empty table with its columns. */
    void register(TableFiles table);

    /** Makes rows computed here queryable as a table (values of the schema's column types, as warehouse rows carry them). */
    void registerRows(String table, org.apache.spark.sql.types.StructType schema, java.util.List<org.apache.spark.sql.Row> rows);

    /**
     * Runs one query.
     *
     * @throws io.auditwarehouse.config.ConfigException for a query the engine rejects (syntax, unknown table or column)
     */
    QueryResult execute(String sql);

    @Override
    void close();
}
