package io.auditwarehouse.schedule;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.auditwarehouse.sinks.WarehouseDatabase;
import org.quartz.utils.ConnectionProvider;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Quartz's connections to the warehouse, from a HikariCP pool built here rather than from Quartz properties: the
 * password goes from the config's secret straight into the pool, never through a properties object Quartz could print.
 * HikariCP logs the JDBC URL (which carries no credentials) and masks the password in its configuration dump.
 */
final class HikariConnectionProvider implements ConnectionProvider {

    private final HikariDataSource pool;

    HikariConnectionProvider(WarehouseDatabase db, int maxConnections) {
        HikariConfig c = new HikariConfig();
        c.setPoolName("audit-warehouse-scheduler");
        c.setJdbcUrl(db.url());
        c.setDriverClassName(WarehouseDatabase.DRIVER);
        Properties p = db.properties();
        if (p.getProperty("user") != null) c.setUsername(p.getProperty("user"));
        if (p.getProperty("password") != null) c.setPassword(p.getProperty("password"));
        c.setMaximumPoolSize(maxConnections);
        c.setMinimumIdle(1);
        c.setAutoCommit(false);
        c.setConnectionTimeout(10_000);
        c.setInitializationFailTimeout(10_000);
        this.pool = new HikariDataSource(c);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return pool.getConnection();
    }

    @Override
    public void shutdown() {
        pool.close();
    }

    @Override
    public void initialize() {
    }
}
