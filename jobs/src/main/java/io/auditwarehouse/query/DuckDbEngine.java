package io.auditwarehouse.query;

import io.auditwarehouse.config.ConfigException;
import io.auditwarehouse.errors.ErrorMessages;
import io.auditwarehouse.sinks.WarehouseViews.TableFiles;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructField;
import org.duckdb.DuckDBDriver;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * DuckDB, in-process, over the warehouse's Parquet files: each table is a view over {@code read_parquet} of its listed
 * files, with the business date read from the folder name as a DATE and every column cast to its documented type.
 */
public final class DuckDbEngine implements QueryEngine {

    /** DuckDB's error classes for a query that is wrong, as opposed to a file that cannot be read. */
    private static final Set<String> QUERY_ERRORS = Set.of("Parser", "Syntax", "Catalog", "Binder", "Conversion",
            "Invalid Input", "Not implemented", "Out of Range", "Missing Extension", "Permission");

    private final Connection connection;

    public DuckDbEngine() {
        Properties settings = new Properties();
        // no network here: an extension that is not built into the driver fails with its name instead of a download
        settings.setProperty("autoinstall_known_extensions", "false");
        settings.setProperty("autoload_known_extensions", "false");
        // rows reach the printer as DuckDB produces them, so a big CSV export is not held in memory first
        settings.setProperty("jdbc_stream_results", "true");
        try {
            // the driver itself, not DriverManager: that would load and initialise every JDBC driver in the jar
            this.connection = new DuckDBDriver().connect("jdbc:duckdb:", settings);
            try (Statement s = connection.createStatement()) {
                // as the Spark session: times in UTC, NULLs first when ascending and last when descending
                s.execute("set TimeZone = 'UTC'");
                s.execute("set default_null_order = 'nulls_first_on_asc_last_on_desc'");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot start DuckDB: " + ErrorMessages.firstLine(e), e);
        } catch (LinkageError e) {
            // the driver carries its native library for Linux (x86-64, arm64) and macOS (arm64) only
            throw new ConfigException("--engine", "DuckDB cannot load its native library on " + System.getProperty("os.name")
                    + " " + System.getProperty("os.arch") + " (" + e + "); use --engine spark");
        }
    }

    @Override
    public void register(TableFiles table) {
        try (Statement s = connection.createStatement()) {
            s.execute("create or replace view " + identifier(table.table()) + " as " + viewQuery(table));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read table " + table.table() + " under " + table.root() + ": " + ErrorMessages.firstLine(e), e);
        }
    }

    @Override
    public void registerRows(String table, org.apache.spark.sql.types.StructType schema, List<org.apache.spark.sql.Row> rows) {
        StructField[] fields = schema.fields();
        String columns = java.util.Arrays.stream(fields).map(f -> identifier(f.name()) + " " + sqlType(f.dataType()))
                .collect(Collectors.joining(", "));
        try (Statement s = connection.createStatement()) {
            s.execute("create or replace temp table " + identifier(table) + " (" + columns + ")");
            try (java.sql.PreparedStatement insert = connection.prepareStatement("insert into " + identifier(table) + " values ("
                    + String.join(", ", java.util.Collections.nCopies(fields.length, "?")) + ")")) {
                for (org.apache.spark.sql.Row r : rows) {
                    for (int i = 0; i < fields.length; i++) {
                        Object v = r.get(i);
                        // a timestamp column holds UTC wall time (the session is in UTC)
                        insert.setObject(i + 1, v instanceof java.time.Instant t ? java.time.LocalDateTime.ofInstant(t, java.time.ZoneOffset.UTC) : v);
                    }
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot build table " + table + ": " + ErrorMessages.firstLine(e), e);
        }
    }

    static String viewQuery(TableFiles t) {
        List<StructField> fields = t.schema() == null ? List.of() : List.of(t.schema().fields());
        if (t.files().isEmpty()) {
            if (fields.isEmpty()) return "select null as empty where false";
            return "select " + fields.stream().map(f -> "cast(null as " + sqlType(f.dataType()) + ") as " + identifier(f.name()))
                    .collect(Collectors.joining(", ")) + " where false";
        }
        String files = t.files().stream().map(p -> literal(p.toString())).collect(Collectors.joining(", ", "[", "]"));
        String partition = t.partitionColumn();
        // hive partitioning yields the folder's key=value; a given type keeps business_date a DATE whatever the values
        String source = "read_parquet(" + files + ", union_by_name = true, hive_partitioning = " + (partition != null)
                + (partition == null ? "" : ", hive_types = {" + literal(partition) + ": 'DATE'}")
                + (t.naturalId() == null ? "" : ", filename = true") + ")";
        if (t.naturalId() != null) {
            // an append-only table: the first row of each natural id, in file (append) order
            source = "(select * from " + source + " qualify row_number() over (partition by " + identifier(t.naturalId())
                    + " order by filename) = 1)";
        }
        String columns = fields.isEmpty() ? "*" : fields.stream()
                .map(f -> "cast(" + identifier(f.name()) + " as " + sqlType(f.dataType()) + ") as " + identifier(f.name()))
                .collect(Collectors.joining(", "));
        return "select " + columns + " from " + source;
    }

    /** DuckDB's name for a warehouse column type; a timestamp is a UTC instant stored without zone, as Spark writes it. */
    static String sqlType(DataType type) {
        if (type.equals(DataTypes.StringType)) return "VARCHAR";
        if (type.equals(DataTypes.IntegerType)) return "INTEGER";
        if (type.equals(DataTypes.LongType)) return "BIGINT";
        if (type.equals(DataTypes.ShortType)) return "SMALLINT";
        if (type.equals(DataTypes.ByteType)) return "TINYINT";
        if (type.equals(DataTypes.DoubleType)) return "DOUBLE";
        if (type.equals(DataTypes.FloatType)) return "FLOAT";
        if (type.equals(DataTypes.BooleanType)) return "BOOLEAN";
        if (type.equals(DataTypes.DateType)) return "DATE";
        if (type.equals(DataTypes.TimestampType)) return "TIMESTAMP";
        if (type.equals(DataTypes.BinaryType)) return "BLOB";
        if (type instanceof DecimalType d) return "DECIMAL(" + d.precision() + ", " + d.scale() + ")";
        if (type instanceof ArrayType a) return sqlType(a.elementType()) + "[]";
        throw new IllegalArgumentException("no DuckDB type for " + type.simpleString());
    }

    @Override
    public QueryResult execute(String sql) {
        try {
            return new DuckDbResult(connection.createStatement(), sql);
        } catch (SQLException e) {
            throw queryError(e);
        }
    }

    /** Runs one query with bound parameters (String, Number, LocalDate, Boolean, or null), e.g. a page's filter. */
    public QueryResult execute(String sql, List<?> parameters) {
        try {
            java.sql.PreparedStatement statement = connection.prepareStatement(sql);
            try {
                for (int i = 0; i < parameters.size(); i++) statement.setObject(i + 1, parameters.get(i));
            } catch (SQLException e) {
                statement.close();
                throw e;
            }
            return new DuckDbResult(statement);
        } catch (SQLException e) {
            throw queryError(e);
        }
    }

    /** A query the engine rejects becomes a usage error (exit 2); anything else stays a failure. */
    static RuntimeException queryError(SQLException e) {
        String line = ErrorMessages.firstLine(e);
        int colon = line.indexOf(" Error:");
        if (colon > 0 && QUERY_ERRORS.contains(line.substring(0, colon))) return new ConfigException("QUERY", line);
        return new IllegalStateException(line, e);
    }

    static String identifier(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            // nothing was written; the in-memory database goes with the process
        }
    }
}
