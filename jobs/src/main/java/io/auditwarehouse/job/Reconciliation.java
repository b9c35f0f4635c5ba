package io.auditwarehouse.job;

import io.auditwarehouse.config.AppConfig;
import io.auditwarehouse.errors.Checkpoints;
import io.auditwarehouse.errors.ErrorMessages;
import io.auditwarehouse.model.ControlCatalog;
import io.auditwarehouse.model.QuarantineRecord;
import io.auditwarehouse.model.RuleSettings;
import io.auditwarehouse.notify.WarehouseNoticeLedger;
import io.auditwarehouse.notify.Notifier;
import io.auditwarehouse.reconcile.Reconciler;
import io.auditwarehouse.reconcile.ReconciliationResult;
import io.auditwarehouse.runtime.Progress;
import io.auditwarehouse.runtime.SoftwareVersion;
import io.auditwarehouse.runtime.Warehouses;
import io.auditwarehouse.sinks.BatchRecord;
import io.auditwarehouse.sinks.InterruptedBatches;
import io.auditwarehouse.sinks.WarehouseLock;
import io.auditwarehouse.sinks.WarehouseSink;
import io.auditwarehouse.sinks.WarehouseTables;
import io.auditwarehouse.sinks.WriteFailedException;
import io.auditwarehouse.sinks.FindingReviews;
import io.auditwarehouse.sinks.kibana.KibanaIndexes;
import io.auditwarehouse.sources.RefusalKeys;
import io.auditwarehouse.sources.Retry;
import io.auditwarehouse.sources.SourceData;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;


/**
 * The sources read and reconciled once, as of one instant, kept in memory; {@link #publish} writes any set of
 * business dates from it. Results for a date do not depend on which other dates are published, or when.
 * Each batch's tables are materialised once on the driver and every sink (warehouse, Kibana) writes from them.
 */
public final class Reconciliation implements AutoCloseable {

    /** What one batch commits: the dated tables for its dates, the catalog and the quarantine whole. */
    private static final List<String> PUBLISHED = List.of(WarehouseTables.RUN, WarehouseTables.FINDING,
            WarehouseTables.APPROVAL, WarehouseTables.DAILY_SUMMARY, WarehouseTables.CATALOG, WarehouseTables.QUARANTINE);

    /** About 1 MB of a wide table's rows: Spark warns about larger tasks. */
    private static final int ROWS_PER_TASK = 4_000;

    private final SparkSession spark;
    private final AppConfig config;
    private final Progress progress;
    private final WarehouseSink warehouse;
    private final KibanaIndexes kibana;
    private final SourceData sources;
    private final Instant asOf;
    private final Map<String, Long> read;
    /** The latest timestamp among the evidence read: recon_batch.source_watermark. */
    private final Instant watermark;
    private final List<QuarantineRecord> rejected;
    private final RuleSettings rules;
    private final ControlCatalog catalog = ControlCatalog.shipped();
    private final ReconcilePipeline pipeline;

    /** @param dates every business date this reconciliation will publish */
    Reconciliation(SparkSession spark, AppConfig config, Progress progress, WarehouseSink warehouse, SourceData sources, Instant asOf,
                   List<LocalDate> dates) {
        this.spark = spark;
        this.config = config;
        this.progress = progress;
        this.warehouse = warehouse;
        this.kibana = KibanaIndexes.forConfig(config);
        this.sources = sources;
        this.asOf = asOf;
        sources.description().forEach(d -> progress.step("  " + d));
        // the sources are actually read here: a transient fault mid-read is retried, then reported as unavailable
        // (exit 3); a refusal (credentials, permissions, a missing index) fails at once (exit 6)
        String evidence = config.servers().evidenceFromElasticsearch() ? "elasticsearch" : "files";
        SourceTally tally = Retry.reading(evidence, "build records and audit trail", RefusalKeys.evidence(config),
                () -> SourceTally.of(sources.decoded()));
        this.read = tally.read();
        this.watermark = tally.watermark();
        this.rejected = new ArrayList<>(tally.rejected());
        rejected.addAll(sources.rejectedApprovals());
        progress.step(String.format("read %,d documents (%s), %,d quarantined", documents(), read, rejected.size()));
        this.rules = config.rules().withEvidence(sources.users().known(), sources.buildsConfigured() && sources.auditConfigured());
        Reconciler reconciler = new Reconciler(catalog, rules, sources.approvals(), sources.users(), asOf);
        this.pipeline = ReconcilePipeline.run(JavaSparkContext.fromSparkContext(spark.sparkContext()), sources.events(),
                sources.approvals(), reconciler, new LinkedHashSet<>(dates));
        // what the rules produced is cached now: the decoded documents are not needed again
        sources.release();
        progress.step("reconciled");
    }

    private long documents() {
        return read.values().stream().mapToLong(Long::longValue).sum() + rejected.size();
    }

    /** One batch: stage every dated table for {@code dates}, then swap the dates in; the ledger records it. */
    public BatchResult publish(String kind, List<LocalDate> dateList) {
        String batchId = ReconcileJob.newBatchId(kind);
        Set<LocalDate> dates = new LinkedHashSet<>(dateList);
        progress.step("batch " + batchId + ": " + describe(dateList));
        // one writer at a time: held from this batch's first write (its RUNNING row) to its last (COMPLETED or FAILED),
        // around the reads its writes depend on (first_batch_id, the quarantine) but not the sources, read before it
        try (WarehouseLock.Held lock = Warehouses.lock(config, kind + " batch " + batchId, progress::step)) {
            return publishLocked(kind, dateList, dates, batchId, lock);
        }
    }

    private BatchResult publishLocked(String kind, List<LocalDate> dateList, Set<LocalDate> dates, String batchId, WarehouseLock.Held lock) {
        Instant started = Instant.now(); // after any wait for the lock: the batch's own time
        InterruptedBatches.repair(warehouse, started).forEach(progress::step);
        BatchRecord batch = BatchRecord.started(batchId, kind, dateList.get(0), dateList.get(dateList.size() - 1), started,
                asOf, SoftwareVersion.get(), config.digest()).reading(new BatchRecord.SourcesRead(read.getOrDefault("builds", 0L),
                read.getOrDefault("audit", 0L), sources.approvals().size(), sources.usersRead(), rejected.size(), watermark));
        warehouse.recordBatch(batch);
        ReconciliationResult out;
        BatchRows rows;
        try {
            out = pipeline.forDates(dates);
            rows = BatchRows.of(out, batchId, previousFirstBatches(dates));
            progress.step(String.format("staging %,d runs, %,d findings, %,d approval rows, %,d summary rows",
                    rows.runs().size(), rows.findings().size(), rows.approvals().size(), rows.summary().size()));
            warehouse.stage(batchId, WarehouseTables.RUN, frame(rows.runs(), WarehouseTables.RUN_SCHEMA));
            warehouse.stage(batchId, WarehouseTables.FINDING, frame(rows.findings(), WarehouseTables.FINDING_SCHEMA));
            warehouse.stage(batchId, WarehouseTables.APPROVAL, frame(rows.approvals(), WarehouseTables.APPROVAL_SCHEMA));
            warehouse.stage(batchId, WarehouseTables.DAILY_SUMMARY, frame(rows.summary(), WarehouseTables.SUMMARY_SCHEMA));
            warehouse.stage(batchId, WarehouseTables.CATALOG, catalogRows());
            warehouse.stage(batchId, WarehouseTables.QUARANTINE, mergedQuarantine(batchId));
            lock.confirm();
            Checkpoints.reach(Checkpoints.BEFORE_FIRST_COMMIT); // test-only fault injection, a no-op otherwise
            Instant committing = Instant.now();
            OptionalLong version = warehouse.publish(batchId, PUBLISHED, dates); // one commit: every table, every date
            progress.step("committed" + (version.isPresent() ? " snapshot " + version.getAsLong() : "") + " in "
                    + Duration.between(committing, Instant.now()).toMillis() + " ms");
            if (version.isPresent()) batch = batch.committing(version.getAsLong());
        } catch (RuntimeException e) {
            recordFailed(batch, e);
            throw e;
        }
        // the warehouse holds the batch now: a failure from here on leaves its indexes owed, never the batch FAILED
        BatchRecord.RowsWritten written = new BatchRecord.RowsWritten(rows.runs().size(), rows.findings().size(),
                rows.approvals().size(), rows.summary().size());
        String repaid = publishIndexes(batch, rows, dates, written);
        Instant finished = Instant.now();
        Map<String, Long> statuses = countBy(out.runs().stream().map(r -> r.status().name()));
        Map<String, Long> severities = countBy(out.findings().stream().map(f -> f.severity().name()));
        BatchRecord done = batch.completed(finished, written, repaid);
        warehouse.recordBatch(done);
        progress.step(String.format("published %d business date(s) in %.1f s", dates.size(),
                Duration.between(started, finished).toMillis() / 1000.0));
        String notified = announce(done, repaid);
        return new BatchResult(batchId, kind, List.copyOf(dates), asOf, rows.runs().size(), statuses.getOrDefault("COMPLIANT", 0L),
                statuses.getOrDefault("EXCEPTION", 0L), statuses.getOrDefault("PENDING", 0L), severities, rejected.size(),
                documents(), warehouse.location(), Duration.between(started, finished), notified);
    }

    /**
     * Chat alerts of the findings no target has been told of yet, still under the writer lock, so two nodes never
     * announce the same finding; a target that fails is named in the batch's row ("notify: partial"), never fails it.
     *
     * @return the note for the summary, or null when no target is configured
     */
    private String announce(BatchRecord done, String repaid) {
        Notifier notifier = Notifier.of(config, progress::step);
        if (!notifier.enabled()) return null;
        Notifier.Outcome o = notifier.afterBatch(warehouse, WarehouseNoticeLedger.of(warehouse.appendOnly()), done.batchId());
        try {
            warehouse.recordBatch(done.noting(repaid == null ? o.note() : repaid + "; " + o.note()));
        } catch (RuntimeException e) {
            progress.step("the batch's row could not be noted with '" + o.note() + "': " + ErrorMessages.firstLine(e));
        }
        return o.note();
    }

    /**
     * The Kibana-ready indexes follow the warehouse: this batch's dates from its own run and finding rows, then the
     * dates earlier batches still owe, read back from the warehouse. When they fail the batch is recorded
     * PUBLISHED_WAREHOUSE_ONLY (the next run of any date repays it) and the command ends with exit code 4.
     *
     * @return the ledger note of what was repaid, or null
     */
    private String publishIndexes(BatchRecord batch, BatchRows rows, Set<LocalDate> dates, BatchRecord.RowsWritten written) {
        try {
            Checkpoints.reach(Checkpoints.AFTER_WAREHOUSE_PUBLISH); // test-only fault injection, a no-op otherwise
            KibanaIndexes.Published p = kibana.publish(batch.batchId(), rows.runs(), rows.findings(), dates,
                    new FindingReviews(warehouse.appendOnly()).statusesOf(FindingReviews.ids(rows.findings())));
            progress.step(String.format("kibana: %,d run and %,d finding documents in %s", p.runs(), p.findings(), kibana.location()));
            return new OwedIndexes(warehouse, kibana, progress).repay(batch.batchId(), dates);
        } catch (RuntimeException e) {
            String cause = ErrorMessages.firstLine(e);
            try {
                warehouse.recordBatch(batch.publishedWarehouseOnly(Instant.now(), written,
                        "the warehouse is published; the Kibana indexes are owed: " + cause));
            } catch (RuntimeException r) {
                e.addSuppressed(r);
            }
            throw new WriteFailedException("batch " + batch.batchId() + " is " + BatchRecord.PUBLISHED_WAREHOUSE_ONLY
                    + ": the warehouse is published and the Kibana indexes are owed; the next nightly or backfill republishes"
                    + " them (" + cause + ")", e);
        }
    }

    /** Best effort: when the warehouse itself cannot be written, the original error is the one to report. */
    private void recordFailed(BatchRecord batch, RuntimeException cause) {
        try {
            warehouse.discardStaging(batch.batchId());
            warehouse.recordBatch(batch.failed(Instant.now(), ErrorMessages.firstLine(cause)));
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    @Override
    public void close() {
        pipeline.close();
    }

    /**
     * A dated table's rows in business-date order, cut into slices small enough to ship as tasks (a task over the
     * RPC size limit fails on a cluster); each slice writes a file for each of its few dates.
     */
    private Dataset<Row> frame(List<Row> rows, StructType schema) {
        int date = schema.fieldIndex(WarehouseTables.BUSINESS_DATE);
        List<Row> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparing(r -> (LocalDate) r.get(date)));
        int slices = Math.max(1, (sorted.size() + ROWS_PER_TASK - 1) / ROWS_PER_TASK);
        return spark.createDataFrame(JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(sorted, slices), schema);
    }

    /** A finding keeps the batch that first raised it; a re-run only moves last_batch_id. */
    private Map<String, String> previousFirstBatches(Set<LocalDate> dates) {
        Map<String, String> first = new HashMap<>();
        warehouse.readDates(WarehouseTables.FINDING, WarehouseTables.FINDING_SCHEMA, dates)
                .select("finding_id", "first_batch_id").collectAsList()
                .forEach(r -> first.put(r.getString(0), r.getString(1)));
        return first;
    }

    /** Rejected documents keyed by (source, document id): the first batch that saw one is kept. */
    private Dataset<Row> mergedQuarantine(String batchId) {
        Map<String, Row> merged = new TreeMap<>();
        Dataset<Row> previous = warehouse.read(WarehouseTables.QUARANTINE);
        if (previous != null) {
            for (Row r : previous.select(columns(WarehouseTables.QUARANTINE_SCHEMA)).collectAsList()) {
                merged.put(r.getString(0) + "\u0000" + r.getString(1), r);
            }
        }
        Map<String, Row> fresh = new TreeMap<>();
        for (QuarantineRecord q : rejected) {
            String key = q.source() + "\u0000" + q.documentId();
            if (fresh.containsKey(key)) continue;
            Row before = merged.get(key);
            fresh.put(key, WarehouseTables.quarantine(q, before == null ? batchId : before.getString(4), batchId));
        }
        merged.putAll(fresh);
        // collected before the old table is moved away: Spark reads lazily
        return spark.createDataFrame(new ArrayList<>(merged.values()), WarehouseTables.QUARANTINE_SCHEMA);
    }

    private Dataset<Row> catalogRows() {
        List<Row> rows = new ArrayList<>();
        for (ControlCatalog.Entry e : catalog.entries()) rows.add(WarehouseTables.catalog(e, rules.severityOf(e.reasonCode()).name()));
        return spark.createDataFrame(rows, WarehouseTables.CATALOG_SCHEMA);
    }

    private static Map<String, Long> countBy(Stream<String> values) {
        return values.collect(Collectors.groupingBy(v -> v, TreeMap::new, Collectors.counting()));
    }

    private static Column[] columns(StructType schema) {
        return Arrays.stream(schema.fieldNames()).map(org.apache.spark.sql.functions::col).toArray(Column[]::new);
    }

    private static String describe(List<LocalDate> dates) {
        return dates.size() == 1 ? "business date " + dates.get(0)
                : dates.size() + " business dates " + dates.get(0) + " .. " + dates.get(dates.size() - 1);
    }
}
