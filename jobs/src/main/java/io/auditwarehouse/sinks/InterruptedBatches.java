package io.auditwarehouse.sinks;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

import static org.apache.spark.sql.functions.col;

/**
 * The repair a writer runs first, under the writer lock: a nightly or backfill row still RUNNING belongs to a process
 * that died while it held the lock (a live one would hold it still). If that batch committed a snapshot it is rolled
 * forward: PUBLISHED_WAREHOUSE_ONLY, so the next run republishes its Kibana indexes; otherwise it becomes FAILED and
 * the warehouse stays on the snapshot before it. Then the warehouse deletes what the dead writer left
 * ({@link WarehouseSink#recover}). Rows of the scheduler and the digest are written outside the lock: left alone.
 */
public final class InterruptedBatches {

    /** The kinds whose RUNNING row is written and ended under the writer lock. */
    static final Set<String> UNDER_LOCK = Set.of("nightly", "backfill");

    private InterruptedBatches() {
    }

    /** @return lines saying what was repaired (none when nothing was) */
    public static List<String> repair(WarehouseSink warehouse, Instant now) {
        List<String> done = new ArrayList<>();
        Dataset<Row> ledger = warehouse.read(WarehouseTables.BATCH);
        if (ledger != null) {
            for (Row r : ledger.filter(col("status").equalTo(BatchRecord.RUNNING).and(col("kind").isin(UNDER_LOCK.toArray())))
                    .collectAsList()) {
                BatchRecord b = BatchRecord.of(r);
                OptionalLong committed = warehouse.committedBy(b.batchId());
                BatchRecord ended;
                if (committed.isPresent()) {
                    ended = b.committing(committed.getAsLong()).ended(BatchRecord.PUBLISHED_WAREHOUSE_ONLY, now,
                            "interrupted after its commit (snapshot " + committed.getAsLong() + "): the warehouse holds it;"
                                    + " its Kibana indexes are owed; found by the next writer");
                } else {
                    ended = b.failed(now, "interrupted before its commit: its process ended while holding the writer lock;"
                            + " the warehouse kept the previous state; found by the next writer");
                }
                warehouse.recordBatch(ended);
                done.add("batch " + b.batchId() + " was interrupted: recorded " + ended.status());
            }
        }
        String cleaned = warehouse.recover(now);
        if (cleaned != null) done.add(cleaned);
        return done;
    }
}
