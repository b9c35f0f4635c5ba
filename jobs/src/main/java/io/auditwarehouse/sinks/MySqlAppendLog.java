package io.auditwarehouse.sinks;

import io.auditwarehouse.errors.ErrorMessages;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Append-only tables in the MySQL warehouse. Each table's DDL is a Flyway migration; its statements are
 * {@code sql/append/<table>.sql}: first the INSERT of one row (every column, in order, as bound parameters), then the
 * SELECT of every row in append order. A call's rows go in one transaction; a row whose natural id (the primary key)
 * is there already fails alone with a duplicate key and is skipped. Plain INSERTs only, so an account allowed to
 * INSERT and nothing else (no SELECT, no UPDATE) can append.
 */
public final class MySqlAppendLog implements AppendOnlyLog {

    private static final int DUPLICATE_KEY = 1062;
    private static final String NO_TABLE = "42S02";

    private final WarehouseDatabase db;

    public MySqlAppendLog(WarehouseDatabase db) {
        this.db = db;
    }

    /** The INSERT and the SELECT of a table, from {@code sql/append/<table>.sql}. */
    public static List<String> statements(AppendOnlyTable table) {
        List<String> s = SqlScripts.statements(SqlScripts.read("append/" + table.name() + ".sql"));
        if (s.size() != 2) throw new IllegalStateException("sql/append/" + table.name() + ".sql: expected an INSERT and a SELECT, found " + s.size() + " statement(s)");
        return s;
    }

    @Override
    public int append(AppendOnlyTable table, List<Row> rows) {
        rows.forEach(table::check);
        String insert = statements(table).get(0);
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            int added = 0;
            try (PreparedStatement p = c.prepareStatement(insert)) {
                for (Row row : rows) {
                    for (int i = 0; i < row.length(); i++) bind(p, i + 1, row.get(i));
                    try {
                        added += p.executeUpdate();
                    } catch (SQLException e) {
                        if (e.getErrorCode() != DUPLICATE_KEY) throw e; // InnoDB undoes this statement only
                    }
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
            return added;
        } catch (SQLException e) {
            throw new WriteFailedException("appending to " + table.name() + " in " + db.url() + " failed: " + ErrorMessages.firstLine(e)
                    + migrateHint(e) + WarehouseDatabase.tlsHint(e), e);
        }
    }

    @Override
    public List<Row> read(AppendOnlyTable table) {
        StructField[] fields = table.schema().fields();
        Map<String, Row> rows = new LinkedHashMap<>();
        try (Connection c = db.connect(); PreparedStatement p = c.prepareStatement(statements(table).get(1)); ResultSet r = p.executeQuery()) {
            while (r.next()) {
                Object[] values = new Object[fields.length];
                for (int i = 0; i < fields.length; i++) values[i] = value(r, i + 1, fields[i].dataType());
                Row row = RowFactory.create(values);
                rows.putIfAbsent(table.idOf(row), row);
            }
        } catch (SQLException e) {
            throw new WriteFailedException("reading " + table.name() + " in " + db.url() + " failed: " + ErrorMessages.firstLine(e)
                    + migrateHint(e) + WarehouseDatabase.tlsHint(e), e);
        }
        return List.copyOf(new ArrayList<>(rows.values()));
    }

    @Override
    public String location() {
        return db.url();
    }

    private static String migrateHint(SQLException e) {
        return NO_TABLE.equals(e.getSQLState()) ? " (run 'audit-warehouse migrate' first)" : "";
    }

    private static Object value(ResultSet r, int i, DataType type) throws SQLException {
        Object v;
        if (type.equals(DataTypes.StringType)) v = r.getString(i);
        else if (type.equals(DataTypes.IntegerType)) v = r.getInt(i);
        else if (type.equals(DataTypes.LongType)) v = r.getLong(i);
        else if (type.equals(DataTypes.BooleanType)) v = r.getBoolean(i);
        else if (type.equals(DataTypes.DateType)) {
            Date d = r.getDate(i);
            v = d == null ? null : d.toLocalDate();
        } else {
            Timestamp t = r.getTimestamp(i);
            v = t == null ? null : t.toInstant();
        }
        return r.wasNull() ? null : v;
    }

    private static void bind(PreparedStatement p, int index, Object value) throws SQLException {
        if (value == null) p.setNull(index, Types.NULL);
        else if (value instanceof Instant t) p.setTimestamp(index, Timestamp.from(t));
        else if (value instanceof LocalDate d) p.setDate(index, Date.valueOf(d));
        else p.setObject(index, value);
    }
}
