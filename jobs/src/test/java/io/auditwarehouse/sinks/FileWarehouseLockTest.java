package io.auditwarehouse.sinks;

import io.auditwarehouse.testing.LockHoldingProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The embedded warehouse's writer lock against another process holding it: named, waited for, freed by its death. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class FileWarehouseLockTest {

    private static final String FIRST = "nightly batch nightly-20261002T173000Z-aaaaaa";

    @TempDir
    Path tmp;

    @Test
    void aSecondProcessIsToldWhoHoldsItAndGivesUpAfterTheWait() throws Exception {
        Path warehouse = tmp.resolve("warehouse");
        List<String> waits = new CopyOnWriteArrayList<>();
        try (LockHoldingProcess holder = LockHoldingProcess.hold(warehouse, FIRST, tmp.resolve("holder.err"))) {
            WarehouseBusyException busy = assertThrows(WarehouseBusyException.class,
                    () -> new FileWarehouseLock(warehouse, Duration.ofSeconds(1)).acquire("nightly batch second", waits::add));
            String m = busy.getMessage();
            assertEquals(1, m.lines().count(), m);
            assertTrue(m.startsWith("the warehouse " + warehouse.toAbsolutePath() + " is locked by " + FIRST
                    + " (host " + InetAddress.getLocalHost().getHostName() + ", pid " + holder.pid() + ", since 20"), m);
            assertTrue(m.endsWith("; gave up after waiting 1s (warehouse.lock_wait)"), m);
            assertEquals(1, waits.size(), waits.toString());
            assertTrue(waits.get(0).contains("locked by " + FIRST) && waits.get(0).endsWith("waiting up to 1s (warehouse.lock_wait)"), waits.get(0));
        }
    }

    @Test
    void aHolderKilledOutrightLeavesItsFileButNotItsLock() throws Exception {
        Path warehouse = tmp.resolve("warehouse");
        FileWarehouseLock lock = new FileWarehouseLock(warehouse, Duration.ZERO);
        try (LockHoldingProcess holder = LockHoldingProcess.hold(warehouse, FIRST, tmp.resolve("holder.err"))) {
            assertEquals(holder.pid(), lock.holder().pid());
            holder.kill();
        }
        assertTrue(Files.exists(lock.file()), "the killed holder's file is left behind");
        assertEquals(FIRST, lock.holder().what(), "and still names the dead holder");
        try (WarehouseLock.Held held = lock.acquire("nightly batch after-the-kill", line -> {
            throw new AssertionError("nothing to wait for: " + line);
        })) {
            held.confirm();
            assertEquals(ProcessHandle.current().pid(), lock.holder().pid());
            assertEquals("nightly batch after-the-kill", lock.holder().what());
        }
        assertTrue(Files.exists(lock.file()));
        assertNull(lock.holder(), "a released lock's file names nobody");
    }

    @Test
    void aWaiterTakesItAsSoonAsTheHolderReleasesIt() throws Exception {
        Path warehouse = tmp.resolve("warehouse");
        CountDownLatch waiting = new CountDownLatch(1);
        try (LockHoldingProcess holder = LockHoldingProcess.hold(warehouse, FIRST, tmp.resolve("holder.err"))) {
            CompletableFuture<WarehouseLock.Held> second = CompletableFuture.supplyAsync(() ->
                    new FileWarehouseLock(warehouse, Duration.ofMinutes(1)).acquire("nightly batch second", line -> waiting.countDown()));
            assertTrue(waiting.await(1, TimeUnit.MINUTES), "the second acquirer says it waits");
            assertFalse(second.isDone());
            holder.release();
            try (WarehouseLock.Held held = second.get(1, TimeUnit.MINUTES)) {
                held.confirm();
            }
        }
    }

    @Test
    void threadsOfOneProcessQueueForItLikeProcesses() throws Exception {
        Path warehouse = tmp.resolve("warehouse");
        try (WarehouseLock.Held first = new FileWarehouseLock(warehouse, Duration.ZERO).acquire(FIRST, line -> { })) {
            WarehouseBusyException busy = CompletableFuture.supplyAsync(() -> assertThrows(WarehouseBusyException.class,
                    () -> new FileWarehouseLock(warehouse, Duration.ofMillis(200)).acquire("report --month 2026-10", line -> { })))
                    .get(1, TimeUnit.MINUTES);
            assertTrue(busy.getMessage().contains("locked by " + FIRST + " (host "), busy.getMessage());
            assertTrue(busy.getMessage().contains("pid " + ProcessHandle.current().pid() + ","), busy.getMessage());
            assertTrue(busy.getMessage().endsWith("waiting 200ms (warehouse.lock_wait)"), busy.getMessage());
            first.confirm();
        }
        try (WarehouseLock.Held again = new FileWarehouseLock(warehouse, Duration.ZERO).acquire("report --month 2026-10", line -> { })) {
            again.confirm();
        }
    }

    @Test
    void theHolderLineSurvivesItsFileFormat() {
        LockHolder h = LockHolder.current("backfill batch backfill-x = with: odd\\chars");
        assertEquals(h, LockHolder.parse(h.toText()));
        assertNull(LockHolder.parse(""));
        assertNull(LockHolder.parse("host=a\npid=1\n"));
        assertEquals("10m", LockHolder.format(Duration.ofMinutes(10)));
        assertEquals("1500ms", LockHolder.format(Duration.ofMillis(1500)));
        assertEquals("0s", LockHolder.format(Duration.ZERO));
    }

    @Test
    void theMySqlLockIsNamedAfterTheSchemaWithinMySqlsLimit() {
        assertEquals("aw_writer.audit_dw", MySqlWarehouseLock.lockName("audit_dw"));
        String longName = "s".repeat(64);
        String named = MySqlWarehouseLock.lockName(longName);
        assertEquals(64, named.length());
        assertTrue(named.startsWith("aw_writer."));
        assertFalse(named.equals(MySqlWarehouseLock.lockName("t".repeat(64))));
    }
}
