package io.auditwarehouse.cli;

import io.auditwarehouse.cli.FaultMatrix.Phase;
import io.auditwarehouse.cli.FaultMatrix.Point;
import io.auditwarehouse.cli.FaultMatrix.PollingReader;
import io.auditwarehouse.cli.FaultMatrix.Sql;
import io.auditwarehouse.errors.Checkpoints;
import io.auditwarehouse.sinks.MySqlTestConfig;
import io.auditwarehouse.testing.CliProcess;
import io.auditwarehouse.testing.MySqlServer;
import io.auditwarehouse.testing.RealServices;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static io.auditwarehouse.cli.FaultMatrix.assertWhole;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The kill -9 matrix on the MySQL warehouse (Kibana bulk files under --out): as {@link EmbeddedWarehouseFaultsTest}, but the
 * publish is one transaction, so the reader (one statement, one snapshot) must never see a torn date, not even while
 * the batch is halted or the repair publishes. Each case starts from a copy of the undisturbed run's schema.
 */
@ExtendWith(RealServices.class)
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class MySqlWarehouseFaultsIT {

    @TempDir
    static Path shared;
    @TempDir
    Path tmp;

    static MySqlServer server;
    static MySqlServer.TestDatabase undisturbedDb;
    static Path undisturbed;

    private static FaultMatrix.Undisturbed before;

    @BeforeAll
    static void oneUndisturbedNightly(MySqlServer mysql) throws Exception {
        server = mysql;
        undisturbedDb = mysql.newDatabase("aw_k9");
        String config = MySqlTestConfig.write(shared, mysql, undisturbedDb.name());
        Cli.expect(ExitCodes.OK, "migrate", "--config", config);
        undisturbed = shared.resolve("undisturbed");
        Cli.expect(ExitCodes.OK, FaultMatrix.nightly(undisturbed, config));
        try (Sql sql = sql(undisturbedDb)) {
            before = FaultMatrix.Undisturbed.read(sql, undisturbed);
        }
    }

    @AfterAll
    static void dropTheUndisturbedSchema() throws Exception {
        if (undisturbedDb != null) undisturbedDb.close();
    }

    @ParameterizedTest
    @EnumSource(Point.class)
    void aCommandKilledAtEachPointIsRepairedByTheNextRunToTheUndisturbedState(Point point) throws Exception {
        long started = System.nanoTime();
        try (MySqlServer.TestDatabase db = copy(undisturbedDb, true)) {
            Path out = tmp.resolve("out");
            FaultMatrix.copyTree(undisturbed, out);
            String config = MySqlTestConfig.write(tmp, server, db.name());
            String[] command = point.report() ? FaultMatrix.report(out, config) : FaultMatrix.nightly(out, config);
            try (PollingReader reader = new PollingReader(sql(db), before.view());
                 Sql sql = sql(db)) {
                FaultMatrix.Repaired run = FaultMatrix.haltThenRepair("mysql", point, tmp, command, reader, () -> sql(db));
                // one transaction per publish: never a torn date, at any time
                assertWhole("while publishing, " + reader.summary(), reader.defects(Phase.values()));
                FaultMatrix.assertLedger(point, run, FaultMatrix.ledger(sql), before.batch());
                assertEquals(before.tables(), FaultMatrix.tables(sql), "table for table, row for row, as undisturbed");
                assertEquals(List.of(), leftInStaging(db), "no staged rows are left behind");
            }
            assertEquals(before.kibana(), FaultMatrix.kibanaFiles(out), "document for document, as undisturbed");
            if (point.report()) Cli.expect(ExitCodes.OK, "verify", out.resolve("reports/" + FaultMatrix.MONTH).toString());
        }
        System.out.printf("kill -9 matrix, mysql, %s: %.1f s%n", point, (System.nanoTime() - started) / 1e9);
    }

    /**
     * Issue 10, MySQL: the job's publishing connection killed from another session ({@code KILL <id>}) while it is
     * stopped between two table statements of its publish transaction. The server rolls the transaction back: the
     * previous state is intact (batch ids included), the batch is FAILED, the command exits 4, the next run completes.
     */
    @Test
    void theJobsConnectionKilledInTheMiddleOfThePublishRollsBackExitsFourAndTheNextRunCompletes() throws Exception {
        long started = System.nanoTime();
        try (MySqlServer.TestDatabase db = copy(undisturbedDb, true)) {
            Path out = tmp.resolve("out");
            FaultMatrix.copyTree(undisturbed, out);
            String config = MySqlTestConfig.write(tmp, server, db.name());
            Map<String, List<String>> previous;
            try (Sql sql = sql(db)) {
                previous = FaultMatrix.tables(sql, Set.of());
            }
            try (PollingReader reader = new PollingReader(sql(db), before.view())) {
                reader.enter(Phase.BEFORE);
                CliProcess job = CliProcess.start(tmp, "killed", List.of(),
                        Map.of(Checkpoints.ENV, Checkpoints.BETWEEN_TABLE_COMMITS + ":pause"), FaultMatrix.nightly(out, config));
                reader.enter(Phase.DISTURBED);
                job.awaitPause(Checkpoints.BETWEEN_TABLE_COMMITS, Duration.ofMinutes(5));
                long id = publishingConnection(db);
                try (Connection admin = server.connect(null); Statement s = admin.createStatement()) {
                    s.execute("KILL " + id);
                }
                job.resume();
                job.expectExit(ExitCodes.WRITE_FAILED, Duration.ofMinutes(5));
                reader.enter(Phase.HALTED);
                List<String> errors = job.output().lines().filter(l -> l.startsWith("error")).toList();
                assertEquals(1, errors.size(), job.output());
                assertTrue(errors.get(0).startsWith("error (write failed): publishing batch nightly-"), errors.get(0));
                assertFalse(job.output().contains("\tat "), "no stack trace: " + job.output());
                try (Sql sql = sql(db)) {
                    assertEquals(previous, FaultMatrix.tables(sql, Set.of()), "rolled back: the previous state intact, batch ids included");
                    Map<String, String> ledger = FaultMatrix.ledger(sql);
                    assertEquals(2, ledger.size(), ledger.toString());
                    ledger.remove(before.batch());
                    assertEquals(List.of("FAILED"), List.copyOf(ledger.values()), "the killed batch is FAILED");
                }
                assertEquals(List.of(), leftInStaging(db), "the failed batch discarded what it staged");
                assertEquals(before.kibana(), FaultMatrix.kibanaFiles(out), "no index published");

                reader.enter(Phase.REPAIRING);
                Cli.expect(ExitCodes.OK, FaultMatrix.nightly(out, config));
                reader.enter(Phase.REPAIRED);
                reader.pollNow();
                reader.close();
                System.out.println("KILL mid-publish, mysql: " + reader.summary());
                assertWhole("at any time, " + reader.summary(), reader.defects(Phase.values()));
            }
            try (Sql sql = sql(db)) {
                assertEquals(before.tables(), FaultMatrix.tables(sql), "the next run: as undisturbed");
            }
            assertEquals(before.kibana(), FaultMatrix.kibanaFiles(out));
        }
        System.out.printf("KILL mid-publish, mysql: %.1f s%n", (System.nanoTime() - started) / 1e9);
    }

    /** The connection of the job that holds an open transaction with rows changed in the schema: the publish. */
    private static long publishingConnection(MySqlServer.TestDatabase db) throws Exception {
        List<Long> ids = new ArrayList<>();
        try (Connection c = server.connect(null); var p = c.prepareStatement("SELECT p.id FROM information_schema.processlist p"
                + " JOIN information_schema.innodb_trx t ON t.trx_mysql_thread_id = p.id"
                + " WHERE p.user = ? AND p.db = ? AND t.trx_rows_modified > 0")) {
            p.setString(1, server.user());
            p.setString(2, db.name());
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) ids.add(r.getLong(1));
            }
        }
        assertEquals(1, ids.size(), "one connection publishing: " + ids);
        return ids.get(0);
    }

    /**
     * Issue 10, concurrency: two nightlies on one empty MySQL warehouse. The first is stopped (by its checkpoint) after
     * taking the writer lock; the second, started then, reads and reconciles and says it waits for the lock; the first
     * goes on. Both exit 0, one after the other, and the tables equal a single run's.
     */
    @Test
    void twoNightliesOnOneWarehouseOnePublishesTheOtherWaitsThenPublishesTheSame() throws Exception {
        long started = System.nanoTime();
        try (MySqlServer.TestDatabase db = copy(undisturbedDb, false)) {
            Path out = tmp.resolve("out");
            String config = MySqlTestConfig.write(tmp, server, db.name());
            FaultMatrix.twoNightliesTogether(tmp, FaultMatrix.nightly(out, config), out, () -> sql(db), () -> sql(undisturbedDb),
                    before.kibana());
        }
        System.out.printf("two nightlies, mysql: %.1f s%n", (System.nanoTime() - started) / 1e9);
    }

    /** The stg_* tables holding rows, with their counts. */
    static List<String> leftInStaging(MySqlServer.TestDatabase db) throws Exception {
        List<String> left = new ArrayList<>();
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            for (String table : tables(c, db.name(), "stg\\_%")) {
                try (ResultSet r = s.executeQuery("SELECT count(*) FROM `" + table + "`")) {
                    r.next();
                    if (r.getLong(1) > 0) left.add(table + ": " + r.getLong(1));
                }
            }
        }
        return left;
    }

    /** A new database with every table of {@code from} (not its views), with or without their rows but Flyway's. */
    static MySqlServer.TestDatabase copy(MySqlServer.TestDatabase from, boolean withRows) throws Exception {
        MySqlServer.TestDatabase to = server.newDatabase("aw_k9");
        try (Connection c = server.connect(null); Statement s = c.createStatement()) {
            for (String table : tables(c, from.name(), "%")) {
                s.execute("CREATE TABLE `" + to.name() + "`.`" + table + "` LIKE `" + from.name() + "`.`" + table + "`");
                if (withRows || table.equals("flyway_schema_history")) {
                    s.execute("INSERT INTO `" + to.name() + "`.`" + table + "` SELECT * FROM `" + from.name() + "`.`" + table + "`");
                }
            }
        }
        return to;
    }

    private static List<String> tables(Connection c, String schema, String like) throws Exception {
        List<String> tables = new ArrayList<>();
        try (var p = c.prepareStatement("SELECT table_name FROM information_schema.tables WHERE table_schema = ?"
                + " AND table_type = 'BASE TABLE' AND table_name LIKE ?")) {
            p.setString(1, schema);
            p.setString(2, like);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) tables.add(r.getString(1));
            }
        }
        return tables;
    }

    /** JDBC over the warehouse schema; every statement is its own snapshot (autocommit, REPEATABLE READ). */
    static Sql sql(MySqlServer.TestDatabase db) throws Exception {
        Connection c = db.connect();
        return new Sql() {
            @Override
            public List<List<String>> query(String sql) throws Exception {
                List<List<String>> rows = new ArrayList<>();
                try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
                    ResultSetMetaData meta = r.getMetaData();
                    List<String> header = new ArrayList<>();
                    for (int i = 1; i <= meta.getColumnCount(); i++) header.add(meta.getColumnLabel(i));
                    rows.add(header);
                    while (r.next()) {
                        List<String> row = new ArrayList<>();
                        for (int i = 1; i <= header.size(); i++) row.add(String.valueOf(r.getString(i)));
                        rows.add(row);
                    }
                }
                return rows;
            }

            @Override
            public String text(String expression) {
                return "cast(" + expression + " as char)";
            }

            @Override
            public void close() throws Exception {
                c.close();
            }
        };
    }
}
