package io.auditwarehouse.sinks.kibana;

import io.auditwarehouse.sinks.WarehouseTables;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The order documents are written in: ascending on each column in turn, nulls first (as Spark's orderBy). */
enum DocumentOrder {

    RUNS(WarehouseTables.RUN_SCHEMA, "business_date", "controller", "job_name", "build_number"),
    FINDINGS(WarehouseTables.FINDING_SCHEMA, "business_date", "finding_id");

    private final Comparator<Row> order;

    @SuppressWarnings({"unchecked", "rawtypes"})
    DocumentOrder(StructType schema, String... columns) {
        Comparator<Row> o = (a, b) -> 0;
        for (String column : columns) {
            int i = schema.fieldIndex(column);
            o = o.thenComparing(r -> (Comparable) r.get(i), Comparator.nullsFirst(Comparator.naturalOrder()));
        }
        this.order = o;
    }

    List<Row> sorted(List<Row> rows) {
        List<Row> copy = new ArrayList<>(rows);
        copy.sort(order);
        return copy;
    }
}
