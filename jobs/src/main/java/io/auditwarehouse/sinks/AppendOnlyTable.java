package io.auditwarehouse.sinks;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * A warehouse table whose rows are only ever added, never updated, replaced or deleted (a review history, a
 * notification ledger, an access log), kept apart from the batch snapshots so a re-run or restatement never touches
 * it. Each row has a natural id (a string column): appending a row whose id is already there keeps the first one.
 * Columns may be added later (at the end); rows written before read them as null. Declare one in
 * {@link AppendOnlyTables}; write and read it through an {@link AppendOnlyLog}.
 *
 * @param name      the table's name in {@code sql} and in MySQL
 * @param schema    its columns in order: string, int, long, boolean, date or timestamp (milliseconds, UTC)
 * @param naturalId the string column that identifies a row
 */
public record AppendOnlyTable(String name, StructType schema, String naturalId) {

    private static final Set<DataType> TYPES = Set.of(DataTypes.StringType, DataTypes.IntegerType, DataTypes.LongType,
            DataTypes.BooleanType, DataTypes.DateType, DataTypes.TimestampType);

    public AppendOnlyTable {
        if (!name.matches("[a-z][a-z0-9_]*")) throw new IllegalArgumentException("'" + name + "' is not a table name");
        for (StructField f : schema.fields()) {
            if (!TYPES.contains(f.dataType())) throw new IllegalArgumentException(name + "." + f.name() + ": unsupported type " + f.dataType());
        }
        if (!Arrays.asList(schema.fieldNames()).contains(naturalId) || !schema.apply(naturalId).dataType().equals(DataTypes.StringType)) {
            throw new IllegalArgumentException(name + ": natural id " + naturalId + " must be a string column");
        }
    }

    /** Declares a table from name, type pairs: {@code of("t", "id", "id", DataTypes.StringType, "at", DataTypes.TimestampType)}. */
    public static AppendOnlyTable of(String name, String naturalId, Object... nameTypePairs) {
        List<StructField> fields = new ArrayList<>();
        for (int i = 0; i < nameTypePairs.length; i += 2) {
            fields.add(DataTypes.createStructField((String) nameTypePairs[i], (DataType) nameTypePairs[i + 1], true));
        }
        return new AppendOnlyTable(name, DataTypes.createStructType(fields), naturalId);
    }

    /** The natural id of one of its rows (values in schema order). */
    public String idOf(Row row) {
        Object id = row.get(schema.fieldIndex(naturalId));
        if (id == null) throw new IllegalArgumentException(name + ": a row without " + naturalId);
        return id.toString();
    }

    /** Fails with the column's name unless the row has one value per column, each of the column's Java type. */
    public void check(Row row) {
        StructField[] fields = schema.fields();
        if (row.length() != fields.length) {
            throw new IllegalArgumentException(name + ": a row of " + row.length() + " values for " + fields.length + " columns");
        }
        for (int i = 0; i < fields.length; i++) {
            Object v = row.get(i);
            if (v != null && !javaType(fields[i].dataType()).isInstance(v)) {
                throw new IllegalArgumentException(name + "." + fields[i].name() + ": expected " + javaType(fields[i].dataType()).getSimpleName()
                        + ", got " + v.getClass().getSimpleName());
            }
        }
        idOf(row);
    }

    /** The Java class of a column's values, as rows carry them (Spark's java.time API). */
    static Class<?> javaType(DataType type) {
        if (type.equals(DataTypes.StringType)) return String.class;
        if (type.equals(DataTypes.IntegerType)) return Integer.class;
        if (type.equals(DataTypes.LongType)) return Long.class;
        if (type.equals(DataTypes.BooleanType)) return Boolean.class;
        if (type.equals(DataTypes.DateType)) return java.time.LocalDate.class;
        return java.time.Instant.class;
    }
}
