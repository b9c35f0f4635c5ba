package io.auditwarehouse.query;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/** A DuckDB result set read as plain Java values: TIMESTAMP (UTC wall time) as Instant, DATE as LocalDate, LIST as List. */
final class DuckDbResult implements QueryResult {

    private final Statement statement;
    private final ResultSet rows;
    private final List<String> columns = new ArrayList<>();
    private final List<String> types = new ArrayList<>();

    DuckDbResult(Statement statement, String sql) throws SQLException {
        this(statement, () -> statement.executeQuery(sql));
    }

    /** A prepared statement's result, its parameters already bound. */
    DuckDbResult(PreparedStatement statement) throws SQLException {
        this(statement, statement::executeQuery);
    }

    private interface Query {
        ResultSet run() throws SQLException;
    }

    private DuckDbResult(Statement statement, Query query) throws SQLException {
        this.statement = statement;
        try {
            this.rows = query.run();
            ResultSetMetaData meta = rows.getMetaData();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                columns.add(meta.getColumnLabel(i));
                types.add(meta.getColumnTypeName(i));
            }
        } catch (SQLException e) {
            statement.close();
            throw e;
        }
    }

    @Override
    public List<String> columns() {
        return columns;
    }

    @Override
    public Iterator<List<Object>> rows(long limit) {
        return new Iterator<>() {
            long read;
            Boolean ahead;

            @Override
            public boolean hasNext() {
                if (limit >= 0 && read >= limit) return false;
                if (ahead == null) {
                    try {
                        ahead = rows.next();
                        if (!ahead) statement.close();
                    } catch (SQLException e) {
                        throw DuckDbEngine.queryError(e);
                    }
                }
                return ahead;
            }

            @Override
            public List<Object> next() {
                if (!hasNext()) throw new NoSuchElementException();
                ahead = null;
                read++;
                try {
                    List<Object> values = new ArrayList<>(columns.size());
                    for (int i = 0; i < columns.size(); i++) values.add(value(i + 1, types.get(i)));
                    return values;
                } catch (SQLException e) {
                    throw DuckDbEngine.queryError(e);
                }
            }
        };
    }

    private Object value(int column, String type) throws SQLException {
        if (type.equals("TIMESTAMP WITH TIME ZONE")) {
            OffsetDateTime t = rows.getObject(column, OffsetDateTime.class);
            return t == null ? null : t.toInstant();
        }
        if (type.startsWith("TIMESTAMP")) {
            LocalDateTime t = rows.getObject(column, LocalDateTime.class);
            return t == null ? null : t.toInstant(ZoneOffset.UTC);
        }
        if (type.equals("DATE")) return rows.getObject(column, LocalDate.class);
        return javaValue(rows.getObject(column));
    }

    /** Nested values (LIST, STRUCT) as List and Map; timestamps inside them keep the driver's types. */
    private static Object javaValue(Object v) throws SQLException {
        if (v instanceof Array a) {
            List<Object> list = new ArrayList<>();
            for (Object e : (Object[]) a.getArray()) list.add(javaValue(e));
            return list;
        }
        if (v instanceof org.duckdb.DuckDBStruct s) {
            Map<Object, Object> m = new LinkedHashMap<>();
            for (Map.Entry<String, Object> e : s.getMap().entrySet()) m.put(e.getKey(), javaValue(e.getValue()));
            return m;
        }
        return v;
    }
}
