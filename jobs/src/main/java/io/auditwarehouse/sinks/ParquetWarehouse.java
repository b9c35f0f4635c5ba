package io.auditwarehouse.sinks;

import io.auditwarehouse.errors.Checkpoints;
import io.auditwarehouse.errors.ErrorMessages;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import static org.apache.spark.sql.functions.col;

/**
 * The embedded warehouse: Parquet tables under {@code <out>/warehouse}, dated tables partitioned by business_date.
 * A batch writes everything to a staging folder first, so a batch that fails while staging leaves the published
 * dates as they were. Publishing then swaps each table's date partitions in one by one, each by two renames (live
 * to {@code .retired/<batch>}, staged to live). That swap is not atomic: a crash or an I/O error during it can
 * leave some dates or tables new and others old, and a date caught between its two renames missing from the live
 * table (its previous rows still under {@code .retired/}); publishing those dates again repairs them.
 * Every failed write surfaces as {@link WriteFailedException}.
 */
public final class ParquetWarehouse implements WarehouseSink {

    private final SparkSession spark;
    private final Path root;
    private final FileSystem fs;

    public ParquetWarehouse(SparkSession spark, java.nio.file.Path warehouseDir) {
        this.spark = spark;
        this.root = new Path(warehouseDir.toAbsolutePath().toUri());
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        try {
            this.fs = root.getFileSystem(conf);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path tablePath(String table) {
        return new Path(root, table);
    }

    public boolean exists(String table) {
        try {
            return fs.exists(tablePath(table)) && fs.listStatus(tablePath(table)).length > 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The table's rows, or null when nothing has been published to it yet. */
    @Override
    public Dataset<Row> read(String table) {
        return exists(table) ? spark.read().parquet(tablePath(table).toString()) : null;
    }

    /** The published rows of a dated table for the given dates (empty when none). */
    @Override
    public Dataset<Row> readDates(String table, StructType schema, Collection<LocalDate> dates) {
        Dataset<Row> all = read(table);
        if (all == null) return spark.createDataFrame(List.of(), schema);
        return all.filter(col(WarehouseTables.BUSINESS_DATE).isin(dates.toArray()));
    }

    /** Writes a dated table's rows (in business-date order) to staging; {@link #publish} swaps them in. */
    @Override
    public void stage(String batchId, String table, Dataset<Row> rows) {
        // the rows arrive in date order: each task writes a file for each of its few dates, with no shuffle
        writing("staging " + table, () -> rows.write().mode(SaveMode.Overwrite)
                .partitionBy(WarehouseTables.BUSINESS_DATE).parquet(staged(batchId, table).toString()));
    }

    /** Replaces each date's partition of each staged table; a date with no staged rows ends up with none. */
    @Override
    public void publish(String batchId, Collection<String> tables, Collection<LocalDate> dates) {
        writing("publishing batch " + batchId, () -> swapIn(batchId, tables, dates));
    }

    private void swapIn(String batchId, Collection<String> tables, Collection<LocalDate> dates) {
        try {
            boolean first = true;
            for (String table : tables) {
                if (!first) Checkpoints.reach(Checkpoints.BETWEEN_TABLE_COMMITS); // test-only fault injection
                first = false;
                for (LocalDate date : dates) {
                    Path live = new Path(tablePath(table), partition(date));
                    Path fresh = new Path(staged(batchId, table), partition(date));
                    Path retired = new Path(root, ".retired/" + batchId + "/" + table + "/" + partition(date));
                    if (fs.exists(live)) {
                        fs.mkdirs(retired.getParent());
                        rename(live, retired);
                    }
                    if (fs.exists(fresh)) {
                        fs.mkdirs(live.getParent());
                        rename(fresh, live);
                    }
                }
            }
            fs.delete(new Path(root, ".retired/" + batchId), true);
            fs.delete(new Path(root, ".staging/" + batchId), true);
        } catch (IOException e) {
            throw new UncheckedIOException("publishing batch " + batchId + " failed", e);
        }
    }

    /** Replaces a whole undated table (the catalog, the quarantine). */
    @Override
    public void replace(String batchId, String table, Dataset<Row> rows) {
        writing("replacing " + table, () -> replaceTable(batchId, table, rows));
    }

    private void replaceTable(String batchId, String table, Dataset<Row> rows) {
        Path staging = new Path(root, ".staging/" + batchId + "/" + table);
        rows.coalesce(1).write().mode(SaveMode.Overwrite).parquet(staging.toString());
        try {
            Path live = tablePath(table);
            Path retired = new Path(root, ".retired/" + batchId + "/" + table);
            if (fs.exists(live)) {
                fs.mkdirs(retired.getParent());
                rename(live, retired);
            }
            rename(staging, live);
            fs.delete(retired, true);
        } catch (IOException e) {
            throw new UncheckedIOException("replacing table " + table + " failed", e);
        }
    }

    /** Writes (or rewrites) one batch's ledger row, keyed by batch id. */
    @Override
    public void recordBatch(BatchRecord batch) {
        Dataset<Row> row = spark.createDataFrame(List.of(batch.toRow()), BatchRecord.SCHEMA);
        writing("recording batch " + batch.batchId(), () -> row.coalesce(1).write().mode(SaveMode.Overwrite)
                .parquet(new Path(tablePath(WarehouseTables.BATCH), "batch=" + batch.batchId()).toString()));
    }

    private void writing(String what, Runnable write) {
        try {
            write.run();
        } catch (WriteFailedException e) {
            throw e;
        } catch (Exception e) { // Spark and Hadoop also throw checked IOExceptions undeclared
            throw new WriteFailedException(what + " under " + root + " failed: " + ErrorMessages.firstLine(e), e);
        }
    }

    /** Leftovers of a batch that died before publishing. */
    @Override
    public void discardStaging(String batchId) {
        try {
            fs.delete(new Path(root, ".staging/" + batchId), true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String location() {
        return "file".equals(root.toUri().getScheme()) ? java.nio.file.Path.of(root.toUri()).toString() : root.toString();
    }

    public List<String> publishedTables() {
        try {
            if (!fs.exists(root)) return List.of();
            return java.util.Arrays.stream(fs.listStatus(root)).filter(FileStatus::isDirectory)
                    .map(s -> s.getPath().getName()).filter(n -> !n.startsWith(".")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path staged(String batchId, String table) {
        return new Path(root, ".staging/" + batchId + "/" + table);
    }

    private static String partition(LocalDate date) {
        return WarehouseTables.BUSINESS_DATE + "=" + date;
    }

    private void rename(Path from, Path to) throws IOException {
        if (!fs.rename(from, to)) throw new IOException("cannot move " + from + " to " + to);
    }
}
