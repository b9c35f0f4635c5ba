package io.auditwarehouse.digest;

import io.auditwarehouse.sinks.BatchRecord;
import io.auditwarehouse.sinks.WarehouseSink;
import io.auditwarehouse.sinks.WarehouseTables;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.apache.spark.sql.functions.col;

/**
 * The digest's rows in the batch ledger {@code recon_batch} of the configured warehouse (Parquet or MySQL): one row
 * per schedule slot, keyed by {@link DigestSlot#batchId()}, rewritten as the send goes on. Status RUNNING while the
 * mail is being sent (and left so when the process dies, or the connection breaks, mid-send: delivery unknown),
 * COMPLETED once the server accepted it, FAILED when it was not delivered, SKIPPED when there was nothing to report.
 */
public final class DigestLedger {

    public static final String RUNNING = "RUNNING";
    public static final String COMPLETED = "COMPLETED";
    public static final String FAILED = "FAILED";
    public static final String SKIPPED = "SKIPPED";

    /** What the ledger says about one slot. */
    public record Entry(String batchId, String status, Instant startedAt, Instant finishedAt, String message) {
    }

    private final WarehouseSink warehouse;

    public DigestLedger(WarehouseSink warehouse) {
        this.warehouse = warehouse;
    }

    public String location() {
        return warehouse.location();
    }

    public Optional<Entry> find(String batchId) {
        Dataset<Row> batches = warehouse.read(WarehouseTables.BATCH);
        if (batches == null) return Optional.empty();
        List<Row> rows = batches.filter(col("batch_id").equalTo(batchId).and(col("kind").equalTo(DigestSlot.KIND)))
                .select("batch_id", "status", "started_at", "finished_at", "message").collectAsList();
        if (rows.isEmpty()) return Optional.empty();
        Row r = rows.get(0);
        return Optional.of(new Entry(r.getString(0), r.getString(1), instant(r.get(2)), instant(r.get(3)), r.getString(4)));
    }

    /** Writes (or rewrites) the slot's row. */
    public void record(BatchRecord row) {
        warehouse.recordBatch(row);
    }

    private static Instant instant(Object v) {
        return v == null ? null : v instanceof Instant i ? i : ((java.sql.Timestamp) v).toInstant();
    }
}
