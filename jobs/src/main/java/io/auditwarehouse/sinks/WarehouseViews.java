package io.auditwarehouse.sinks;

import io.auditwarehouse.sinks.Snapshots.Snapshot;
import org.apache.spark.sql.types.StructType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The files a reader of the embedded warehouse reads for each published table: those the current (or a chosen)
 * {@link Snapshots snapshot} names, so a reader sees one committed state whatever a writer is doing meanwhile.
 * A warehouse written before snapshots existed (no {@code _snapshots} folder) reads as its folders are, until its
 * next writer adopts that layout as snapshot 1. The ledger (recon_batch) is not versioned: always its latest rows;
 * nor are the append-only tables ({@link ParquetAppendLog}): always every row appended.
 */
public final class WarehouseViews {

    /**
     * One table as a reader sees it.
     *
     * @param root            the table's folder (Spark's basePath)
     * @param files           the Parquet files that hold its published rows, in a stable order; may be empty
     * @param partitionColumn the column encoded in the folder names ({@code business_date}), or null
     * @param schema          its documented columns in order, or null for a table this build does not know
     * @param naturalId       for an append-only table, the column that identifies a row (readers keep the first row
     *                        of each id, in file order); null for the others
     */
    public record TableFiles(String table, Path root, List<Path> files, String partitionColumn, StructType schema, String naturalId) {
    }

    private WarehouseViews() {
    }

    /** The current snapshot: the highest committed version, an empty one before any, or the legacy folders as version 0. */
    public static Snapshot snapshot(Path warehouseDir) {
        Snapshots snapshots = new Snapshots(warehouseDir);
        if (Files.isDirectory(snapshots.dir())) return snapshots.current().orElse(Snapshot.empty());
        return legacy(warehouseDir);
    }

    /** The tables published now (those the current snapshot names, and the ledger once it has a row). */
    public static List<String> publishedTables(Path warehouseDir) {
        return publishedTables(warehouseDir, snapshot(warehouseDir));
    }

    /** The tables a given snapshot names, the ledger once it has a row, and each append-only table once it has one. */
    public static List<String> publishedTables(Path warehouseDir, Snapshot snapshot) {
        TreeSet<String> tables = new TreeSet<>(snapshot.tables().keySet());
        if (!ledgerFiles(warehouseDir).isEmpty()) tables.add(WarehouseTables.BATCH);
        for (AppendOnlyTable t : AppendOnlyTables.ALL) {
            if (!ParquetAppendLog.files(warehouseDir, t.name()).isEmpty()) tables.add(t.name());
        }
        return List.copyOf(tables);
    }

    /** The files of one table as published now (none when it was never published). */
    public static TableFiles files(Path warehouseDir, String table) {
        return files(warehouseDir, table, snapshot(warehouseDir));
    }

    /** The files of one table as a given snapshot left it (the ledger: its latest rows whatever the snapshot). */
    public static TableFiles files(Path warehouseDir, String table, Snapshot snapshot) {
        var appendOnly = AppendOnlyTables.named(table);
        if (appendOnly.isPresent()) {
            // not versioned: every row ever appended, whatever the snapshot
            return new TableFiles(table, ParquetAppendLog.folder(warehouseDir, table), ParquetAppendLog.files(warehouseDir, table),
                    null, appendOnly.get().schema(), appendOnly.get().naturalId());
        }
        Path root = warehouseDir.resolve(table).toAbsolutePath();
        String partition = WarehouseTables.DATED.contains(table) ? WarehouseTables.BUSINESS_DATE : null;
        List<Path> files = WarehouseTables.BATCH.equals(table) ? ledgerFiles(warehouseDir)
                : snapshot.files(table).stream().map(root::resolve).toList();
        return new TableFiles(table, root, List.copyOf(files), partition, WarehouseTables.schemaOf(table), null);
    }

    /** The ledger's files: one per batch ({@code recon_batch/batch=<id>/ledger.parquet}). */
    static List<Path> ledgerFiles(Path warehouseDir) {
        List<Path> files = new ArrayList<>();
        try {
            collectParquet(warehouseDir.resolve(WarehouseTables.BATCH).toAbsolutePath(), files);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the ledger under " + warehouseDir, e);
        }
        return files;
    }

    /** A warehouse of the layout before snapshots, as one: every file under each table's folder, version 0. */
    static Snapshot legacy(Path warehouseDir) {
        SortedMap<String, SortedMap<String, List<String>>> tables = new TreeMap<>();
        if (!Files.isDirectory(warehouseDir)) return Snapshot.empty();
        List<String> names;
        try (Stream<Path> dirs = Files.list(warehouseDir)) {
            names = dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                    .filter(n -> !n.startsWith(".") && !n.startsWith("_") && !n.equals(WarehouseTables.BATCH)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the warehouse " + warehouseDir, e);
        }
        for (String table : names) {
            Path root = warehouseDir.resolve(table).toAbsolutePath();
            List<Path> files = new ArrayList<>();
            try {
                collectParquet(root, files);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list table " + table + " under " + warehouseDir, e);
            }
            SortedMap<String, List<String>> parts = new TreeMap<>();
            for (Path f : files) {
                Path rel = root.relativize(f);
                String folder = rel.getNameCount() > 1 ? rel.getName(0).toString() : null;
                String key = folder == null ? Snapshots.WHOLE : folder.substring(folder.indexOf('=') + 1);
                parts.computeIfAbsent(key, k -> new ArrayList<>()).add(rel.toString().replace('\\', '/'));
            }
            tables.put(table, parts); // a table folder without files reads as published and empty, as before
        }
        return new Snapshot(0, null, null, tables);
    }

    // the layout is at most one level of key=value folders (business_date=..., batch=...) above the data files
    private static void collectParquet(Path dir, List<Path> into) throws IOException {
        if (!Files.isDirectory(dir)) return;
        List<Path> entries;
        try (Stream<Path> list = Files.list(dir)) {
            entries = list.filter(p -> !p.getFileName().toString().startsWith(".") && !p.getFileName().toString().startsWith("_"))
                    .sorted().toList();
        }
        for (Path p : entries) {
            if (Files.isDirectory(p)) collectParquet(p, into);
            else if (p.getFileName().toString().endsWith(".parquet")) into.add(p);
        }
    }
}
