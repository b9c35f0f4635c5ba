package io.auditwarehouse.cli;

import io.auditwarehouse.config.AppConfig;
import io.auditwarehouse.config.ConfigException;
import io.auditwarehouse.query.DuckDbEngine;
import io.auditwarehouse.query.FindingStatusTable;
import io.auditwarehouse.query.QueryEngine;
import io.auditwarehouse.query.QueryTables;
import io.auditwarehouse.query.ResultPrinter;
import io.auditwarehouse.query.SparkEngine;
import io.auditwarehouse.sinks.AppendOnlyTables;
import io.auditwarehouse.sinks.FindingReviews;
import io.auditwarehouse.sinks.WarehouseTables;
import io.auditwarehouse.sinks.Snapshots;
import io.auditwarehouse.sinks.Snapshots.Snapshot;
import io.auditwarehouse.sinks.WarehouseViews;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.Callable;

@Command(name = "sql", mixinStandardHelpOptions = true, footer = ExitCodes.HELP,
        description = {"Queries the embedded warehouse (tables recon_run, recon_finding, recon_approval, "
                + "recon_daily_summary, control_catalog, recon_batch, recon_quarantine, recon_finding_review; "
                + "recon_finding_status derived from the last two).",
                "The default engine is DuckDB (its SQL dialect; starts in about a second); --engine spark runs Spark SQL.",
                "Times are UTC: timestamps print as ISO-8601 instants (2026-10-01T02:00:00Z), dates as 2026-10-01."})
final class SqlCommand implements Callable<Integer> {

    enum Engine { duckdb, spark }

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "QUERY", description = "the query, e.g. \"select reason_code, count(*) from recon_finding group by 1\"")
    String query;

    @Option(names = "--format", defaultValue = "table", paramLabel = "FORMAT", description = "table (aligned, default), csv or json (one object per line)")
    ResultPrinter.Format format;

    @Option(names = "--max-rows", defaultValue = "1000", description = "rows shown in table format (default ${DEFAULT-VALUE})")
    int maxRows;

    @Option(names = "--engine", defaultValue = "duckdb", paramLabel = "ENGINE",
            description = "duckdb (default: DuckDB SQL, fast start) or spark (Spark SQL, for Spark-only functions)")
    Engine engine;

    @Option(names = "--batch", paramLabel = "BATCH_ID",
            description = "read the tables exactly as this batch left them (the snapshot it committed; recon_batch is always the "
                    + "current ledger); kept for warehouse.retention after a later batch")
    String batch;

    @Override
    public Integer call() throws IOException {
        AppConfig config = common.load();
        Path warehouse = config.warehouseDir();
        Snapshot snapshot = batch == null ? WarehouseViews.snapshot(warehouse) : committedBy(config, batch);
        List<String> published = WarehouseViews.publishedTables(warehouse, snapshot);
        if (published.isEmpty()) {
            throw new ConfigException("--out", "no warehouse tables under " + warehouse + " (run nightly, backfill or demo first)");
        }
        // every documented table (an unpublished one reads as empty), and any other table found on disk
        Set<String> known = new LinkedHashSet<>(WarehouseTables.ALL);
        known.addAll(published);
        AppendOnlyTables.ALL.forEach(t -> known.add(t.name()));
        try (QueryEngine queries = engine == Engine.spark ? new SparkEngine(config.sparkMaster()) : new DuckDbEngine()) {
            // only the tables the query names: each costs a listing (and for Spark a file index)
            for (String table : QueryTables.named(query, known)) queries.register(WarehouseViews.files(warehouse, table, snapshot));
            if (!QueryTables.named(query, List.of(FindingReviews.STATUS)).isEmpty()) {
                FindingStatusTable.register(queries, warehouse, snapshot);
            }
            new ResultPrinter(spec.commandLine().getOut()).print(format, queries.execute(query), maxRows);
        }
        return ExitCodes.OK;
    }

    /** The snapshot a batch committed, or a one-line usage error saying why there is none. */
    static Snapshot committedBy(AppConfig config, String batchId) {
        if (config.servers().warehouseInMysql()) {
            throw new ConfigException("--batch", "time travel needs the embedded warehouse: warehouse.jdbc_url names a MySQL "
                    + "warehouse, which keeps only the current rows");
        }
        Snapshots snapshots = new Snapshots(config.warehouseDir());
        OptionalLong version = snapshots.committedBy(batchId);
        if (version.isEmpty()) {
            throw new ConfigException("--batch", "batch " + batchId + " committed no snapshot kept under " + config.warehouseDir()
                    + " (unknown, failed before its commit, or older than warehouse.retention)");
        }
        return snapshots.read(version.getAsLong());
    }
}
