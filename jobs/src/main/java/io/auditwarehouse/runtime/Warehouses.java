package io.auditwarehouse.runtime;

import io.auditwarehouse.config.AppConfig;
import io.auditwarehouse.sinks.FileWarehouseLock;
import io.auditwarehouse.sinks.InterruptedBatches;
import io.auditwarehouse.sinks.MySqlWarehouse;
import io.auditwarehouse.sinks.MySqlWarehouseLock;
import io.auditwarehouse.sinks.ParquetWarehouse;
import io.auditwarehouse.sinks.WarehouseDatabase;
import io.auditwarehouse.sinks.WarehouseLock;
import io.auditwarehouse.sinks.WarehouseSink;
import org.apache.spark.sql.SparkSession;

import java.util.function.Consumer;

/** Picks the warehouse the configuration names: Parquet under --out unless a MySQL warehouse is configured. */
public final class Warehouses {

    private Warehouses() {
    }

    public static WarehouseSink open(SparkSession spark, AppConfig config) {
        if (config.servers().warehouseInMysql()) return new MySqlWarehouse(spark, WarehouseDatabase.of(config.servers()));
        return new ParquetWarehouse(spark, config.warehouseDir(), config.warehouseRetention());
    }

    /**
     * The warehouse opened by a writer that holds the writer lock: what an interrupted writer left is repaired first
     * ({@link InterruptedBatches}); each repair is told to {@code progress} in one line.
     */
    public static WarehouseSink openForWriting(SparkSession spark, AppConfig config, Consumer<String> progress) {
        WarehouseSink warehouse = open(spark, config);
        InterruptedBatches.repair(warehouse, java.time.Instant.now()).forEach(progress);
        return warehouse;
    }

    /** The writer lock of the warehouse the configuration names (a file lock, or a MySQL named lock), waiting up to warehouse.lock_wait. */
    public static WarehouseLock lock(AppConfig config) {
        if (config.servers().warehouseInMysql()) {
            return new MySqlWarehouseLock(WarehouseDatabase.of(config.servers()), config.warehouseLockWait());
        }
        return new FileWarehouseLock(config.warehouseDir(), config.warehouseLockWait());
    }

    /** Takes the warehouse's writer lock for {@code what}; one line goes to {@code waiting} if another holds it. */
    public static WarehouseLock.Held lock(AppConfig config, String what, Consumer<String> waiting) {
        return lock(config).acquire(what, waiting);
    }
}
