package io.auditwarehouse.sinks;

import io.auditwarehouse.errors.ErrorMessages;
import org.apache.spark.sql.Row;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Append-only tables beside the embedded warehouse: {@code <warehouse>/_append/<table>/0000000001.parquet, ...}, one
 * immutable file per {@link #append} call, numbered in append order. A file is written aside, forced to disk, then
 * hard-linked to the next free number (a link never replaces a file) and the folder forced: a reader sees all of a
 * call's rows or none. Appends to one table take its {@code .lock} file, so checking which ids exist and adding the
 * rest is one step across processes. Nothing here is named by a snapshot, and the snapshot cleaner only looks at
 * the batch tables' folders: re-runs, restatements and retention never remove these rows.
 */
public final class ParquetAppendLog implements AppendOnlyLog {

    public static final String DIR = "_append";
    private static final String LOCK = ".lock";
    private static final Duration ABANDONED = Duration.ofHours(1);
    /** FileChannel.lock is per process: threads of one process queue on this first. */
    private static final Map<Path, Object> IN_PROCESS = new ConcurrentHashMap<>();

    private final Path warehouseDir;

    public ParquetAppendLog(Path warehouseDir) {
        this.warehouseDir = warehouseDir.toAbsolutePath().normalize();
    }

    /** The folder of one table's files. */
    public static Path folder(Path warehouseDir, String table) {
        return warehouseDir.toAbsolutePath().resolve(DIR).resolve(table);
    }

    /** The table's data files in append order (none before its first append). */
    public static List<Path> files(Path warehouseDir, String table) {
        Path dir = folder(warehouseDir, table);
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(p -> p.getFileName().toString().matches("[0-9]{10}\\.parquet")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    @Override
    public int append(AppendOnlyTable table, List<Row> rows) {
        rows.forEach(table::check);
        Path dir = folder(warehouseDir, table.name());
        try {
            Files.createDirectories(dir);
            synchronized (IN_PROCESS.computeIfAbsent(dir, d -> new Object())) {
                try (FileChannel lockFile = FileChannel.open(dir.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                     FileLock ignored = lockFile.lock()) {
                    return appendLocked(table, dir, rows);
                }
            }
        } catch (WriteFailedException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new WriteFailedException("appending to " + table.name() + " under " + dir + " failed: " + ErrorMessages.firstLine(e), e);
        }
    }

    private int appendLocked(AppendOnlyTable table, Path dir, List<Row> rows) throws IOException {
        deleteAbandoned(dir);
        Map<String, Row> fresh = new LinkedHashMap<>();
        for (Row r : rows) fresh.putIfAbsent(table.idOf(r), r);
        for (Row old : read(table)) fresh.remove(table.idOf(old));
        if (fresh.isEmpty()) return 0;
        List<Path> existing = files(warehouseDir, table.name());
        long next = existing.isEmpty() ? 1 : Long.parseLong(existing.get(existing.size() - 1).getFileName().toString().substring(0, 10)) + 1;
        Path tmp = dir.resolve(".tmp-" + ProcessHandle.current().pid() + "-" + System.nanoTime() + ".parquet");
        try {
            LocalParquet.write(tmp, table.name(), table.schema(), new ArrayList<>(fresh.values()));
            Path target = dir.resolve(String.format("%010d.parquet", next));
            try {
                Files.createLink(target, tmp); // link(2): atomic, never over an existing file
            } catch (UnsupportedOperationException e) {
                if (Files.exists(target)) throw new FileAlreadyExistsException(target.toString());
                Files.move(tmp, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE); // the lock keeps other appenders out
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
        Snapshots.forceDirectory(dir);
        return fresh.size();
    }

    /** Temp files of an appender killed before its link: never read, removed once clearly dead. */
    private static void deleteAbandoned(Path dir) throws IOException {
        Instant cutoff = Instant.now().minus(ABANDONED);
        try (Stream<Path> list = Files.list(dir)) {
            for (Path p : list.filter(p -> p.getFileName().toString().startsWith(".tmp-")).toList()) {
                if (Files.getLastModifiedTime(p).toInstant().isBefore(cutoff)) Files.deleteIfExists(p);
            }
        }
    }

    @Override
    public List<Row> read(AppendOnlyTable table) {
        Map<String, Row> rows = new LinkedHashMap<>();
        for (Path f : files(warehouseDir, table.name())) {
            try {
                for (Row r : LocalParquet.read(f, table.schema())) rows.putIfAbsent(table.idOf(r), r);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + f + ": " + ErrorMessages.firstLine(e), e);
            }
        }
        return List.copyOf(rows.values());
    }

    @Override
    public String location() {
        return warehouseDir.resolve(DIR).toString();
    }
}
