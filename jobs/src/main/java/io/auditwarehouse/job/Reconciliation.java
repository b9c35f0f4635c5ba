package io.auditwarehouse.job;

import io.auditwarehouse.config.AppConfig;
import io.auditwarehouse.model.BuildDocument;
import io.auditwarehouse.model.QuarantineRecord;
import io.auditwarehouse.model.SourceEvent;
import io.auditwarehouse.reconcile.ControlCatalog;
import io.auditwarehouse.reconcile.Reconciler;
import io.auditwarehouse.reconcile.RuleSettings;
import io.auditwarehouse.sinks.BatchRecord;
import io.auditwarehouse.sinks.WarehouseSink;
import io.auditwarehouse.sinks.WarehouseTables;
import io.auditwarehouse.sinks.kibana.KibanaIndexes;
import io.auditwarehouse.sources.Retry;
import io.auditwarehouse.sources.SourceData;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;

/**
 * The sources read and reconciled once, as of one instant, kept in memory; {@link #publish} writes any set of
 * business dates from it. Results for a date do not depend on which other dates are published, or when.
 */
public final class Reconciliation implements AutoCloseable {

    private final SparkSession spark;
    private final AppConfig config;
    private final Progress progress;
    private final WarehouseSink warehouse;
    private final KibanaIndexes kibana;
    private final SourceData sources;
    private final Instant asOf;
    private final JavaRDD<SourceEvent> events;
    private final JavaRDD<QuarantineRecord> rejected;
    private final Map<String, Long> read;
    private final long quarantined;
    private final RuleSettings rules;
    private final ControlCatalog catalog = ControlCatalog.shipped();
    private final ReconcilePipeline.Output output;

    Reconciliation(SparkSession spark, AppConfig config, Progress progress, WarehouseSink warehouse, SourceData sources, Instant asOf) {
        this.spark = spark;
        this.config = config;
        this.progress = progress;
        this.warehouse = warehouse;
        this.kibana = KibanaIndexes.forConfig(config);
        this.sources = sources;
        this.asOf = asOf;
        sources.description().forEach(d -> progress.step("  " + d));
        this.events = sources.events().persist(StorageLevel.MEMORY_AND_DISK());
        this.rejected = sources.rejected().persist(StorageLevel.MEMORY_AND_DISK());
        // the sources are actually read here: a fault mid-read is retried, then reported as unavailable (exit 3)
        this.read = Retry.reading("sources", "build records and audit trail", () -> countBySource(events));
        this.quarantined = rejected.count();
        progress.step(String.format("read %,d documents (%s), %,d quarantined", documents(), read, quarantined));
        this.rules = config.rules().withEvidence(sources.users().known(), sources.buildsConfigured() && sources.auditConfigured());
        Reconciler reconciler = new Reconciler(catalog, rules, sources.approvals(), sources.users(), asOf);
        this.output = ReconcilePipeline.run(JavaSparkContext.fromSparkContext(spark.sparkContext()), events,
                sources.approvals(), reconciler);
    }

    private long documents() {
        return read.values().stream().mapToLong(Long::longValue).sum() + quarantined;
    }

    /** One batch: stage every dated table for {@code dates}, then swap the dates in; the ledger records it. */
    public BatchResult publish(String kind, List<LocalDate> dateList) {
        Instant started = Instant.now();
        String batchId = ReconcileJob.newBatchId(kind);
        Set<LocalDate> dates = new LinkedHashSet<>(dateList);
        progress.step("batch " + batchId + ": " + describe(dateList));
        BatchRecord batch = new BatchRecord(batchId, kind, dateList.get(0), dateList.get(dateList.size() - 1), "RUNNING",
                started, null, asOf, null, read.getOrDefault("builds", 0L), read.getOrDefault("audit", 0L),
                sources.approvals().size(), sources.usersRead(), quarantined, 0, 0, 0, 0, null, SoftwareVersion.get(),
                config.digest(), null);
        warehouse.recordBatch(batch);
        List<Dataset<Row>> persisted = new ArrayList<>();
        try {
            ReconcilePipeline.Output out = ReconcilePipeline.forDates(output, dates);
            Dataset<Row> runs = keep(persisted, rows(out.runs().map(r -> WarehouseTables.run(r, batchId)), WarehouseTables.RUN_SCHEMA));
            Dataset<Row> findings = keep(persisted, keepFirstBatch(rows(out.findings().map(f -> WarehouseTables.finding(f, batchId)),
                    WarehouseTables.FINDING_SCHEMA), dates));
            Dataset<Row> approvals = keep(persisted, rows(out.approvals().map(t -> WarehouseTables.approval(t, batchId)), WarehouseTables.APPROVAL_SCHEMA));
            Dataset<Row> summary = keep(persisted, rows(out.summary().map(c -> WarehouseTables.summary(c, batchId)), WarehouseTables.SUMMARY_SCHEMA));
            Map<String, Long> statuses = countBy(runs, "control_status");
            Map<String, Long> severities = countBy(findings, "severity");
            long runCount = sum(statuses);
            long findingCount = sum(severities);
            long approvalRows = approvals.count();
            long summaryRows = summary.count();

            progress.step(String.format("staging %,d runs, %,d findings, %,d approval rows, %,d summary rows", runCount,
                    findingCount, approvalRows, summaryRows));
            warehouse.stage(batchId, WarehouseTables.RUN, runs);
            warehouse.stage(batchId, WarehouseTables.FINDING, findings);
            warehouse.stage(batchId, WarehouseTables.APPROVAL, approvals);
            warehouse.stage(batchId, WarehouseTables.DAILY_SUMMARY, summary);
            warehouse.publish(batchId, WarehouseTables.DATED, dates);
            publishKibana(batchId, runs, findings, dates);
            warehouse.replace(batchId, WarehouseTables.CATALOG, catalogRows());
            warehouse.replace(batchId, WarehouseTables.QUARANTINE, mergedQuarantine(batchId));
            Instant finished = Instant.now();
            warehouse.recordBatch(new BatchRecord(batchId, kind, batch.dateFrom(), batch.dateTo(), "COMPLETED", started,
                    finished, asOf, null, batch.buildsRead(), batch.auditRead(), batch.approvalsRead(), batch.usersRead(),
                    quarantined, runCount, findingCount, approvalRows, summaryRows, null, batch.softwareVersion(),
                    batch.configDigest(), null));
            progress.step(String.format("published %d business date(s) in %.1f s", dates.size(),
                    Duration.between(started, finished).toMillis() / 1000.0));
            return new BatchResult(batchId, kind, List.copyOf(dates), asOf, runCount, statuses.getOrDefault("COMPLIANT", 0L),
                    statuses.getOrDefault("EXCEPTION", 0L), statuses.getOrDefault("PENDING", 0L), severities, quarantined,
                    documents(), warehouse.location(), Duration.between(started, finished));
        } catch (RuntimeException e) {
            recordFailed(batch, e);
            throw e;
        } finally {
            persisted.forEach(Dataset::unpersist);
        }
    }

    /** The Kibana-ready indexes follow the warehouse: built from the same run and finding rows. */
    private void publishKibana(String batchId, Dataset<Row> runs, Dataset<Row> findings, Set<LocalDate> dates) {
        KibanaIndexes.Published p = kibana.publish(batchId, runs, findings, dates);
        progress.step(String.format("kibana: %,d run and %,d finding documents in %s", p.runs(), p.findings(), kibana.location()));
    }

    /** Best effort: when the warehouse itself cannot be written, the original error is the one to report. */
    private void recordFailed(BatchRecord batch, RuntimeException cause) {
        try {
            warehouse.discardStaging(batch.batchId());
            warehouse.recordBatch(batch.finished("FAILED", Instant.now(), ReconcileJob.oneLine(cause)));
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    @Override
    public void close() {
        // blocking: a removal still under way when the command stops Spark ends in RejectedExecutionException traces
        output.unpersist();
        events.unpersist(true);
        rejected.unpersist(true);
        sources.release();
    }

    private static Dataset<Row> keep(List<Dataset<Row>> persisted, Dataset<Row> rows) {
        persisted.add(rows.persist());
        return rows;
    }

    private Dataset<Row> rows(JavaRDD<Row> rows, StructType schema) {
        return spark.createDataFrame(rows, schema);
    }

    /** A finding keeps the batch that first raised it; a re-run only moves last_batch_id. */
    private Dataset<Row> keepFirstBatch(Dataset<Row> findings, Set<LocalDate> dates) {
        Dataset<Row> previous = warehouse.readDates(WarehouseTables.FINDING, WarehouseTables.FINDING_SCHEMA, dates)
                .select(col("finding_id").as("prev_id"), col("first_batch_id").as("prev_first"));
        return findings.join(previous, findings.col("finding_id").equalTo(previous.col("prev_id")), "left")
                .withColumn("first_batch_id", coalesce(col("prev_first"), col("first_batch_id")))
                .select(columns(WarehouseTables.FINDING_SCHEMA));
    }

    /** Rejected documents keyed by (source, document id): the first batch that saw one is kept. */
    private Dataset<Row> mergedQuarantine(String batchId) {
        Dataset<Row> fresh = rows(rejected.map(q -> WarehouseTables.quarantine(q, batchId)), WarehouseTables.QUARANTINE_SCHEMA)
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
        // materialised before the old table is moved away: Spark reads lazily
        return spark.createDataFrame(updated.unionByName(kept).collectAsList(), WarehouseTables.QUARANTINE_SCHEMA);
    }

    private Dataset<Row> catalogRows() {
        List<Row> rows = new ArrayList<>();
        for (ControlCatalog.Entry e : catalog.entries()) rows.add(WarehouseTables.catalog(e, rules.severityOf(e.reasonCode()).name()));
        return spark.createDataFrame(rows, WarehouseTables.CATALOG_SCHEMA);
    }

    private static Map<String, Long> countBySource(JavaRDD<SourceEvent> events) {
        return new TreeMap<>(events.map(e -> e instanceof BuildDocument ? "builds" : "audit").countByValue());
    }

    private static Map<String, Long> countBy(Dataset<Row> rows, String column) {
        Map<String, Long> counts = new TreeMap<>();
        rows.groupBy(column).count().collectAsList().forEach(r -> counts.put(r.getString(0), r.getLong(1)));
        return counts;
    }

    private static long sum(Map<String, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    private static Column[] columns(StructType schema) {
        return Arrays.stream(schema.fieldNames()).map(org.apache.spark.sql.functions::col).toArray(Column[]::new);
    }

    private static String describe(List<LocalDate> dates) {
        return dates.size() == 1 ? "business date " + dates.get(0)
                : dates.size() + " business dates " + dates.get(0) + " .. " + dates.get(dates.size() - 1);
    }
}
