package io.auditwarehouse.portal;

import io.auditwarehouse.query.DuckDbEngine;
import io.auditwarehouse.query.FindingStatusTable;
import io.auditwarehouse.query.QueryResult;
import io.auditwarehouse.sinks.AppendOnlyTable;
import io.auditwarehouse.sinks.AppendOnlyTables;
import io.auditwarehouse.sinks.ParquetAppendLog;
import io.auditwarehouse.sinks.Snapshots.Snapshot;
import io.auditwarehouse.sinks.WarehouseTables;
import io.auditwarehouse.sinks.WarehouseViews;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The portal's read-only view of the embedded warehouse: DuckDB over the current snapshot's Parquet files, queried
 * with bound parameters from {@code sql/portal/}. A batch committed while the portal runs is seen at the next query.
 */
final class EmbeddedWarehouse implements PortalWarehouse {

    private final Path warehouseDir;
    private final DuckDbEngine duckdb = new DuckDbEngine();
    private String registered = "";

    EmbeddedWarehouse(Path warehouseDir) {
        this.warehouseDir = warehouseDir;
    }

    @Override
    public synchronized List<Map<String, Object>> run(String sql, List<?> parameters) {
        refresh();
        QueryResult result = duckdb.execute(sql, parameters);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Iterator<List<Object>> it = result.rows(-1); it.hasNext(); ) {
            List<Object> values = it.next();
            Map<String, Object> row = new LinkedHashMap<>();
            for (int i = 0; i < values.size(); i++) row.put(result.columns().get(i), values.get(i));
            rows.add(row);
        }
        return rows;
    }

    private void refresh() {
        Snapshot snapshot = WarehouseViews.snapshot(warehouseDir);
        // the ledger and the append-only tables are outside the snapshots: list them on every query (a few files)
        duckdb.register(WarehouseViews.files(warehouseDir, WarehouseTables.BATCH, snapshot));
        for (AppendOnlyTable t : AppendOnlyTables.ALL) duckdb.register(WarehouseViews.files(warehouseDir, t.name(), snapshot));
        // a new snapshot or a new review changes the findings' statuses: derive them again (as sql does)
        String state = snapshot.version() + "/" + ParquetAppendLog.files(warehouseDir, AppendOnlyTables.FINDING_REVIEW.name()).size();
        if (state.equals(registered) && snapshot.version() > 0) return;
        for (String table : WarehouseTables.ALL) {
            if (!table.equals(WarehouseTables.BATCH)) duckdb.register(WarehouseViews.files(warehouseDir, table, snapshot));
        }
        FindingStatusTable.register(duckdb, warehouseDir, snapshot);
        registered = state;
    }

    @Override
    public synchronized void close() {
        duckdb.close();
    }
}
