package io.auditwarehouse.report.content;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

import java.util.function.Consumer;

/**
 * A month's warehouse rows, one table at a time, in the package's fixed order. Streamed rather than held, so a
 * month of 200,000 runs renders in a bounded heap.
 */
public interface MonthRows {

    /** The table's columns, in order. */
    StructType schema(String table);

    /** Hands every row of the month's table to {@code action}, in a fixed order (re-rendering repeats it). */
    void forEach(String table, Consumer<Row> action);
}
