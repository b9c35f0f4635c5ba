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
 * that died while it held the lock (a live one would hold it still). If that batch committed a snapshot, the row
 * records its version and stays RUNNING: the warehouse holds it (rolled forward), and the next nightly or backfill
 * republishes its dates' Kibana indexes and ends the row ({@code job/OwedIndexes}). Otherwise it becomes FAILED and
 * the warehouse stays on the snapshot before it (rolled back). A warehouse without versions (MySQL) cannot tell, so
 * its rows are left to OwedIndexes, which republishes their dates' indexes and marks them FAILED. Then the warehouse deletes what the dead writer left
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
        // without versions (MySQL) a dead batch may or may not have committed: job/OwedIndexes settles its row, as before
        Dataset<Row> ledger = warehouse.version().isPresent() ? warehouse.read(WarehouseTables.BATCH) : null;
        if (ledger != null) {
            for (Row r : ledger.filter(col("status").equalTo(BatchRecord.RUNNING).and(col("kind").isin(UNDER_LOCK.toArray())))
                    .collectAsList()) {
                BatchRecord b = BatchRecord.of(r);
                OptionalLong committed = warehouse.committedBy(b.batchId());
                BatchRecord ended;
                if (committed.isPresent()) {
                    // the warehouse holds it; its Kibana indexes may not: the next batch's OwedIndexes republishes them and ends the row
                    if (b.snapshotVersion() != null) continue;
                    ended = b.committing(committed.getAsLong());
                } else {
                    ended = b.failed(now, "interrupted before its commit: its process ended while holding the writer lock;"
                            + " the warehouse kept the previous state; found by the next writer");
                }
                warehouse.recordBatch(ended);
                done.add("batch " + b.batchId() + " was interrupted " + (committed.isPresent()
                        ? "after committing snapshot " + committed.getAsLong() + ": its Kibana indexes are republished by the next batch"
                        : "before its commit: recorded FAILED"));
            }
        }
        String cleaned = warehouse.recover(now);
        if (cleaned != null) done.add(cleaned);
        return done;
    }
}
