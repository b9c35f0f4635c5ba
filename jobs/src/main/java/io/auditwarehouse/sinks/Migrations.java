package io.auditwarehouse.sinks;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Logger;

/**
 * The versioned scripts of {@code sql/warehouse/} ({@code V001__tables.sql}, ...), applied by Flyway: each applied
 * script is recorded with its checksum in {@code flyway_schema_history}, an applied script that was edited since is
 * refused, and Flyway's lock (a MySQL named lock) lets one of two nodes starting together migrate while the other
 * waits, then finds nothing to do.
 * <p>
 * A warehouse created before Flyway recorded its versions in {@code schema_version}; its first Flyway migration
 * baselines at the highest version recorded there, so nothing already applied runs again.
 */
public final class Migrations {

    public static final String LOCATION = "classpath:sql/warehouse";
    public static final String HISTORY_TABLE = "flyway_schema_history";
    /** Where {@code migrate} recorded the versions it applied before Flyway. */
    public static final String LEGACY_TABLE = "schema_version";

    /** What one {@code migrate} did: the version it baselined an older warehouse at (or null), the scripts it ran. */
    public record Outcome(String baselinedAt, List<String> applied) {
    }

    private Migrations() {
    }

    /** Baselines a warehouse made before Flyway if needed, then applies what is pending, in order. */
    public static Outcome apply(WarehouseDatabase db) throws SQLException {
        String legacy = tableExists(db, HISTORY_TABLE) ? null : legacyVersion(db);
        // baselining inside migrate keeps it under Flyway's lock, should two nodes upgrade the same warehouse at once
        MigrateResult result = flyway(db, legacy).migrate();
        List<String> applied = new ArrayList<>();
        if (result.migrations != null) result.migrations.forEach(m -> applied.add(script(m.filepath)));
        return new Outcome(legacy, applied);
    }

    /** The shipped scripts the schema has not applied yet (all of them for an empty schema). */
    public static List<String> pending(WarehouseDatabase db) {
        return Arrays.stream(flyway(db, null).info().pending()).map(MigrationInfo::getScript).toList();
    }

    /** @param legacyVersion the version to baseline a warehouse made before Flyway at; null for any other */
    private static Flyway flyway(WarehouseDatabase db, String legacyVersion) {
        return Flyway.configure()
                .dataSource(dataSource(db))
                .locations(LOCATION)
                .table(HISTORY_TABLE)
                .baselineOnMigrate(legacyVersion != null)
                .baselineVersion(legacyVersion == null ? "1" : legacyVersion)
                .baselineDescription("migrated before Flyway (" + LEGACY_TABLE + ")")
                .validateOnMigrate(true)
                .cleanDisabled(true)
                .load();
    }

    /** The highest version today's {@code schema_version} records, as Flyway writes it ({@code V003} is 3). */
    private static String legacyVersion(WarehouseDatabase db) throws SQLException {
        if (!tableExists(db, LEGACY_TABLE)) return null;
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT version FROM " + LEGACY_TABLE)) {
            int highest = 0;
            while (r.next()) highest = Math.max(highest, Integer.parseInt(r.getString(1).substring(1)));
            return highest == 0 ? null : Integer.toString(highest);
        }
    }

    private static boolean tableExists(WarehouseDatabase db, String table) throws SQLException {
        try (Connection c = db.connect()) {
            DatabaseMetaData meta = c.getMetaData();
            try (ResultSet r = meta.getTables(c.getCatalog(), null, table, new String[]{"TABLE"})) {
                return r.next();
            }
        }
    }

    private static String script(String path) {
        if (path == null) return "";
        int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
        return path.substring(slash + 1);
    }

    /** Flyway connects through the warehouse's own driver and settings (the MariaDB driver on jdbc:mysql:// URLs). */
    private static DataSource dataSource(WarehouseDatabase db) {
        return new DataSource() {
            @Override
            public Connection getConnection() throws SQLException {
                return db.connect();
            }

            @Override
            public Connection getConnection(String user, String password) throws SQLException {
                return db.connect();
            }

            @Override
            public PrintWriter getLogWriter() {
                return null;
            }

            @Override
            public void setLogWriter(PrintWriter out) {
            }

            @Override
            public void setLoginTimeout(int seconds) {
            }

            @Override
            public int getLoginTimeout() {
                return 0;
            }

            @Override
            public Logger getParentLogger() throws SQLFeatureNotSupportedException {
                throw new SQLFeatureNotSupportedException();
            }

            @Override
            public <T> T unwrap(Class<T> type) throws SQLException {
                throw new SQLException("not a wrapper");
            }

            @Override
            public boolean isWrapperFor(Class<?> type) {
                return false;
            }
        };
    }
}
