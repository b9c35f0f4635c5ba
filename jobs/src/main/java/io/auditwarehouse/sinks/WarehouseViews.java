package io.auditwarehouse.sinks;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

import java.util.ArrayList;
import java.util.List;

/** Registers every published table of the embedded warehouse as a Spark SQL view of the same name. */
public final class WarehouseViews {

    private WarehouseViews() {
    }

    /** @return the names registered */
    public static List<String> register(SparkSession spark, ParquetWarehouse warehouse) {
        List<String> registered = new ArrayList<>();
        for (String table : warehouse.publishedTables()) {
            Dataset<Row> rows = warehouse.read(table);
            if (rows == null) continue;
            // the ledger is stored one folder per batch; that folder name is not a column anyone wants
            if (WarehouseTables.BATCH.equals(table)) rows = rows.drop("batch");
            // partition columns come back last; show every table in its documented column order
            StructType schema = WarehouseTables.schemaOf(table);
            if (schema != null) rows = rows.selectExpr(schema.fieldNames());
            rows.createOrReplaceTempView(table);
            registered.add(table);
        }
        return registered;
    }
}
