package io.auditwarehouse.sinks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The tables of Quartz's JDBC job store (the {@code scheduler} command, clustered), created from the MySQL InnoDB
 * script shipped inside the Quartz jar, so they always match the Quartz version on the class path. Applied by
 * {@code migrate} when {@code QRTZ_LOCKS} is missing; the script's {@code DROP TABLE} statements are never run.
 */
public final class QuartzTables {

    static final String SCRIPT = "/org/quartz/impl/jdbcjobstore/tables_mysql_innodb.sql";
    public static final String MARKER = "QRTZ_LOCKS";
    /** MySQL's named locks are server-wide: the lock names the schema. */
    private static final String LOCK_PREFIX = "aw_quartz_tables.";
    private static final int LOCK_WAIT_SECONDS = 120;

    private QuartzTables() {
    }

    /**
     * Creates the tables unless they exist; true when it created them. Under a named lock, so that of two migrates
     * running together one creates them and the other finds them.
     */
    public static boolean apply(Connection c) throws SQLException {
        String lock = LOCK_PREFIX + c.getCatalog();
        try (Statement s = c.createStatement()) {
            try (PreparedStatement p = c.prepareStatement("SELECT GET_LOCK(?, ?)")) {
                p.setString(1, lock);
                p.setInt(2, LOCK_WAIT_SECONDS);
                try (ResultSet r = p.executeQuery()) {
                    if (!r.next() || r.getInt(1) != 1) {
                        throw new SQLException("another migrate held the lock " + lock + " for " + LOCK_WAIT_SECONDS + " s");
                    }
                }
            }
            try {
                if (exist(c)) return false;
                for (String sql : statements()) s.execute(sql);
                return true;
            } catch (SQLException e) {
                throw new SQLException("creating the Quartz tables failed: " + e.getMessage(), e.getSQLState(), e);
            } finally {
                try (PreparedStatement p = c.prepareStatement("SELECT RELEASE_LOCK(?)")) {
                    p.setString(1, lock);
                    p.executeQuery().close();
                }
            }
        }
    }

    public static boolean exist(Connection c) throws SQLException {
        DatabaseMetaData meta = c.getMetaData();
        try (ResultSet r = meta.getTables(c.getCatalog(), null, MARKER, new String[]{"TABLE"})) {
            return r.next();
        }
    }

    /** CREATE TABLE and CREATE INDEX statements of the shipped script, comments, DROPs and COMMIT left out. */
    static List<String> statements() {
        String script;
        try (InputStream in = QuartzTables.class.getResourceAsStream(SCRIPT)) {
            if (in == null) throw new IllegalStateException(SCRIPT + " is missing from the Quartz jar");
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        StringBuilder kept = new StringBuilder();
        for (String line : script.split("\n")) {
            String t = line.strip();
            if (t.startsWith("#") || t.startsWith("--")) continue;
            kept.append(line).append('\n');
        }
        List<String> out = new ArrayList<>();
        for (String sql : SqlScripts.statements(kept.toString())) {
            String head = sql.strip().toUpperCase(Locale.ROOT);
            if (head.startsWith("CREATE TABLE") || head.startsWith("CREATE INDEX")) out.add(sql.strip());
        }
        return out;
    }
}
