package io.auditwarehouse.sinks;

import org.apache.spark.sql.types.StructType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The files a reader of the embedded warehouse reads for each published table: the one place that knows the layout
 * ({@code <warehouse>/<table>/business_date=.../*.parquet}), so a table format or snapshot pointer changes only this.
 */
public final class WarehouseViews {

    /**
     * One table as a reader sees it.
     *
     * @param root            the table's folder (Spark's basePath)
     * @param files           the Parquet files that hold its published rows, in a stable order; may be empty
     * @param partitionColumn the column encoded in the folder names ({@code business_date}), or null
     * @param schema          its documented columns in order, or null for a table this build does not know
     */
    public record TableFiles(String table, Path root, List<Path> files, String partitionColumn, StructType schema) {
    }

    private WarehouseViews() {
    }

    /** The tables published under the warehouse folder (its sub-folders, without the hidden staging ones). */
    public static List<String> publishedTables(Path warehouseDir) {
        if (!Files.isDirectory(warehouseDir)) return List.of();
        try (Stream<Path> dirs = Files.list(warehouseDir)) {
            return dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                    .filter(n -> !n.startsWith(".") && !n.startsWith("_")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the warehouse " + warehouseDir, e);
        }
    }

    /** The files of one table as published now (none when it was never published). */
    public static TableFiles files(Path warehouseDir, String table) {
        Path root = warehouseDir.resolve(table).toAbsolutePath();
        String partition = WarehouseTables.DATED.contains(table) ? WarehouseTables.BUSINESS_DATE : null;
        List<Path> files = new ArrayList<>();
        try {
            collectParquet(root, files);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list table " + table + " under " + warehouseDir, e);
        }
        return new TableFiles(table, root, List.copyOf(files), partition, WarehouseTables.schemaOf(table));
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
