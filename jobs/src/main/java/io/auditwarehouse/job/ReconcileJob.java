package io.auditwarehouse.job;

import io.auditwarehouse.config.AppConfig;
import io.auditwarehouse.model.QuarantineRecord;
import io.auditwarehouse.model.SourceEvent;
import io.auditwarehouse.reconcile.ControlCatalog;
import io.auditwarehouse.reconcile.Reconciler;
import io.auditwarehouse.reconcile.RuleSettings;
import io.auditwarehouse.sinks.BatchRecord;
import io.auditwarehouse.sinks.ParquetWarehouse;
import io.auditwarehouse.sinks.WarehouseTables;
import io.auditwarehouse.sources.SourceData;
import io.auditwarehouse.sources.files.FileSources;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;

/** One batch: read the sources, reconcile, publish the given business dates, record the batch. */
public final class ReconcileJob {

    private static final DateTimeFormatter BATCH_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final SparkSession spark;
    private final AppConfig config;
    private final Progress progress;
    private final ParquetWarehouse warehouse;

    public ReconcileJob(SparkSession spark, AppConfig config, Progress progress) {
        this.spark = spark;
        this.config = config;
        this.progress = progress;
        this.warehouse = new ParquetWarehouse(spark, config.warehouseDir());
    }

    public ParquetWarehouse warehouse() {
        return warehouse;
    }

    public BatchResult reconcile(String kind, List<LocalDate> dateList, Instant asOf) {
        Instant started = Instant.now();
        String batchId = kind + "-" + BATCH_TIME.format(started) + "-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()).substring(0, 6);
        Set<LocalDate> dates = new LinkedHashSet<>(dateList);
        progress.step("batch " + batchId + ": " + describe(dateList) + ", as of " + asOf);

        SourceData sources = new FileSources(spark, config).load();
        sources.description().forEach(d -> progress.step("source " + d));
        Dataset<SourceEvent> events = sources.events().persist();
        Dataset<QuarantineRecord> rejected = sources.rejected().persist();
        Map<String, Long> read = countBySource(events);
        long quarantined = rejected.count();
        long documents = read.values().stream().mapToLong(Long::longValue).sum() + quarantined;
        progress.step(String.format("read %,d documents (%s), %,d quarantined", documents, read, quarantined));

        BatchRecord batch = new BatchRecord(batchId, kind, dateList.get(0), dateList.get(dateList.size() - 1), "RUNNING",
                started, null, asOf, null, read.getOrDefault("builds", 0L), read.getOrDefault("audit", 0L),
                sources.approvals().size(), sources.usersRead(), quarantined, 0, 0, 0, 0, null, SoftwareVersion.get(),
                config.digest(), null);
        warehouse.recordBatch(batch);
        try {
            RuleSettings rules = config.rules().withEvidence(sources.users().known(), sources.buildsConfigured() && sources.auditConfigured());
            ControlCatalog catalog = ControlCatalog.shipped();
            Reconciler reconciler = new Reconciler(catalog, rules, sources.approvals(), sources.users(), asOf);
            ReconcilePipeline.Output out = ReconcilePipeline.forDates(
                    ReconcilePipeline.run(spark, events, sources.approvals(), reconciler), dates);

            progress.step("reconciling and staging tables");
            Dataset<Row> runs = rows(out.runs().map((MapFunction<io.auditwarehouse.reconcile.ReconciledRun, Row>) r -> WarehouseTables.run(r, batchId),
                    Encoders.row(WarehouseTables.RUN_SCHEMA)), WarehouseTables.RUN_SCHEMA);
            Dataset<Row> findings = keepFirstBatch(rows(out.findings().map((MapFunction<io.auditwarehouse.model.Finding, Row>) f -> WarehouseTables.finding(f, batchId),
                    Encoders.row(WarehouseTables.FINDING_SCHEMA)), WarehouseTables.FINDING_SCHEMA), dates);
            Dataset<Row> approvals = rows(out.approvals().map((MapFunction<io.auditwarehouse.reconcile.ApprovalTouch, Row>) t -> WarehouseTables.approval(t, batchId),
                    Encoders.row(WarehouseTables.APPROVAL_SCHEMA)), WarehouseTables.APPROVAL_SCHEMA);
            Dataset<Row> summary = rows(out.summary().map((MapFunction<io.auditwarehouse.reconcile.SummaryCell, Row>) c -> WarehouseTables.summary(c, batchId),
                    Encoders.row(WarehouseTables.SUMMARY_SCHEMA)), WarehouseTables.SUMMARY_SCHEMA);

            warehouse.stage(batchId, WarehouseTables.RUN, runs);
            warehouse.stage(batchId, WarehouseTables.FINDING, findings);
            warehouse.stage(batchId, WarehouseTables.APPROVAL, approvals);
            warehouse.stage(batchId, WarehouseTables.DAILY_SUMMARY, summary);
            Map<String, Long> statuses = countBy(stagedRows(batchId, WarehouseTables.RUN), "control_status");
            Map<String, Long> severities = countBy(stagedRows(batchId, WarehouseTables.FINDING), "severity");
            long runCount = statuses.values().stream().mapToLong(Long::longValue).sum();
            long findingCount = severities.values().stream().mapToLong(Long::longValue).sum();
            long approvalRows = count(stagedRows(batchId, WarehouseTables.APPROVAL));
            long summaryRows = count(stagedRows(batchId, WarehouseTables.DAILY_SUMMARY));

            progress.step(String.format("publishing %d business date(s): %,d runs, %,d findings", dates.size(), runCount, findingCount));
            warehouse.publish(batchId, WarehouseTables.DATED, dates);
            warehouse.replace(batchId, WarehouseTables.CATALOG, catalogRows(catalog, rules));
            warehouse.replace(batchId, WarehouseTables.QUARANTINE, mergedQuarantine(rejected, batchId));

            Instant finished = Instant.now();
            warehouse.recordBatch(new BatchRecord(batchId, kind, batch.dateFrom(), batch.dateTo(), "COMPLETED", started,
                    finished, asOf, null, batch.buildsRead(), batch.auditRead(), batch.approvalsRead(), batch.usersRead(),
                    quarantined, runCount, findingCount, approvalRows, summaryRows, null, batch.softwareVersion(),
                    batch.configDigest(), null));
            return new BatchResult(batchId, kind, List.copyOf(dates), asOf, runCount,
                    statuses.getOrDefault("COMPLIANT", 0L), statuses.getOrDefault("EXCEPTION", 0L),
                    statuses.getOrDefault("PENDING", 0L), severities, quarantined, documents, config.warehouseDir(),
                    java.time.Duration.between(started, finished));
        } catch (RuntimeException e) {
            warehouse.discardStaging(batchId);
            warehouse.recordBatch(batch.finished("FAILED", Instant.now(), oneLine(e)));
            throw e;
        } finally {
            events.unpersist();
            rejected.unpersist();
        }
    }

    private Dataset<Row> rows(Dataset<Row> ds, StructType schema) {
        return spark.createDataFrame(ds.rdd(), schema);
    }

    /** A finding keeps the batch that first raised it; a re-run only moves last_batch_id. */
    private Dataset<Row> keepFirstBatch(Dataset<Row> findings, Set<LocalDate> dates) {
        Dataset<Row> previous = warehouse.readDates(WarehouseTables.FINDING, WarehouseTables.FINDING_SCHEMA, dates)
                .select(col("finding_id").as("prev_id"), col("first_batch_id").as("prev_first"));
        Dataset<Row> joined = findings.join(previous, findings.col("finding_id").equalTo(previous.col("prev_id")), "left")
                .withColumn("first_batch_id", coalesce(col("prev_first"), col("first_batch_id")));
        return joined.select(columns(WarehouseTables.FINDING_SCHEMA));
    }

    private Dataset<Row> mergedQuarantine(Dataset<QuarantineRecord> rejected, String batchId) {
        Dataset<Row> fresh = rows(rejected.map((MapFunction<QuarantineRecord, Row>) q -> WarehouseTables.quarantine(q, batchId),
                Encoders.row(WarehouseTables.QUARANTINE_SCHEMA)), WarehouseTables.QUARANTINE_SCHEMA)
                .dropDuplicates("source", "document_id");
        Dataset<Row> previous = warehouse.read(WarehouseTables.QUARANTINE);
        if (previous == null) return fresh;
        Dataset<Row> prev = previous.select(col("source").as("p_source"), col("document_id").as("p_doc"),
                col("first_batch_id").as("p_first"));
        Dataset<Row> updated = fresh.join(prev, fresh.col("source").equalTo(prev.col("p_source"))
                        .and(fresh.col("document_id").equalTo(prev.col("p_doc"))), "left")
                .withColumn("first_batch_id", coalesce(col("p_first"), col("first_batch_id")))
                .select(columns(WarehouseTables.QUARANTINE_SCHEMA));
        Dataset<Row> kept = previous.join(fresh, previous.col("source").equalTo(fresh.col("source"))
                .and(previous.col("document_id").equalTo(fresh.col("document_id"))), "left_anti");
        // materialise before the old table is moved away: Spark reads lazily
        return spark.createDataFrame(updated.unionByName(kept).collectAsList(), WarehouseTables.QUARANTINE_SCHEMA);
    }

    private Dataset<Row> catalogRows(ControlCatalog catalog, RuleSettings rules) {
        List<Row> rows = new ArrayList<>();
        for (ControlCatalog.Entry e : catalog.entries()) rows.add(WarehouseTables.catalog(e, rules.severityOf(e.reasonCode()).name()));
        return spark.createDataFrame(rows, WarehouseTables.CATALOG_SCHEMA);
    }

    private Dataset<Row> stagedRows(String batchId, String table) {
        String path = config.warehouseDir().resolve(".staging").resolve(batchId).resolve(table).toAbsolutePath().toUri().toString();
        return spark.read().parquet(path);
    }

    private static Map<String, Long> countBySource(Dataset<SourceEvent> events) {
        Map<String, Long> counts = new TreeMap<>();
        events.map((MapFunction<SourceEvent, String>) e -> e instanceof io.auditwarehouse.model.BuildDocument ? "builds" : "audit",
                        Encoders.STRING())
                .groupBy("value").count().collectAsList()
                .forEach(r -> counts.put(r.getString(0), r.getLong(1)));
        return counts;
    }

    private static Map<String, Long> countBy(Dataset<Row> rows, String column) {
        Map<String, Long> counts = new TreeMap<>();
        rows.groupBy(column).count().collectAsList().forEach(r -> counts.put(r.getString(0), r.getLong(1)));
        return counts;
    }

    private static long count(Dataset<Row> rows) {
        return rows.count();
    }

    private static Column[] columns(StructType schema) {
        return java.util.Arrays.stream(schema.fieldNames()).map(org.apache.spark.sql.functions::col).toArray(Column[]::new);
    }

    private static String describe(List<LocalDate> dates) {
        return dates.size() == 1 ? "business date " + dates.get(0)
                : dates.size() + " business dates " + dates.get(0) + " .. " + dates.get(dates.size() - 1);
    }

    static String oneLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.lines().findFirst().orElse(m);
    }
}
