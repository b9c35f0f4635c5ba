package io.auditwarehouse.cli;

import io.auditwarehouse.config.AppConfig;
import io.auditwarehouse.errors.ErrorMessages;
import io.auditwarehouse.sinks.Migrations;
import io.auditwarehouse.sinks.QuartzTables;
import io.auditwarehouse.sinks.WarehouseDatabase;
import io.auditwarehouse.sinks.WriteFailedException;
import io.auditwarehouse.sources.SourceUnavailableException;
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

@Command(name = "migrate", mixinStandardHelpOptions = true, footer = ExitCodes.HELP,
        description = "Creates the MySQL warehouse schema (warehouse.schema) if missing and applies the pending "
                + "migrations of sql/warehouse/; running it again applies nothing.")
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
            List<Migrations.Migration> applied;
            boolean quartz;
            try (Connection c = db.connect()) {
                applied = Migrations.apply(c);
                quartz = QuartzTables.apply(c);
            }
            if (applied.isEmpty() && !quartz) out.println("schema " + db.schema() + " is up to date; nothing applied");
            applied.forEach(m -> out.println("applied " + m.script()));
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

    private static boolean unreachable(SQLException e) {
        return e instanceof SQLNonTransientConnectionException || e instanceof SQLTransientConnectionException
                || (e.getSQLState() != null && e.getSQLState().startsWith("08"));
    }
}
