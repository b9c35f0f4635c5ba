package io.auditwarehouse.job;

import io.auditwarehouse.config.AppConfig;
import io.auditwarehouse.sinks.ParquetWarehouse;
import io.auditwarehouse.sinks.WarehouseSink;
import org.apache.spark.sql.SparkSession;

/** Picks the warehouse the configuration names: Parquet under --out unless a MySQL warehouse is configured. */
public final class Warehouses {

    private Warehouses() {
    }

    public static WarehouseSink open(SparkSession spark, AppConfig config) {
        return new ParquetWarehouse(spark, config.warehouseDir());
    }
}
