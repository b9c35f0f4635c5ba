package io.auditwarehouse.sinks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The embedded warehouse's commits: {@code <warehouse>/_snapshots/<version, 10 digits>.json}, each naming, for every
 * table and (dated tables) every business date, the immutable data files to read. The highest version present is the
 * current one. A version appears in one step: its file is written aside, forced to disk, then hard-linked to its name,
 * which fails if that name exists (so no commit ever overwrites another), and the directory is forced. There is no
 * second pointer file to keep consistent with it: the link is the commit.
 */
public final class Snapshots {

    public static final String DIR = "_snapshots";
    /** The partition key of an undated table's files. */
    public static final String WHOLE = "";
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One committed state of the whole warehouse.
     *
     * @param tables per table, per partition key ({@code 2026-10-01}, or {@link #WHOLE}), the data files relative to
     *               the table's folder ({@code business_date=2026-10-01/<batch>-part-00000.parquet})
     */
    public record Snapshot(long version, String batchId, Instant committedAt, SortedMap<String, SortedMap<String, List<String>>> tables) {

        public static Snapshot empty() {
            return new Snapshot(0, null, null, new TreeMap<>());
        }

        /** The files of one table, relative to its folder, in a stable order; empty when it has none or is unknown. */
        public List<String> files(String table) {
            SortedMap<String, List<String>> parts = tables.get(table);
            if (parts == null) return List.of();
            List<String> all = new ArrayList<>();
            parts.values().forEach(all::addAll);
            return all;
        }

        public boolean has(String table) {
            return tables.containsKey(table);
        }

        /** A copy whose tables can be changed, for the next version. */
        public SortedMap<String, SortedMap<String, List<String>>> mutableTables() {
            SortedMap<String, SortedMap<String, List<String>>> copy = new TreeMap<>();
            tables.forEach((t, parts) -> copy.put(t, new TreeMap<>(parts)));
            return copy;
        }
    }

    private final Path dir;

    public Snapshots(Path warehouseDir) {
        this.dir = warehouseDir.resolve(DIR);
    }

    public Path dir() {
        return dir;
    }

    /** Every committed version, ascending. */
    public List<Long> versions() {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.matches("[0-9]{10}\\.json"))
                    .map(n -> Long.parseLong(n.substring(0, 10))).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the snapshots under " + dir, e);
        }
    }

    /** The current snapshot (the highest version), if any was committed. */
    public Optional<Snapshot> current() {
        List<Long> v = versions();
        return v.isEmpty() ? Optional.empty() : Optional.of(read(v.get(v.size() - 1)));
    }

    public boolean exists(long version) {
        return Files.isRegularFile(file(version));
    }

    public Snapshot read(long version) {
        Path f = file(version);
        try {
            JsonNode n = JSON.readTree(f.toFile());
            SortedMap<String, SortedMap<String, List<String>>> tables = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> t = n.path("tables").fields(); t.hasNext(); ) {
                Map.Entry<String, JsonNode> table = t.next();
                SortedMap<String, List<String>> parts = new TreeMap<>();
                for (Iterator<Map.Entry<String, JsonNode>> p = table.getValue().fields(); p.hasNext(); ) {
                    Map.Entry<String, JsonNode> part = p.next();
                    List<String> files = new ArrayList<>();
                    part.getValue().forEach(x -> files.add(x.asText()));
                    parts.put(part.getKey(), List.copyOf(files));
                }
                tables.put(table.getKey(), parts);
            }
            String at = n.path("committed_at").asText(null);
            return new Snapshot(n.path("version").asLong(), n.path("batch_id").asText(null),
                    at == null ? null : Instant.parse(at), tables);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("cannot read the warehouse snapshot " + f + ": " + e.getMessage(), e);
        }
    }

    /** The version the batch committed, if it committed one (newest first: a batch commits at most once). */
    public OptionalLong committedBy(String batchId) {
        List<Long> v = new ArrayList<>(versions());
        Collections.reverse(v);
        for (long version : v) if (batchId.equals(read(version).batchId())) return OptionalLong.of(version);
        return OptionalLong.empty();
    }

    /**
     * Commits {@code version}: written aside and forced, then linked to its name (failing if that version exists),
     * then the directory forced. Before this returns nothing names the new files; after it, every reader does.
     */
    public Snapshot commit(long version, String batchId, Instant at, SortedMap<String, SortedMap<String, List<String>>> tables) {
        Snapshot s = new Snapshot(version, batchId, at, tables);
        Path target = file(version);
        try {
            Files.createDirectories(dir);
            Path tmp = dir.resolve(".tmp-" + version + "-" + ProcessHandle.current().pid() + "-" + System.nanoTime() + ".json");
            try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                out.write(java.nio.ByteBuffer.wrap(toJson(s).getBytes(StandardCharsets.UTF_8)));
                out.force(true);
            }
            try {
                Files.createLink(target, tmp); // link(2): atomic, and refuses an existing name
            } catch (UnsupportedOperationException e) {
                // a file system without hard links: the writer lock keeps a second committer away meanwhile
                if (Files.exists(target)) throw new FileAlreadyExistsException(target.toString());
                Files.move(tmp, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
            forceDirectory(dir);
            return s;
        } catch (FileAlreadyExistsException e) {
            throw new WriteFailedException("snapshot " + version + " of the warehouse already exists: another writer committed it", e);
        } catch (IOException e) {
            throw new WriteFailedException("committing snapshot " + version + " under " + dir + " failed: " + e.getMessage(), e);
        }
    }

    /** Removes one version (retention); never call it for the current one. */
    public void delete(long version) {
        try {
            Files.deleteIfExists(file(version));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete snapshot " + file(version), e);
        }
    }

    /** Temp files of commits that never linked (a writer killed while committing). */
    public void deleteTemporaries() {
        if (!Files.isDirectory(dir)) return;
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(p -> p.getFileName().toString().startsWith(".tmp-")).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean " + dir, e);
        }
    }

    Path file(long version) {
        return dir.resolve(String.format("%010d.json", version));
    }

    static String toJson(Snapshot s) {
        ObjectNode n = JSON.createObjectNode();
        n.put("version", s.version());
        n.put("batch_id", s.batchId());
        n.put("committed_at", s.committedAt() == null ? null : s.committedAt().toString());
        ObjectNode tables = n.putObject("tables");
        s.tables().forEach((t, parts) -> {
            ObjectNode p = tables.putObject(t);
            parts.forEach((k, files) -> files.forEach(p.putArray(k)::add));
        });
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(n) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes a rename or link inside {@code d} durable (Linux: fsync of the directory). */
    static void forceDirectory(Path d) {
        try (FileChannel c = FileChannel.open(d, StandardOpenOption.READ)) {
            c.force(true);
        } catch (IOException e) {
            // some platforms cannot open a directory: the rename is still atomic, only its durability is the OS's
        }
    }
}
