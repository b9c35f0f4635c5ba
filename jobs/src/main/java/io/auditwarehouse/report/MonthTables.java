package io.auditwarehouse.report;

import io.auditwarehouse.sinks.WarehouseSink;
import io.auditwarehouse.sinks.WarehouseTables;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.col;

/** A month of the warehouse, as the package needs it: read from the published tables only, never the sources. */
public record MonthTables(YearMonth month, Map<String, StructType> schemas, Map<String, List<Row>> rows) {

    /** Tables in the package, each with the columns that order its rows (so a re-render writes the same bytes). */
    static final Map<String, List<String>> ORDER = orderedTables();

    private static Map<String, List<String>> orderedTables() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put(WarehouseTables.RUN, List.of("business_date", "controller", "job_name", "build_number"));
        m.put(WarehouseTables.FINDING, List.of("business_date", "control_id", "reason_code", "finding_id"));
        m.put(WarehouseTables.APPROVAL, List.of("business_date", "approval_no"));
        m.put(WarehouseTables.DAILY_SUMMARY, List.of("business_date", "controller", "control_id"));
        m.put(WarehouseTables.CATALOG, List.of("control_id", "reason_code"));
        m.put(WarehouseTables.QUARANTINE, List.of("source", "document_id"));
        return m;
    }

    public static MonthTables read(WarehouseSink warehouse, YearMonth month) {
        List<LocalDate> dates = month.atDay(1).datesUntil(month.plusMonths(1).atDay(1)).toList();
        Map<String, StructType> schemas = new LinkedHashMap<>();
        Map<String, List<Row>> rows = new LinkedHashMap<>();
        for (var e : ORDER.entrySet()) {
            String table = e.getKey();
            StructType schema = WarehouseTables.schemaOf(table);
            Dataset<Row> data = WarehouseTables.DATED.contains(table)
                    ? warehouse.readDates(table, schema, dates) : warehouse.read(table);
            schemas.put(table, schema);
            rows.put(table, data == null ? List.of()
                    : data.selectExpr(schema.fieldNames()).orderBy(e.getValue().stream().map(c -> col(c)).toArray(Column[]::new))
                    .collectAsList());
        }
        return new MonthTables(month, schemas, rows);
    }

    public List<Row> rows(String table) {
        return rows.get(table);
    }
}
