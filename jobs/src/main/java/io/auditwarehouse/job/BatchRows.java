package io.auditwarehouse.job;

import io.auditwarehouse.reconcile.ReconciliationResult;
import io.auditwarehouse.sinks.WarehouseTables;
import org.apache.spark.sql.Row;

import java.util.List;
import java.util.Map;

/** One batch's dated tables as warehouse rows, materialised once on the driver for every sink. */
record BatchRows(List<Row> runs, List<Row> findings, List<Row> approvals, List<Row> summary) {

    /** @param firstBatches the batch that first raised each finding already published for these dates */
    static BatchRows of(ReconciliationResult result, String batchId, Map<String, String> firstBatches) {
        return new BatchRows(
                result.runs().stream().map(r -> WarehouseTables.run(r, batchId)).toList(),
                result.findings().stream().map(f -> WarehouseTables.finding(f, firstBatches.getOrDefault(f.findingId(), batchId), batchId)).toList(),
                result.approvals().stream().map(t -> WarehouseTables.approval(t, batchId)).toList(),
                result.summary().stream().map(c -> WarehouseTables.summary(c, batchId)).toList());
    }
}
