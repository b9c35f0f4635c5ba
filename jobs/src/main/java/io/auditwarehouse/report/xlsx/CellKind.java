package io.auditwarehouse.report.xlsx;

import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.TimestampType;

/** How a value becomes a cell, with the column width (in characters) that fits it. */
enum CellKind {
    TEXT(16), NUMBER(10), DATE(12), DATE_TIME(20), BOOLEAN(8);

    final int width;

    CellKind(int width) {
        this.width = width;
    }

    /** The kind of a warehouse column, from its Spark type. */
    static CellKind of(DataType type) {
        if (type instanceof DateType) return DATE;
        if (type instanceof TimestampType) return DATE_TIME;
        if (type instanceof NumericType) return NUMBER;
        if (type instanceof BooleanType) return BOOLEAN;
        return TEXT;
    }
}
