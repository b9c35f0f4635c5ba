package io.auditwarehouse.sinks;

import io.auditwarehouse.sinks.Snapshots.Snapshot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What the embedded warehouse's next writer does first, under the writer lock (so no other writer is alive):
 * adopts a warehouse of the layout before snapshots as snapshot 1, deletes what interrupted writers left (staging,
 * unlinked snapshot files, ledger temp files, data files no snapshot names), and applies {@code warehouse.retention}.
 * A snapshot expires {@code retention} after it stopped being current (when the next one was committed); the current
 * one never expires. Readers need none of this: they read only what a snapshot names.
 */
final class SnapshotCleaner {

    static final String ADOPTED = "adopted-legacy-layout";
    /** A ledger temp folder this old was left by a dead writer (a live one renames it within seconds). */
    static final Duration ABANDONED = Duration.ofHours(1);

    private final Path dir;
    private final Snapshots snapshots;
    private final Duration retention;

    SnapshotCleaner(Path dir, Snapshots snapshots, Duration retention) {
        this.dir = dir;
        this.snapshots = snapshots;
        this.retention = retention;
    }

    /** @return one line saying what was repaired or removed, or null when there was nothing to do */
    String run(Instant now) {
        try {
            List<String> done = new ArrayList<>();
            ParquetWarehouse.deleteTree(dir.resolve(".staging"));
            ParquetWarehouse.deleteTree(dir.resolve(".retired")); // the rename swap of builds before snapshots
            snapshots.deleteTemporaries();
            int ledger = tidyLedger(now);
            if (ledger > 0) done.add("tidied " + ledger + " ledger file(s)");
            if (!Files.isDirectory(snapshots.dir())) {
                Snapshot legacy = WarehouseViews.legacy(dir);
                if (legacy.tables().isEmpty()) return join(done);
                snapshots.commit(1, ADOPTED, now, legacy.tables());
                done.add("adopted the folders of " + legacy.tables().size() + " table(s) as snapshot 1");
            }
            int expired = expire(now);
            if (expired > 0) done.add("removed " + expired + " snapshot(s) past warehouse.retention (" + retention + ")");
            int orphans = deleteUnnamed();
            if (orphans > 0) done.add("deleted " + orphans + " data file(s) no snapshot names");
            return join(done);
        } catch (IOException e) {
            throw new WriteFailedException("repairing the warehouse " + dir + " failed: " + e.getMessage(), e);
        }
    }

    private static String join(List<String> done) {
        return done.isEmpty() ? null : "warehouse: " + String.join("; ", done);
    }

    /** Version v expires when version v+1 (which superseded it) was committed longer than {@code retention} ago. */
    private int expire(Instant now) {
        List<Long> versions = snapshots.versions();
        Instant cutoff = now.minus(retention);
        int n = 0;
        for (int i = 0; i < versions.size() - 1; i++) {
            Instant superseded = snapshots.read(versions.get(i + 1)).committedAt();
            if (superseded != null && superseded.isBefore(cutoff)) {
                snapshots.delete(versions.get(i));
                n++;
            }
        }
        return n;
    }

    /** Deletes every file under the tables' folders that no kept snapshot names (and folders left empty). */
    private int deleteUnnamed() throws IOException {
        Set<Path> named = new HashSet<>();
        Set<String> tables = new HashSet<>();
        for (long v : snapshots.versions()) {
            Snapshot s = snapshots.read(v);
            for (String table : s.tables().keySet()) {
                tables.add(table);
                for (String f : s.files(table)) named.add(dir.resolve(table).resolve(f).normalize());
            }
        }
        tables.addAll(WarehouseTables.ALL);
        tables.remove(WarehouseTables.BATCH);
        int deleted = 0;
        for (String table : tables) {
            Path root = dir.resolve(table);
            if (!Files.isDirectory(root)) continue;
            List<Path> all;
            try (Stream<Path> walk = Files.walk(root)) {
                all = walk.sorted(Comparator.reverseOrder()).toList();
            }
            for (Path p : all) {
                if (Files.isDirectory(p)) {
                    if (!p.equals(root)) deleteIfEmpty(p);
                } else if (!named.contains(p.normalize()) && !named.contains(checksummed(p))) {
                    Files.deleteIfExists(p);
                    if (p.getFileName().toString().endsWith(".parquet")) deleted++;
                }
            }
        }
        return deleted;
    }

    /** The data file a Hadoop checksum ({@code .<name>.crc}) belongs to, so a kept file keeps its checksum. */
    private static Path checksummed(Path p) {
        String n = p.getFileName().toString();
        if (!n.startsWith(".") || !n.endsWith(".crc")) return null;
        return p.resolveSibling(n.substring(1, n.length() - 4)).normalize();
    }

    private static void deleteIfEmpty(Path d) throws IOException {
        try (Stream<Path> list = Files.list(d)) {
            if (list.findAny().isPresent()) return;
        }
        Files.deleteIfExists(d);
    }

    /**
     * One file per batch in the ledger: temp folders of a killed write go, a ledger file written by a build before
     * snapshots (a Spark part file) is renamed to {@code ledger.parquet}, and a part file beside one is a leftover.
     */
    private int tidyLedger(Instant now) throws IOException {
        Path ledger = dir.resolve(WarehouseTables.BATCH);
        if (!Files.isDirectory(ledger)) return 0;
        int n = 0;
        List<Path> entries;
        try (Stream<Path> list = Files.list(ledger)) {
            entries = list.sorted().toList();
        }
        for (Path p : entries) {
            String name = p.getFileName().toString();
            if (name.startsWith(".tmp-")) {
                // the scheduler and the digest write their rows without the writer lock: only an old temp folder is dead
                if (Files.getLastModifiedTime(p).toInstant().isBefore(now.minus(ABANDONED))) {
                    ParquetWarehouse.deleteTree(p);
                    n++;
                }
                continue;
            }
            if (!Files.isDirectory(p) || !name.startsWith("batch=")) continue;
            Path kept = p.resolve(ParquetWarehouse.LEDGER_FILE);
            List<Path> parts = ParquetWarehouse.dataFiles(p).stream().filter(f -> !f.equals(kept)).toList();
            if (!Files.exists(kept) && parts.size() == 1) {
                Files.move(parts.get(0), kept, StandardCopyOption.ATOMIC_MOVE);
                n++;
            } else if (Files.exists(kept)) {
                for (Path f : parts) {
                    Files.deleteIfExists(f);
                    n++;
                }
            }
        }
        return n;
    }
}
