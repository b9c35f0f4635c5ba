package io.auditwarehouse.job;

import io.auditwarehouse.runtime.Progress;
import io.auditwarehouse.sinks.BatchRecord;
import io.auditwarehouse.sinks.WarehouseSink;
import io.auditwarehouse.sinks.WarehouseTables;
import io.auditwarehouse.sinks.FindingReviews;
import io.auditwarehouse.sinks.kibana.KibanaIndexes;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.apache.spark.sql.functions.col;

/**
 * The Kibana indexes that earlier batches still owe. A batch marked PUBLISHED_WAREHOUSE_ONLY had its warehouse commit
 * and its indexes failed; a nightly or backfill row still RUNNING while this batch holds the writer lock belongs to a
 * process that died mid-publish (perhaps after its warehouse commit). Every later batch, of any date, republishes
 * their dates from the warehouse tables as they are now (the indexes follow the warehouse, never the sources), then
 * turns each PUBLISHED_WAREHOUSE_ONLY row COMPLETED and each dead RUNNING row FAILED, naming itself in the message,
 * and discards what the dead batch had staged.
 */
final class OwedIndexes {

    private final WarehouseSink warehouse;
    private final KibanaIndexes kibana;
    private final Progress progress;

    OwedIndexes(WarehouseSink warehouse, KibanaIndexes kibana, Progress progress) {
        this.warehouse = warehouse;
        this.kibana = kibana;
        this.progress = progress;
    }

    /**
     * Republishes what earlier batches owe, except the dates {@code batchId} has just published itself.
     *
     * @return a note for the repaying batch's ledger row, or null when nothing was owed
     */
    String repay(String batchId, Set<LocalDate> publishedNow) {
        List<BatchRecord> owed = owed(batchId);
        if (owed.isEmpty()) return null;
        Set<LocalDate> dates = new TreeSet<>();
        for (BatchRecord b : owed) b.dateFrom().datesUntil(b.dateTo().plusDays(1)).forEach(dates::add);
        dates.removeAll(publishedNow);
        if (!dates.isEmpty()) republish(batchId, dates);
        Instant at = Instant.now();
        List<String> ids = new ArrayList<>();
        for (BatchRecord b : owed) {
            ids.add(b.batchId());
            // a process that died mid-publish never discarded what it staged (the stg_* rows, the .staging folder)
            if (BatchRecord.RUNNING.equals(b.status())) warehouse.discardStaging(b.batchId());
            String repaid = "the Kibana indexes were republished by batch " + batchId + " at " + at;
            // a PUBLISHED_WAREHOUSE_ONLY row keeps its finish time: its warehouse was published then
            warehouse.recordBatch(BatchRecord.PUBLISHED_WAREHOUSE_ONLY.equals(b.status())
                    ? b.ended(BatchRecord.COMPLETED, b.finishedAt(), b.message() + "; " + repaid)
                    : b.failed(at, "the process ended while publishing (found " + at + ", no end recorded); " + repaid));
        }
        String note = "republished the Kibana indexes owed by " + String.join(", ", ids);
        progress.step("kibana: " + note + " (" + dates.size() + " more business date(s) read back from the warehouse)");
        return note;
    }

    /** The ledger rows still owing their indexes, oldest first; {@code current} is the batch holding the lock. */
    List<BatchRecord> owed(String current) {
        Dataset<Row> ledger = warehouse.read(WarehouseTables.BATCH);
        if (ledger == null) return List.of();
        Column dead = col("status").equalTo(BatchRecord.RUNNING).and(col("kind").isin(BatchPlanner.PUBLISHING_KINDS.toArray()))
                .and(col("batch_id").notEqual(current));
        return ledger.filter(col("status").equalTo(BatchRecord.PUBLISHED_WAREHOUSE_ONLY).or(dead)).collectAsList().stream()
                .map(BatchRecord::of).sorted(Comparator.comparing(BatchRecord::startedAt)).toList();
    }

    /**
     * Each date is published under the batch whose rows the warehouse holds for it, exactly as that batch would have
     * published it: the documents carry that batch id, and only other batches' documents of the date are stale.
     */
    private void republish(String batchId, Set<LocalDate> dates) {
        List<Row> runs = rows(WarehouseTables.RUN, WarehouseTables.RUN_SCHEMA, dates);
        List<Row> findings = rows(WarehouseTables.FINDING, WarehouseTables.FINDING_SCHEMA, dates);
        int runDate = WarehouseTables.RUN_SCHEMA.fieldIndex(WarehouseTables.BUSINESS_DATE);
        int runBatch = WarehouseTables.RUN_SCHEMA.fieldIndex("batch_id");
        int findingDate = WarehouseTables.FINDING_SCHEMA.fieldIndex(WarehouseTables.BUSINESS_DATE);
        int findingBatch = WarehouseTables.FINDING_SCHEMA.fieldIndex("last_batch_id");
        Map<LocalDate, String> publishedBy = new HashMap<>();
        for (Row r : runs) publishedBy.put(date(r.get(runDate)), r.getString(runBatch));
        for (Row r : findings) publishedBy.putIfAbsent(date(r.get(findingDate)), r.getString(findingBatch));

        Map<String, Set<LocalDate>> datesByBatch = new TreeMap<>();
        for (LocalDate d : dates) datesByBatch.computeIfAbsent(publishedBy.getOrDefault(d, batchId), b -> new TreeSet<>()).add(d);
        for (Map.Entry<String, Set<LocalDate>> e : datesByBatch.entrySet()) {
            Set<LocalDate> of = e.getValue();
            List<Row> owed = within(findings, findingDate, of);
            kibana.publish(e.getKey(), within(runs, runDate, of), owed, of,
                    new FindingReviews(warehouse.appendOnly()).statusesOf(FindingReviews.ids(owed)));
        }
    }

    private List<Row> rows(String table, StructType schema, Collection<LocalDate> dates) {
        Column[] columns = Arrays.stream(schema.fieldNames()).map(org.apache.spark.sql.functions::col).toArray(Column[]::new);
        return warehouse.readDates(table, schema, dates).select(columns).collectAsList();
    }

    private static List<Row> within(List<Row> rows, int dateField, Set<LocalDate> dates) {
        return rows.stream().filter(r -> dates.contains(date(r.get(dateField)))).toList();
    }

    private static LocalDate date(Object v) {
        return v instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) v;
    }
}
