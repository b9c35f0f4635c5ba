package io.auditwarehouse.schedule;

import io.auditwarehouse.config.AppConfig;
import io.auditwarehouse.config.ScheduleSettings;
import io.auditwarehouse.sinks.WarehouseDatabase;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.utils.DBConnectionManager;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TimeZone;

/**
 * The Quartz scheduler of the {@code scheduler} command. With {@code warehouse.jdbc_url}: the clustered JDBC job store
 * in the warehouse schema (tables created by {@code migrate}), so several nodes share the triggers, each slot fires on
 * one node, and a run whose node died is re-run by another. Without: the in-memory store (one node, no recovery).
 */
public final class SchedulerService {

    public static final String GROUP = "audit-warehouse";
    static final String DATA_SOURCE = "warehouse";
    static final Map<String, Class<? extends Job>> JOBS = Map.of("nightly", Runs.Nightly.class, "report", Runs.Report.class,
            "digest", Runs.Digest.class, "probe", Runs.Probe.class);

    private final Scheduler scheduler;
    private final boolean clustered;

    private SchedulerService(Scheduler scheduler, boolean clustered) {
        this.scheduler = scheduler;
        this.clustered = clustered;
    }

    /** Builds the scheduler (not started) and puts the enabled triggers in its store, replacing what was there. */
    public static SchedulerService create(AppConfig config, SchedulerRuntime runtime) throws SchedulerException {
        ScheduleSettings s = config.schedule();
        boolean clustered = config.servers().warehouseInMysql();
        Properties p = new Properties();
        p.setProperty("org.quartz.scheduler.instanceName", "audit-warehouse");
        p.setProperty("org.quartz.scheduler.instanceId", "AUTO");
        p.setProperty("org.quartz.scheduler.instanceIdGenerator.class", NodeInstanceIds.class.getName());
        p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        p.setProperty("org.quartz.threadPool.threadCount", Integer.toString(s.threads()));
        p.setProperty("org.quartz.jobStore.misfireThreshold", Long.toString(s.misfireThreshold().toMillis()));
        if (clustered) {
            WarehouseDatabase db = WarehouseDatabase.of(config.servers());
            // registered by name, so no connection settings (and no password) appear in the Quartz properties
            DBConnectionManager.getInstance().addConnectionProvider(DATA_SOURCE, new HikariConnectionProvider(db, s.threads() + 3));
            p.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
            p.setProperty("org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.StdJDBCDelegate");
            p.setProperty("org.quartz.jobStore.dataSource", DATA_SOURCE);
            p.setProperty("org.quartz.jobStore.tablePrefix", "QRTZ_");
            p.setProperty("org.quartz.jobStore.isClustered", "true");
            p.setProperty("org.quartz.jobStore.clusterCheckinInterval", Long.toString(s.clusterCheckin().toMillis()));
            p.setProperty("org.quartz.jobStore.acquireTriggersWithinLock", "true");
        } else {
            p.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
        }
        StdSchedulerFactory factory = new StdSchedulerFactory(p);
        Scheduler scheduler = factory.getScheduler();
        scheduler.getContext().put(SchedulerRuntime.KEY, runtime);
        TimeZone zone = TimeZone.getTimeZone(config.businessZone());
        for (Map.Entry<String, Class<? extends Job>> e : JOBS.entrySet()) {
            String kind = e.getKey();
            JobKey key = JobKey.jobKey(kind, GROUP);
            String cron = s.crons().get(kind);
            if (cron == null) {
                scheduler.deleteJob(key); // disabled in this config: no node fires it any more
                continue;
            }
            JobDetail job = JobBuilder.newJob(e.getValue()).withIdentity(key).requestRecovery(true).storeDurably(false).build();
            CronTrigger trigger = TriggerBuilder.newTrigger().withIdentity(kind, GROUP).forJob(key)
                    .withSchedule(CronScheduleBuilder.cronSchedule(cron).inTimeZone(zone).withMisfireHandlingInstructionFireAndProceed())
                    .build();
            CronTrigger existing = (CronTrigger) scheduler.getTrigger(trigger.getKey());
            // an unchanged trigger is left alone: replacing it would forget its misfire state and fire times
            if (existing != null && existing.getCronExpression().equals(cron) && zone.getID().equals(existing.getTimeZone().getID())
                    && scheduler.checkExists(key)) {
                continue;
            }
            scheduler.scheduleJob(job, java.util.Set.of(trigger), true);
        }
        return new SchedulerService(scheduler, clustered);
    }

    public boolean clustered() {
        return clustered;
    }

    public String instanceId() throws SchedulerException {
        return scheduler.getSchedulerInstanceId();
    }

    /** Kind to next fire time, for the enabled triggers. */
    public Map<String, Instant> nextFireTimes() throws SchedulerException {
        Map<String, Instant> next = new LinkedHashMap<>();
        for (String kind : new java.util.TreeSet<>(JOBS.keySet())) {
            Trigger t = scheduler.getTrigger(org.quartz.TriggerKey.triggerKey(kind, GROUP));
            if (t != null) next.put(kind, t.getNextFireTime() == null ? null : t.getNextFireTime().toInstant());
        }
        return next;
    }

    public void start() throws SchedulerException {
        scheduler.start();
    }

    /** Stops firing and waits for the running jobs to end. */
    public void shutdown() throws SchedulerException {
        scheduler.shutdown(true);
    }
}
