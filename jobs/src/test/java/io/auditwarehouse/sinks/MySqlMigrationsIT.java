package io.auditwarehouse.sinks;

import io.auditwarehouse.cli.Cli;
import io.auditwarehouse.testing.MySqlServer;
import io.auditwarehouse.testing.RealServices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `migrate` builds the schema from nothing, mirrors WarehouseTables, and a second run applies nothing. */
@ExtendWith(RealServices.class)
class MySqlMigrationsIT {

    @TempDir
    Path tmp;

    @Test
    void migrateAppliesEveryVersionOnceAndTablesMirrorTheSparkSchemas(MySqlServer server) throws Exception {
        try (MySqlServer.TestDatabase db = server.newDatabase("aw_migrate")) {
            String config = MySqlTestConfig.write(tmp, server, db.name());

            Cli first = Cli.expect(0, "migrate", "--config", config);
            for (Migrations.Migration m : Migrations.all()) assertTrue(first.out().contains("applied " + m.script()), first.out());

            Cli second = Cli.expect(0, "migrate", "--config", config);
            assertTrue(second.out().contains("nothing applied"), second.out());
            assertTrue(!second.out().contains("applied V"), second.out());

            try (Connection c = db.connect()) {
                assertEquals(Migrations.all().size(), count(c, "SELECT count(*) FROM schema_version"));
                for (String table : WarehouseTables.ALL) {
                    assertEquals(Arrays.asList(WarehouseTables.schemaOf(table).fieldNames()), columns(c, table), table);
                    List<String> staged = new ArrayList<>(Arrays.asList(WarehouseTables.schemaOf(table).fieldNames()));
                    staged.add("stage_batch_id");
                    if (!table.equals(WarehouseTables.BATCH)) assertEquals(staged, columns(c, "stg_" + table), table);
                }
            }
        }
    }

    @Test
    void migrateCreatesAMissingSchema(MySqlServer server) throws Exception {
        try (MySqlServer.TestDatabase db = server.newDatabase("aw_fresh")) {
            try (Connection c = db.connect(); Statement s = c.createStatement()) {
                s.execute("DROP DATABASE `" + db.name() + "`");
            }
            Cli.expect(0, "migrate", "--config", MySqlTestConfig.write(tmp, server, db.name()));
            try (Connection c = db.connect()) {
                assertEquals(0, count(c, "SELECT count(*) FROM recon_run"));
            }
        }
    }

    @Test
    void migrateWithoutAWarehouseNamesTheKeyAndAnUnreachableServerExitsThree() throws Exception {
        Path empty = Files.writeString(tmp.resolve("empty.yaml"), "");
        Cli none = Cli.expect(2, "migrate", "--config", empty.toString());
        assertTrue(none.err().contains("warehouse.jdbc_url"), none.err());

        Path closed = Files.writeString(tmp.resolve("closed.yaml"), "warehouse:\n  jdbc_url: jdbc:mysql://127.0.0.1:1/\n");
        Cli unreachable = Cli.expect(3, "migrate", "--config", closed.toString());
        assertTrue(unreachable.err().contains("jdbc:mysql://127.0.0.1:1/audit_dw"), unreachable.err());
    }

    private static long count(Connection c, String sql) throws Exception {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    private static List<String> columns(Connection c, String table) throws Exception {
        List<String> names = new ArrayList<>();
        try (ResultSet r = c.getMetaData().getColumns(c.getCatalog(), null, table, null)) {
            while (r.next()) names.add(r.getString("COLUMN_NAME"));
        }
        return names;
    }
}
