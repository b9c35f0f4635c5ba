package io.auditwarehouse.portal;

import io.auditwarehouse.config.AppConfig;
import io.auditwarehouse.sinks.SqlScripts;
import io.auditwarehouse.sinks.WarehouseDatabase;

import java.util.List;
import java.util.Map;

/** The portal's read-only view of the warehouse (embedded or MySQL): queries of {@code sql/portal/}, values bound. */
public interface PortalWarehouse extends AutoCloseable {

    /** The configured warehouse: MySQL when {@code warehouse.jdbc_url} is set, else the embedded one under --out. */
    static PortalWarehouse of(AppConfig config) {
        if (config.servers().warehouseInMysql()) return new MySqlReads(WarehouseDatabase.of(config.servers()));
        return new EmbeddedWarehouse(config.warehouseDir());
    }

    /** Runs {@code sql/portal/<script>.sql} with its parameters; each row maps column name to value. */
    default List<Map<String, Object>> query(String script, List<?> parameters) {
        return run(SqlScripts.read("portal/" + script + ".sql").strip().replaceAll(";$", ""), parameters);
    }

    /**
     * A query assembled from fixed parts of {@code sql/portal/} (a filter's clauses, a whitelisted sort); values bound.
     * Dates come back as LocalDate, timestamps as UTC Instants, whatever the engine.
     */
    List<Map<String, Object>> run(String sql, List<?> parameters);

    @Override
    void close();
}
