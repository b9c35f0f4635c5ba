package io.auditwarehouse.cli;

import io.auditwarehouse.config.AppConfig;
import io.auditwarehouse.config.ConfigException;
import io.auditwarehouse.config.ConfigKey;
import io.auditwarehouse.errors.ErrorMessages;
import io.auditwarehouse.schedule.SchedulerRuntime;
import io.auditwarehouse.schedule.SchedulerService;
import io.auditwarehouse.sources.SourceUnavailableException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

@Command(name = "scheduler", mixinStandardHelpOptions = true, footer = ExitCodes.HELP,
        description = "Runs in the foreground until stopped (SIGTERM or Ctrl-C: no new runs, the running ones finish) and fires "
                + "nightly, report and digest on the cron expressions schedule.* in the business zone. Each run has its row in "
                + "recon_batch (kind scheduled-<kind>, batch id <kind>-<slot>). With warehouse.jdbc_url the schedule is kept in "
                + "the warehouse (Quartz tables created by migrate) and several schedulers share it: each slot runs once, on one "
                + "node, and a run whose node died is run again by another. Without it the schedule is kept in memory.")
final class SchedulerCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Instant started = Instant.now();
        AppConfig config = common.load();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (config.schedule().crons().isEmpty()) {
            throw new ConfigException(ConfigKey.SCHEDULE_NIGHTLY.key(), "every schedule.* trigger is empty: nothing to schedule");
        }
        SchedulerRuntime runtime = new SchedulerRuntime(config, out, err);
        SchedulerService service;
        try {
            service = SchedulerService.create(config, runtime);
        } catch (Exception e) {
            if (config.servers().warehouseInMysql() && isUnreachable(e)) {
                throw new SourceUnavailableException("warehouse " + config.servers().warehouseJdbcUrl(),
                        "unreachable: " + ErrorMessages.firstLine(e), e);
            }
            throw e;
        }
        ZoneId zone = config.businessZone();
        if (service.clustered()) {
            out.println("scheduler " + service.instanceId() + ": schedule kept in " + config.servers().warehouseJdbcUrl()
                    + " (clustered: each slot runs on one node; a run whose node died is re-run by another)");
        } else {
            out.println("scheduler " + service.instanceId() + ": schedule kept in memory (warehouse.jdbc_url not set): "
                    + "not clustered, no recovery of a run interrupted by a crash");
        }
        service.nextFireTimes().forEach((kind, next) -> out.println("  " + String.format("%-8s", kind) + " "
                + config.schedule().crons().get(kind) + "  next " + (next == null ? "never" : next.atZone(zone).toOffsetDateTime())));
        out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            runtime.say("stopping: no new runs; waiting for the running ones to finish");
            try {
                service.shutdown();
            } catch (Exception e) {
                err.println("error stopping the scheduler: " + ErrorMessages.firstLine(e));
            }
            out.println("scheduler stopped after " + Duration.between(started, Instant.now()).toSeconds() + " s; "
                    + runtime.summary());
            out.flush();
            stopped.countDown();
        }, "scheduler-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        service.start();
        stopped.await();
        return ExitCodes.OK;
    }

    private static boolean isUnreachable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLTransientConnectionException || t instanceof java.sql.SQLNonTransientConnectionException
                    || t.getClass().getSimpleName().equals("PoolInitializationException")) {
                return true;
            }
        }
        return false;
    }
}
