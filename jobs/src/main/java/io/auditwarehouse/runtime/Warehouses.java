package io.auditwarehouse.runtime;

import io.auditwarehouse.config.AppConfig;
import io.auditwarehouse.sinks.MySqlWarehouse;
import io.auditwarehouse.sinks.ParquetWarehouse;
import io.auditwarehouse.sinks.WarehouseDatabase;
import io.auditwarehouse.sinks.WarehouseSink;
import org.apache.spark.sql.SparkSession;

/** Picks the warehouse the configuration names: Parquet under --out unless a MySQL warehouse is configured. */
public final class Warehouses {

    private Warehouses() {
    }

    public static WarehouseSink open(SparkSession spark, AppConfig config) {
        if (config.servers().warehouseInMysql()) return new MySqlWarehouse(spark, WarehouseDatabase.of(config.servers()));
        return new ParquetWarehouse(spark, config.warehouseDir());
    }
}
