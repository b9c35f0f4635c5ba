package io.auditwarehouse.schedule;

import io.auditwarehouse.config.AppConfig;
import io.auditwarehouse.runtime.Progress;
import io.auditwarehouse.runtime.SparkSessions;
import io.auditwarehouse.runtime.Warehouses;
import io.auditwarehouse.sinks.MySqlWarehouse;
import io.auditwarehouse.sinks.WarehouseDatabase;
import io.auditwarehouse.sinks.WarehouseSink;
import org.apache.spark.sql.SparkSession;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/** What the scheduled runs of one scheduler process share: the config, the ledger, Spark (started on first need), counts. */
public final class SchedulerRuntime {

    /** Key of this object in the Quartz scheduler context (kept in memory, never in the job store). */
    public static final String KEY = "io.auditwarehouse.runtime";

    private final AppConfig config;
    private final PrintWriter out;
    private final PrintWriter err;
    private final Map<String, AtomicInteger[]> counts = new TreeMap<>();
    private WarehouseSink ledger;

    public SchedulerRuntime(AppConfig config, PrintWriter out, PrintWriter err) {
        this.config = config;
        this.out = out;
        this.err = err;
    }

    public AppConfig config() {
        return config;
    }

    /**
     * The warehouse the ledger rows go to. The MySQL warehouse writes recon_batch over JDBC without Spark, so the
     * probe runs without starting Spark; the Parquet warehouse needs Spark.
     */
    public synchronized WarehouseSink ledger() {
        if (ledger == null) {
            ledger = config.servers().warehouseInMysql() ? new MySqlWarehouse(null, WarehouseDatabase.of(config.servers()))
                    : Warehouses.open(spark(), config);
        }
        return ledger;
    }

    public synchronized SparkSession spark() {
        return SparkSessions.getOrCreate(config.sparkMaster());
    }

    public Progress progress() {
        return Progress.to(err);
    }

    public void say(String line) {
        synchronized (out) {
            out.println(Instant.now() + "  " + line);
            out.flush();
        }
    }

    synchronized void finished(String kind, boolean ok) {
        counts.computeIfAbsent(kind, k -> new AtomicInteger[]{new AtomicInteger(), new AtomicInteger()})[ok ? 0 : 1].incrementAndGet();
    }

    /** kind: completed, failed — of the runs this process made. */
    public synchronized String summary() {
        if (counts.isEmpty()) return "no runs on this node";
        StringBuilder s = new StringBuilder();
        counts.forEach((kind, c) -> s.append(s.isEmpty() ? "" : ", ").append(kind).append(": ").append(c[0].get())
                .append(" completed, ").append(c[1].get()).append(" failed"));
        return s.toString();
    }
}
