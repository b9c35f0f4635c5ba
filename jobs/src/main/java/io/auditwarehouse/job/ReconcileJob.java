package io.auditwarehouse.job;

import io.auditwarehouse.config.AppConfig;
import io.auditwarehouse.errors.ErrorMessages;
import io.auditwarehouse.runtime.Progress;
import io.auditwarehouse.runtime.SoftwareVersion;
import io.auditwarehouse.runtime.Warehouses;
import io.auditwarehouse.sinks.BatchRecord;
import io.auditwarehouse.sinks.WarehouseSink;
import io.auditwarehouse.sources.configured.Sources;
import org.apache.spark.sql.SparkSession;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** Entry point of the reconciliation: read the sources once, then publish business dates batch by batch. */
public final class ReconcileJob {

    private static final DateTimeFormatter BATCH_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final SparkSession spark;
    private final AppConfig config;
    private final Progress progress;
    private final WarehouseSink warehouse;

    public ReconcileJob(SparkSession spark, AppConfig config, Progress progress) {
        this.spark = spark;
        this.config = config;
        this.progress = progress;
        this.warehouse = Warehouses.open(spark, config);
    }

    public WarehouseSink warehouse() {
        return warehouse;
    }

    /**
     * Reads the sources and reconciles them as of {@code asOf}; the caller publishes dates and closes it.
     * @param dates the business dates that will be published (bounds what is read from Elasticsearch)
     */
    public Reconciliation open(Instant asOf, List<LocalDate> dates) {
        progress.step("reading sources, reconciling as of " + asOf);
        return new Reconciliation(spark, config, progress, warehouse, Sources.load(spark, config, dates), asOf, dates);
    }

    /** One batch: read, reconcile and publish {@code dates}. A failure is recorded in the ledger and rethrown. */
    public BatchResult reconcile(String kind, List<LocalDate> dates, Instant asOf) {
        Reconciliation reconciliation;
        try {
            reconciliation = open(asOf, dates);
        } catch (RuntimeException e) {
            recordFailure(kind, dates, asOf, e);
            throw e;
        }
        try (reconciliation) {
            return reconciliation.publish(kind, dates);
        }
    }

    /** A batch that failed before it could read anything still leaves a FAILED row, if the warehouse is writable. */
    public void recordFailure(String kind, List<LocalDate> dates, Instant asOf, RuntimeException e) {
        Instant now = Instant.now();
        try {
            warehouse.recordBatch(BatchRecord.started(newBatchId(kind), kind, dates.get(0), dates.get(dates.size() - 1), now,
                    asOf, SoftwareVersion.get(), config.digest()).failed(now, ErrorMessages.firstLine(e)));
        } catch (RuntimeException unwritable) {
            e.addSuppressed(unwritable);
        }
    }

    static String newBatchId(String kind) {
        return kind + "-" + BATCH_TIME.format(Instant.now()) + "-"
                + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()).substring(0, 6);
    }
}
