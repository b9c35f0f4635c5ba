package io.auditwarehouse.sinks;

import io.auditwarehouse.errors.Checkpoints;
import io.auditwarehouse.errors.ErrorMessages;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.OptionalLong;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

/**
 * The warehouse as a MySQL schema (created by {@code audit-warehouse migrate}). A batch appends its rows to the
 * {@code stg_*} tables under its batch id; publishing then deletes the dates' rows and copies the staged rows in,
 * for every table, in ONE transaction: a reader sees the old rows or the new, never a gap or a mix.
 * Every failure surfaces as {@link WriteFailedException}.
 */
public final class MySqlWarehouse implements WarehouseSink {

    private static final String STAGE_BATCH_ID = "stage_batch_id";
    private static final int BATCH_SIZE = 1000;
    private static final List<String> STAGED = List.of(WarehouseTables.RUN, WarehouseTables.FINDING,
            WarehouseTables.APPROVAL, WarehouseTables.DAILY_SUMMARY, WarehouseTables.CATALOG, WarehouseTables.QUARANTINE);
    private static final String UPSERT_BATCH = upsertBatch();

    private final SparkSession spark;
    private final WarehouseDatabase db;
    private boolean migrated;

    public MySqlWarehouse(SparkSession spark, WarehouseDatabase db) {
        this.spark = spark;
        this.db = db;
    }

    @Override
    public Dataset<Row> read(String table) {
        StructType schema = schemaOf(table);
        return writing("reading " + table, () -> {
            ensureMigrated();
            return typed(spark.read().jdbc(db.url(), table, db.properties()), schema);
        });
    }

    @Override
    public Dataset<Row> readDates(String table, StructType schema, Collection<LocalDate> dates) {
        return read(table).filter(col(WarehouseTables.BUSINESS_DATE).isin(dates.toArray()));
    }

    @Override
    public void stage(String batchId, String table, Dataset<Row> rows) {
        writing("staging " + table, () -> {
            ensureMigrated();
            appendToStaging(batchId, table, rows);
            return null;
        });
    }

    @Override
    public OptionalLong publish(String batchId, Collection<String> tables, Collection<LocalDate> dates) {
        for (String table : tables) {
            if (WarehouseTables.BATCH.equals(table)) throw new IllegalArgumentException(table + " is not published by a batch");
            schemaOf(table);
        }
        writing("publishing batch " + batchId, () -> {
            ensureMigrated();
            try (Connection c = db.connect()) {
                inTransaction(c, () -> {
                    boolean first = true;
                    for (String table : tables) {
                        if (WarehouseTables.DATED.contains(table) && dates.isEmpty()) continue;
                        if (!first) Checkpoints.reach(Checkpoints.BETWEEN_TABLE_COMMITS); // test-only fault injection
                        first = false;
                        if (WarehouseTables.DATED.contains(table)) {
                            String inDates = "business_date IN (" + placeholders(dates.size()) + ")";
                            update(c, "DELETE FROM " + table + " WHERE " + inDates, dates.toArray());
                            update(c, copyStaged(table) + " AND " + inDates, concat(batchId, dates));
                        } else {
                            update(c, "DELETE FROM " + table);
                            update(c, copyStaged(table), batchId);
                        }
                        update(c, "DELETE FROM " + staging(table) + " WHERE " + STAGE_BATCH_ID + " = ?", batchId);
                    }
                });
            }
            return null;
        });
        return OptionalLong.empty(); // MySQL keeps only the current rows: no version to name
    }

    @Override
    public void recordBatch(BatchRecord batch) {
        writing("recording batch " + batch.batchId(), () -> {
            ensureMigrated();
            try (Connection c = db.connect(); PreparedStatement p = c.prepareStatement(UPSERT_BATCH)) {
                Row row = batch.toRow();
                StructField[] fields = BatchRecord.SCHEMA.fields();
                for (int i = 0; i < fields.length; i++) bind(p, i + 1, row.get(i));
                p.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public void discardStaging(String batchId) {
        writing("discarding the staging rows of batch " + batchId, () -> {
            try (Connection c = db.connect()) {
                inTransaction(c, () -> {
                    for (String table : STAGED) {
                        update(c, "DELETE FROM " + staging(table) + " WHERE " + STAGE_BATCH_ID + " = ?", batchId);
                    }
                });
            }
            return null;
        });
    }

    @Override
    public OptionalLong version() {
        return OptionalLong.empty();
    }

    @Override
    public WarehouseSink at(long version) {
        throw new UnsupportedOperationException("time travel needs the embedded warehouse: MySQL keeps only the current rows");
    }

    @Override
    public OptionalLong committedBy(String batchId) {
        return OptionalLong.empty();
    }

    /** Staged rows of batches that died before publishing (all staging happens under the writer lock, held now). */
    @Override
    public String recover(Instant now) {
        int[] deleted = {0};
        writing("discarding the staging rows of interrupted batches", () -> {
            ensureMigrated();
            try (Connection c = db.connect()) {
                inTransaction(c, () -> {
                    for (String table : STAGED) {
                        try (PreparedStatement p = c.prepareStatement("DELETE FROM " + staging(table))) {
                            deleted[0] += p.executeUpdate();
                        }
                    }
                });
            }
            return null;
        });
        return deleted[0] == 0 ? null : "warehouse: discarded " + deleted[0] + " staged row(s) of interrupted batches";
    }

    @Override
    public AppendOnlyLog appendOnly() {
        return new MySqlAppendLog(db);
    }

    @Override
    public String location() {
        return db.url();
    }

    /** Fails with a message telling the operator to run {@code migrate} unless every shipped migration is applied. */
    private void ensureMigrated() throws SQLException {
        if (migrated) return;
        List<String> pending = Migrations.pending(db);
        if (!pending.isEmpty()) {
            throw new WriteFailedException("the warehouse schema " + db.schema() + " is not migrated (pending: "
                    + String.join(", ", pending) + "): run 'audit-warehouse migrate' first", null);
        }
        migrated = true;
    }

    private void appendToStaging(String batchId, String table, Dataset<Row> rows) {
        rows.select(columns(schemaOf(table))).withColumn(STAGE_BATCH_ID, lit(batchId))
                .write().mode(SaveMode.Append).option("batchsize", BATCH_SIZE)
                .jdbc(db.url(), staging(table), db.properties());
    }

    private static String upsertBatch() {
        List<String> names = Arrays.asList(BatchRecord.SCHEMA.fieldNames());
        return "INSERT INTO " + WarehouseTables.BATCH + " (" + String.join(", ", names) + ") VALUES ("
                + placeholders(names.size()) + ") ON DUPLICATE KEY UPDATE "
                + names.stream().skip(1).map(n -> n + " = VALUES(" + n + ")").collect(Collectors.joining(", "));
    }

    /** {@code INSERT INTO t (cols) SELECT cols FROM stg_t WHERE stage_batch_id = ?} */
    private static String copyStaged(String table) {
        String names = String.join(", ", schemaOf(table).fieldNames());
        return "INSERT INTO " + table + " (" + names + ") SELECT " + names + " FROM " + staging(table)
                + " WHERE " + STAGE_BATCH_ID + " = ?";
    }

    private static String staging(String table) {
        return "stg_" + table;
    }

    private static StructType schemaOf(String table) {
        StructType schema = WarehouseTables.schemaOf(table);
        if (schema == null) throw new IllegalArgumentException(table + " is not a warehouse table");
        return schema;
    }

    /** JDBC types differ a little from ours (TINYINT(1), INT for BIGINT...): every column cast back, in order. */
    private static Dataset<Row> typed(Dataset<Row> rows, StructType schema) {
        return rows.select(Arrays.stream(schema.fields()).map(f -> col(f.name()).cast(f.dataType()).as(f.name()))
                .toArray(Column[]::new));
    }

    private static Column[] columns(StructType schema) {
        return Arrays.stream(schema.fieldNames()).map(org.apache.spark.sql.functions::col).toArray(Column[]::new);
    }

    private static String placeholders(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }

    private static Object[] concat(String first, Collection<LocalDate> rest) {
        Object[] values = new Object[rest.size() + 1];
        values[0] = first;
        int i = 1;
        for (LocalDate d : rest) values[i++] = d;
        return values;
    }

    private static void update(Connection c, String sql, Object... values) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) bind(p, i + 1, values[i]);
            p.executeUpdate();
        }
    }

    private static void bind(PreparedStatement p, int index, Object value) throws SQLException {
        if (value == null) p.setNull(index, Types.NULL);
        else if (value instanceof Instant t) p.setTimestamp(index, Timestamp.from(t));
        else if (value instanceof LocalDate d) p.setDate(index, Date.valueOf(d));
        else p.setObject(index, value);
    }

    private interface SqlWork {
        void run() throws SQLException;
    }

    private static void inTransaction(Connection c, SqlWork work) throws SQLException {
        c.setAutoCommit(false);
        try {
            work.run();
            c.commit();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        }
    }

    private interface Writing<T> {
        T run() throws Exception;
    }

    private <T> T writing(String what, Writing<T> work) {
        try {
            return work.run();
        } catch (WriteFailedException e) {
            throw e;
        } catch (Exception e) { // Spark rethrows driver SQLExceptions undeclared
            throw new WriteFailedException(what + " in " + db.url() + " failed: " + ErrorMessages.firstLine(e), e);
        }
    }
}
