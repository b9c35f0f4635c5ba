package io.auditwarehouse.sinks;

import io.auditwarehouse.cli.Cli;
import io.auditwarehouse.cli.ExitCodes;
import io.auditwarehouse.config.ConfigLoader;
import io.auditwarehouse.testing.MySqlServer;
import io.auditwarehouse.testing.RealServices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The MySQL warehouse's writer lock (GET_LOCK named after the schema) against a second holder, a release and a KILL. */
@ExtendWith(RealServices.class)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class MySqlWarehouseLockIT {

    private static final String FIRST = "nightly batch nightly-20261002T173000Z-aaaaaa";

    @TempDir
    Path tmp;

    @Test
    void aSecondHolderWaitsGivesUpNamingTheFirstAndAKilledConnectionFreesTheLock(MySqlServer server) throws Exception {
        try (MySqlServer.TestDatabase schema = server.newDatabase("aw_lock")) {
            WarehouseDatabase db = migrated(server, schema);
            MySqlWarehouseLock first = new MySqlWarehouseLock(db, Duration.ZERO);
            WarehouseLock.Held held = first.acquire(FIRST, line -> {
                throw new AssertionError("nothing to wait for: " + line);
            });
            long holderConnection;
            try (Connection admin = schema.connect()) {
                holderConnection = lockOwner(admin, first.name());
                assertEquals(1, count(admin, "SELECT count(*) FROM writer_lock WHERE connection_id = " + holderConnection));
            }

            List<String> waits = new CopyOnWriteArrayList<>();
            WarehouseBusyException busy = assertThrows(WarehouseBusyException.class,
                    () -> new MySqlWarehouseLock(db, Duration.ofSeconds(1)).acquire("nightly batch second", waits::add));
            String m = busy.getMessage();
            assertEquals(1, m.lines().count(), m);
            assertTrue(m.startsWith("the warehouse " + db.url() + " is locked by " + FIRST + " on connection " + holderConnection
                    + " (host " + InetAddress.getLocalHost().getHostName() + ", pid " + ProcessHandle.current().pid() + ", since 20"), m);
            assertTrue(m.endsWith("; gave up after waiting 1s (warehouse.lock_wait)"), m);
            assertEquals(1, waits.size(), waits.toString());
            assertTrue(waits.get(0).endsWith("waiting up to 1s (warehouse.lock_wait)"), waits.get(0));
            held.confirm();

            try (Connection admin = schema.connect(); Statement s = admin.createStatement()) {
                s.execute("KILL " + holderConnection);
            }
            // the server frees the lock as the killed connection ends: the next holder waits for that, no longer
            try (WarehouseLock.Held next = new MySqlWarehouseLock(db, Duration.ofMinutes(1)).acquire("nightly batch after-the-kill", line -> { })) {
                next.confirm();
                WriteFailedException lost = assertThrows(WriteFailedException.class, held::confirm);
                assertTrue(lost.getMessage().contains("was lost"), lost.getMessage());
                held.close();
                try (Connection admin = schema.connect()) {
                    assertEquals(1, count(admin, "SELECT count(*) FROM writer_lock WHERE holder = 'nightly batch after-the-kill'"));
                }
            }
            try (Connection admin = schema.connect()) {
                assertEquals(0, count(admin, "SELECT count(*) FROM writer_lock"), "a released lock keeps no label");
                assertEquals(0, count(admin, "SELECT count(*) FROM (SELECT IS_USED_LOCK('" + first.name() + "') AS c) l WHERE c IS NOT NULL"));
            }
        }
    }

    @Test
    void aNightlyOnABusyWarehouseExitsWithOneLineNamingTheHolderAndWritesNothing(MySqlServer server) throws Exception {
        try (MySqlServer.TestDatabase schema = server.newDatabase("aw_lock")) {
            String config = MySqlTestConfig.write(tmp, server, schema.name());
            Cli.expect(ExitCodes.OK, "migrate", "--config", config);
            Files.writeString(Path.of(config), "  lock_wait: 1s\n", StandardOpenOption.APPEND);
            WarehouseDatabase db = WarehouseDatabase.of(ConfigLoader.load(Path.of(config), null, null).servers());
            Path input = Path.of(getClass().getResource("/worked-example").toURI());
            try (WarehouseLock.Held held = new MySqlWarehouseLock(db, Duration.ZERO).acquire(FIRST, line -> { })) {
                Cli busy = Cli.expect(ExitCodes.WAREHOUSE_BUSY, "nightly", "--config", config, "--input", input.toString(),
                        "--out", tmp.resolve("out").toString(), "--date", "2026-10-01", "--as-of", "2026-10-10T00:00:00+09:00");
                List<String> errors = busy.err().lines().filter(l -> l.startsWith("error")).toList();
                assertEquals(1, errors.size(), busy.err());
                assertTrue(errors.get(0).startsWith("error (warehouse busy): the warehouse " + db.url() + " is locked by " + FIRST
                        + " on connection "), errors.get(0));
                try (Connection c = schema.connect()) {
                    assertEquals(0, count(c, "SELECT count(*) FROM recon_batch"), "not even a ledger row");
                    assertEquals(0, count(c, "SELECT count(*) FROM stg_recon_run"));
                }
                held.confirm();
            }
        }
    }

    @Test
    void aWaiterTakesItAsSoonAsTheHolderReleasesIt(MySqlServer server) throws Exception {
        try (MySqlServer.TestDatabase schema = server.newDatabase("aw_lock")) {
            WarehouseDatabase db = migrated(server, schema);
            CountDownLatch waiting = new CountDownLatch(1);
            CompletableFuture<WarehouseLock.Held> second;
            try (WarehouseLock.Held held = new MySqlWarehouseLock(db, Duration.ZERO).acquire(FIRST, line -> { })) {
                second = CompletableFuture.supplyAsync(() -> new MySqlWarehouseLock(db, Duration.ofMinutes(1))
                        .acquire("nightly batch second", line -> waiting.countDown()));
                assertTrue(waiting.await(1, TimeUnit.MINUTES), "the second holder says it waits");
                assertFalse(second.isDone());
                held.confirm();
            }
            try (WarehouseLock.Held taken = second.get(1, TimeUnit.MINUTES)) {
                taken.confirm();
            }
        }
    }

    @Test
    void aSchemaWithoutTheLockTableIsToldToMigrate(MySqlServer server) throws Exception {
        try (MySqlServer.TestDatabase schema = server.newDatabase("aw_lock")) {
            WarehouseDatabase db = WarehouseDatabase.of(ConfigLoader.load(Path.of(MySqlTestConfig.write(tmp, server, schema.name())),
                    null, null).servers());
            WriteFailedException e = assertThrows(WriteFailedException.class, () -> new MySqlWarehouseLock(db, Duration.ZERO)
                    .acquire(FIRST, line -> { }));
            assertTrue(e.getMessage().contains("run 'audit-warehouse migrate' first"), e.getMessage());
        }
    }

    private WarehouseDatabase migrated(MySqlServer server, MySqlServer.TestDatabase schema) throws Exception {
        String config = MySqlTestConfig.write(tmp, server, schema.name());
        Cli.expect(ExitCodes.OK, "migrate", "--config", config);
        return WarehouseDatabase.of(ConfigLoader.load(Path.of(config), null, null).servers());
    }

    private static long lockOwner(Connection c, String name) throws Exception {
        try (PreparedStatement p = c.prepareStatement("SELECT IS_USED_LOCK(?)")) {
            p.setString(1, name);
            try (ResultSet r = p.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    private static long count(Connection c, String sql) throws Exception {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
