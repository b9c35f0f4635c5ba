package io.auditwarehouse.sinks;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The versioned scripts of {@code sql/warehouse/}, applied in the order of its {@code migrations.txt}; each applied
 * version is recorded in {@code schema_version}, so applying again does nothing.
 */
public final class Migrations {

    public static final String INDEX = "warehouse/migrations.txt";
    public static final String VERSION_TABLE = "schema_version";

    private static final String CREATE_VERSION_TABLE = "CREATE TABLE IF NOT EXISTS " + VERSION_TABLE
            + " (version VARCHAR(16) NOT NULL PRIMARY KEY, script VARCHAR(255) NOT NULL, applied_at DATETIME(3) NOT NULL)"
            + " DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin";
    private static final String SELECT_VERSIONS = "SELECT version FROM " + VERSION_TABLE;
    private static final String RECORD_VERSION = "INSERT INTO " + VERSION_TABLE + " (version, script, applied_at) VALUES (?, ?, ?)";

    /** One script: {@code V001__tables.sql} is version {@code V001}. */
    public record Migration(String version, String script) {
        static Migration of(String script) {
            int end = script.indexOf("__");
            if (!script.startsWith("V") || end < 2 || !script.endsWith(".sql")) {
                throw new IllegalStateException("migration " + script + " is not named V<version>__<name>.sql");
            }
            return new Migration(script.substring(0, end), script);
        }
    }

    private Migrations() {
    }

    /** Every migration shipped, in order. */
    public static List<Migration> all() {
        return SqlScripts.read(INDEX).lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .map(Migration::of).toList();
    }

    /** The shipped migrations not yet applied to the schema {@code c} is connected to. */
    public static List<Migration> pending(Connection c) throws SQLException {
        Set<String> applied = applied(c);
        return all().stream().filter(m -> !applied.contains(m.version())).toList();
    }

    /** Applies what is pending, in order; returns what it applied. */
    public static List<Migration> apply(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(CREATE_VERSION_TABLE);
        }
        List<Migration> done = new ArrayList<>();
        for (Migration m : pending(c)) {
            // MySQL commits each DDL statement itself: the version is recorded once all of its statements ran
            try (Statement s = c.createStatement()) {
                for (String sql : SqlScripts.statements(SqlScripts.read("warehouse/" + m.script()))) s.execute(sql);
            } catch (SQLException e) {
                throw new SQLException("migration " + m.script() + " failed: " + e.getMessage(), e.getSQLState(), e);
            }
            try (PreparedStatement p = c.prepareStatement(RECORD_VERSION)) {
                p.setString(1, m.version());
                p.setString(2, m.script());
                p.setTimestamp(3, Timestamp.from(Instant.now()));
                p.executeUpdate();
            }
            done.add(m);
        }
        return done;
    }

    private static Set<String> applied(Connection c) throws SQLException {
        Set<String> versions = new LinkedHashSet<>();
        if (!versionTableExists(c)) return versions;
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(SELECT_VERSIONS)) {
            while (r.next()) versions.add(r.getString(1));
        }
        return versions;
    }

    private static boolean versionTableExists(Connection c) throws SQLException {
        DatabaseMetaData meta = c.getMetaData();
        try (ResultSet r = meta.getTables(c.getCatalog(), null, VERSION_TABLE, new String[]{"TABLE"})) {
            return r.next();
        }
    }
}
