package io.auditwarehouse.cli;

import io.auditwarehouse.config.AppConfig;
import io.auditwarehouse.errors.ErrorMessages;
import io.auditwarehouse.sinks.Migrations;
import io.auditwarehouse.sinks.QuartzTables;
import io.auditwarehouse.sinks.WarehouseDatabase;
import io.auditwarehouse.sinks.WriteFailedException;
import io.auditwarehouse.sources.SourceUnavailableException;
import org.flywaydb.core.api.FlywayException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

@Command(name = "migrate", mixinStandardHelpOptions = true, footer = ExitCodes.HELP,
        description = "Creates the MySQL warehouse schema (warehouse.schema) if missing and applies the pending "
                + "migrations of sql/warehouse/ with Flyway (checksums in flyway_schema_history; an edited, already-applied "
                + "script is refused; two nodes starting together migrate once); a warehouse made before Flyway is "
                + "baselined at the version it had. Then creates the scheduler's Quartz tables (QRTZ_*) if missing. "
                + "Running it again applies nothing.")
final class MigrateCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        AppConfig config = common.load();
        WarehouseDatabase db = WarehouseDatabase.of(config.servers());
        PrintWriter out = spec.commandLine().getOut();
        try {
            try (Connection c = db.connectToServer(); Statement s = c.createStatement()) {
                // the schema name matched [A-Za-z_][A-Za-z0-9_]* in WarehouseDatabase.of
                s.execute("CREATE DATABASE IF NOT EXISTS `" + db.schema() + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
            }
            Migrations.Outcome migrated = migrate(db);
            boolean quartz;
            try (Connection c = db.connect()) {
                quartz = QuartzTables.apply(c);
            }
            if (migrated.baselinedAt() != null) {
                out.println("baselined the warehouse made before Flyway at version " + migrated.baselinedAt()
                        + " (from " + Migrations.LEGACY_TABLE + ", which is no longer kept)");
            }
            if (migrated.applied().isEmpty() && !quartz) out.println("schema " + db.schema() + " is up to date; nothing applied");
            migrated.applied().forEach(script -> out.println("applied " + script));
            if (quartz) out.println("created the scheduler's Quartz tables (QRTZ_*)");
            out.println("warehouse: " + db.url());
            return ExitCodes.OK;
        } catch (SQLException e) {
            if (unreachable(e)) {
                throw new SourceUnavailableException("warehouse " + db.url(), "unreachable: " + ErrorMessages.firstLine(e), e);
            }
            throw new WriteFailedException("migrating " + db.url() + " failed: " + ErrorMessages.firstLine(e), e);
        }
    }

    /**
     * Flyway puts what failed on the lines after its first ("Validate failed: Migrations have failed validation",
     * then "Migration checksum mismatch for migration version 002"): those, on one line, without its advice, the
     * checksums, and a failed statement's text and position.
     */
    static String reason(FlywayException e) {
        List<String> lines = e.getMessage() == null ? List.of() : e.getMessage().lines().map(String::strip)
                .filter(l -> !l.isEmpty() && Stream.of("->", "-----", "Either", "Need more", "SQL State", "Error Code",
                        "Location", "Line", "Statement").noneMatch(l::startsWith))
                .toList();
        return lines.isEmpty() ? ErrorMessages.firstLine(e) : String.join(": ", lines);
    }

    /** Flyway reports its failures (a refused checksum, a failed script, a lost connection) as FlywayException. */
    private static Migrations.Outcome migrate(WarehouseDatabase db) throws SQLException {
        try {
            return Migrations.apply(db);
        } catch (FlywayException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof SQLException sql && unreachable(sql)) throw sql;
            }
            throw new WriteFailedException("migrating " + db.url() + " failed: " + reason(e), e);
        }
    }

    private static boolean unreachable(SQLException e) {
        return e instanceof SQLNonTransientConnectionException || e instanceof SQLTransientConnectionException
                || (e.getSQLState() != null && e.getSQLState().startsWith("08"));
    }
}
