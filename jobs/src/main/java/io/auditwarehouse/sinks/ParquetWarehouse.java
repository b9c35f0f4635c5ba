package io.auditwarehouse.sinks;

import io.auditwarehouse.errors.Checkpoints;
import io.auditwarehouse.errors.ErrorMessages;
import io.auditwarehouse.sinks.Snapshots.Snapshot;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.OptionalLong;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.apache.spark.sql.functions.col;

/**
 * The embedded warehouse: immutable Parquet files under {@code <out>/warehouse/<table>/} (dated tables in
 * {@code business_date=YYYY-MM-DD/} folders), and {@link Snapshots} naming which of them make up each committed state.
 * A batch writes its tables to {@code .staging/<batch>/}, moves the files beside the published ones under names
 * that start with its batch id (still unnamed, so invisible), and commits every table and date at once by linking
 * one new snapshot file. A batch killed at any point before that link leaves the previous snapshot current; the
 * next writer ({@link #recover}) deletes what it left. The ledger (recon_batch) is kept beside the snapshots, one
 * file per batch, each rewrite an atomic rename over the previous one.
 * Every failed write surfaces as {@link WriteFailedException}.
 */
public final class ParquetWarehouse implements WarehouseSink {

    public static final Duration DEFAULT_RETENTION = Duration.ofDays(400);
    static final String LEDGER_FILE = "ledger.parquet";
    private static final String STAGING = ".staging";

    private final SparkSession spark;
    private final Path dir;
    private final Snapshots snapshots;
    private final Duration retention;
    /** The version this instance reads; null for whatever is current at each read. */
    private final Long pinned;

    public ParquetWarehouse(SparkSession spark, Path warehouseDir) {
        this(spark, warehouseDir, DEFAULT_RETENTION);
    }

    public ParquetWarehouse(SparkSession spark, Path warehouseDir, Duration retention) {
        this(spark, warehouseDir.toAbsolutePath().normalize(), retention, null);
    }

    private ParquetWarehouse(SparkSession spark, Path dir, Duration retention, Long pinned) {
        this.spark = spark;
        this.dir = dir;
        this.snapshots = new Snapshots(dir);
        this.retention = retention;
        this.pinned = pinned;
    }

    @Override
    public OptionalLong version() {
        return OptionalLong.of(pinned != null ? pinned : snapshot().version());
    }

    /** A read-only view of the warehouse as snapshot {@code version} left it. */
    @Override
    public ParquetWarehouse at(long version) {
        if (!snapshots.exists(version)) {
            throw new IllegalArgumentException("snapshot " + version + " of the warehouse " + dir + " does not exist (never committed, or past warehouse.retention)");
        }
        return new ParquetWarehouse(spark, dir, retention, version);
    }

    public Path dir() {
        return dir;
    }

    public Snapshots snapshots() {
        return snapshots;
    }

    /** The snapshot read by this instance: the pinned one, or the current one (empty before the first commit). */
    public Snapshot snapshot() {
        if (pinned != null) return snapshots.read(pinned);
        return WarehouseViews.snapshot(dir);
    }

    /** The table's rows, or null when nothing has been published to it yet. */
    @Override
    public Dataset<Row> read(String table) {
        StructType schema = WarehouseTables.schemaOf(table);
        List<Path> files;
        if (WarehouseTables.BATCH.equals(table)) {
            files = WarehouseViews.ledgerFiles(dir);
            if (files.isEmpty()) return null;
        } else {
            Snapshot s = snapshot();
            if (!s.has(table)) return null;
            files = s.files(table).stream().map(f -> dir.resolve(table).resolve(f)).toList();
        }
        if (files.isEmpty()) return spark.createDataFrame(List.of(), schema);
        var reader = spark.read().option("basePath", dir.resolve(table).toUri().toString());
        // the documented schema, so a ledger file written before a column existed reads it as null
        if (schema != null) reader = reader.schema(schema);
        Dataset<Row> rows = reader.parquet(files.stream().map(p -> p.toUri().toString()).toArray(String[]::new));
        return schema == null ? rows : rows.select(Arrays.stream(schema.fieldNames()).map(n -> col("`" + n + "`")).toArray(Column[]::new));
    }

    /** The published rows of a dated table for the given dates (empty when none). */
    @Override
    public Dataset<Row> readDates(String table, StructType schema, Collection<LocalDate> dates) {
        Dataset<Row> all = read(table);
        if (all == null) return spark.createDataFrame(List.of(), schema);
        return all.filter(col(WarehouseTables.BUSINESS_DATE).isin(dates.toArray()));
    }

    /** Writes a table's rows (a dated table's in business-date order) aside; {@link #publish} commits them. */
    @Override
    public void stage(String batchId, String table, Dataset<Row> rows) {
        readOnlyCheck();
        if (WarehouseTables.DATED.contains(table)) {
            // the rows arrive in date order: each task writes a file for each of its few dates, with no shuffle
            writing("staging " + table, () -> rows.write().mode(SaveMode.Overwrite)
                    .partitionBy(WarehouseTables.BUSINESS_DATE).parquet(staged(batchId, table).toUri().toString()));
        } else {
            writing("staging " + table, () -> rows.coalesce(1).write().mode(SaveMode.Overwrite)
                    .parquet(staged(batchId, table).toUri().toString()));
        }
    }

    /**
     * Commits every staged table at once in a new snapshot: each given date of each dated table, and each undated
     * table whole, get the staged files (a date with none staged ends up empty).
     */
    @Override
    public OptionalLong publish(String batchId, Collection<String> tables, Collection<LocalDate> dates) {
        readOnlyCheck();
        try {
            Snapshot base = WarehouseViews.snapshot(dir);
            Files.createDirectories(snapshots.dir()); // before any file moves in: from now on only snapshots name files
            SortedMap<String, SortedMap<String, List<String>>> next = base.mutableTables();
            List<Path> moved = new ArrayList<>();
            boolean first = true;
            for (String table : tables) {
                if (!first) Checkpoints.reach(Checkpoints.BETWEEN_TABLE_COMMITS); // test-only: files placed, nothing committed
                first = false;
                SortedMap<String, List<String>> parts = next.computeIfAbsent(table, t -> new TreeMap<>());
                SortedMap<String, List<String>> fresh = placeStaged(batchId, table, moved);
                if (WarehouseTables.DATED.contains(table)) {
                    for (LocalDate d : dates) {
                        List<String> files = fresh.get(d.toString());
                        if (files == null) parts.remove(d.toString());
                        else parts.put(d.toString(), files);
                    }
                } else {
                    parts.clear();
                    parts.put(Snapshots.WHOLE, fresh.getOrDefault(Snapshots.WHOLE, List.of()));
                }
            }
            for (Path p : moved) force(p);
            long version = base.version() + 1;
            snapshots.commit(version, batchId, Instant.now(), next);
            deleteTree(dir.resolve(STAGING).resolve(batchId));
            return OptionalLong.of(version);
        } catch (WriteFailedException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new WriteFailedException("publishing batch " + batchId + " under " + dir + " failed: " + ErrorMessages.firstLine(e), e);
        }
    }

    /** Moves a staged table's files beside the published ones, named after the batch; returns them by partition key. */
    private SortedMap<String, List<String>> placeStaged(String batchId, String table, List<Path> moved) throws IOException {
        SortedMap<String, List<String>> byPart = new TreeMap<>();
        Path staged = staged(batchId, table);
        if (!Files.isDirectory(staged)) return byPart;
        for (Path f : dataFiles(staged)) {
            Path rel = staged.relativize(f);
            String key = Snapshots.WHOLE;
            String folder = "";
            if (rel.getNameCount() > 1) {
                folder = rel.getParent().toString();
                key = folder.substring(folder.indexOf('=') + 1);
            }
            String name = batchId + "-" + f.getFileName();
            Path target = dir.resolve(table).resolve(folder).resolve(name);
            Files.createDirectories(target.getParent());
            Files.move(f, target, StandardCopyOption.ATOMIC_MOVE);
            moved.add(target);
            byPart.computeIfAbsent(key, k -> new ArrayList<>()).add(folder.isEmpty() ? name : folder + "/" + name);
        }
        byPart.replaceAll((k, v) -> List.copyOf(v.stream().sorted().toList()));
        return byPart;
    }

    /** Writes (or rewrites) one batch's ledger row: a new file renamed over the old one, never a delete first. */
    @Override
    public void recordBatch(BatchRecord batch) {
        readOnlyCheck();
        Dataset<Row> row = spark.createDataFrame(List.of(batch.toRow()), BatchRecord.SCHEMA);
        Path ledger = dir.resolve(WarehouseTables.BATCH);
        Path tmp = ledger.resolve(".tmp-" + batch.batchId() + "-" + System.nanoTime());
        writing("recording batch " + batch.batchId(), () -> {
            row.coalesce(1).write().mode(SaveMode.Overwrite).parquet(tmp.toUri().toString());
            try {
                List<Path> written = dataFiles(tmp);
                if (written.size() != 1) throw new IOException("expected one ledger file in " + tmp + ", found " + written.size());
                Path target = ledger.resolve("batch=" + batch.batchId()).resolve(LEDGER_FILE);
                Files.createDirectories(target.getParent());
                force(written.get(0));
                Files.move(written.get(0), target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                Snapshots.forceDirectory(target.getParent());
                deleteTree(tmp);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private void writing(String what, Runnable write) {
        try {
            write.run();
        } catch (WriteFailedException e) {
            throw e;
        } catch (Exception e) { // Spark and Hadoop also throw checked IOExceptions undeclared
            throw new WriteFailedException(what + " under " + dir + " failed: " + ErrorMessages.firstLine(e), e);
        }
    }

    /** A failed batch's staged files; any it had already moved beside the published ones stay unnamed until the next {@link #recover}. */
    @Override
    public void discardStaging(String batchId) {
        try {
            deleteTree(dir.resolve(STAGING).resolve(batchId));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public OptionalLong committedBy(String batchId) {
        return snapshots.committedBy(batchId);
    }

    /** Adoption of an older layout, then retention and the deletion of what no kept snapshot names (see {@link SnapshotCleaner}). */
    @Override
    public String recover(Instant now) {
        readOnlyCheck();
        return new SnapshotCleaner(dir, snapshots, retention).run(now);
    }

    @Override
    public AppendOnlyLog appendOnly() {
        return new ParquetAppendLog(dir);
    }

    @Override
    public String location() {
        return dir.toString();
    }

    public List<String> publishedTables() {
        return WarehouseViews.publishedTables(dir);
    }

    private Path staged(String batchId, String table) {
        return dir.resolve(STAGING).resolve(batchId).resolve(table);
    }

    private void readOnlyCheck() {
        if (pinned != null) throw new IllegalStateException("snapshot " + pinned + " is read-only");
    }

    /** The Parquet files under a folder written by Spark (not its hidden checksums or markers), in path order. */
    static List<Path> dataFiles(Path root) throws IOException {
        if (!Files.isDirectory(root)) return List.of();
        try (Stream<Path> all = Files.walk(root)) {
            return all.filter(Files::isRegularFile).filter(p -> {
                String n = p.getFileName().toString();
                return n.endsWith(".parquet") && !n.startsWith(".") && !n.startsWith("_");
            }).sorted().toList();
        }
    }

    static void force(Path file) throws IOException {
        try (FileChannel c = FileChannel.open(file, StandardOpenOption.READ)) {
            c.force(true);
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) return;
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
