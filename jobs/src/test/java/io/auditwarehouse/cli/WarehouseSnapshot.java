package io.auditwarehouse.cli;

import io.auditwarehouse.runtime.SparkTestSession;
import io.auditwarehouse.sinks.ParquetWarehouse;
import io.auditwarehouse.sinks.WarehouseTables;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The content of the dated warehouse tables, as sorted text rows, without the columns naming batches. */
public final class WarehouseSnapshot {

    private WarehouseSnapshot() {
    }

    public static Map<String, List<String>> of(Path out, boolean withBatchIds) {
        return of(out, withBatchIds, null);
    }

    /** Only the rows of the given business dates (all rows when null). */
    public static Map<String, List<String>> of(Path out, boolean withBatchIds, Collection<LocalDate> dates) {
        ParquetWarehouse warehouse = new ParquetWarehouse(SparkTestSession.get(), out.resolve("warehouse"));
        Map<String, List<String>> tables = new LinkedHashMap<>();
        for (String table : WarehouseTables.DATED) {
            Dataset<Row> rows = warehouse.read(table);
            if (rows == null) {
                tables.put(table, List.of());
                continue;
            }
            if (dates != null) rows = rows.filter(functions.col(WarehouseTables.BUSINESS_DATE).isin(dates.toArray()));
            if (!withBatchIds) {
                for (String c : rows.columns()) if (c.endsWith("batch_id")) rows = rows.drop(c);
            }
            String[] cols = rows.columns();
            Arrays.sort(cols);
            tables.put(table, rows.selectExpr(cols).collectAsList().stream().map(Row::toString).sorted().toList());
        }
        return tables;
    }
}
