package io.auditwarehouse.query;

import io.auditwarehouse.model.FindingStatus;
import io.auditwarehouse.model.FindingStatuses;
import io.auditwarehouse.sinks.FindingReviews;
import io.auditwarehouse.sinks.ParquetAppendLog;
import io.auditwarehouse.sinks.Snapshots.Snapshot;
import io.auditwarehouse.sinks.WarehouseTables;
import io.auditwarehouse.sinks.WarehouseViews;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * recon_finding_status over the embedded warehouse: derived in Java ({@link FindingStatuses}, the definition every
 * output shares) from the snapshot's finding ids and the whole review history, then registered as a table.
 */
public final class FindingStatusTable {

    private FindingStatusTable() {
    }

    public static void register(QueryEngine queries, Path warehouse, Snapshot snapshot) {
        queries.register(WarehouseViews.files(warehouse, WarehouseTables.FINDING, snapshot));
        List<String> ids = new ArrayList<>();
        queries.execute("select finding_id from " + WarehouseTables.FINDING).rows(-1).forEachRemaining(r -> ids.add((String) r.get(0)));
        Map<String, FindingStatus> statuses = FindingStatuses.of(ids, new FindingReviews(new ParquetAppendLog(warehouse)).all());
        queries.registerRows(FindingReviews.STATUS, FindingReviews.STATUS_SCHEMA,
                statuses.values().stream().map(FindingReviews::statusRow).toList());
    }
}
