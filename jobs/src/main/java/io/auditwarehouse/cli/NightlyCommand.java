package io.auditwarehouse.cli;

import io.auditwarehouse.config.AppConfig;
import io.auditwarehouse.job.BatchPlanner;
import io.auditwarehouse.job.BatchResult;
import io.auditwarehouse.job.ReconcileJob;
import io.auditwarehouse.runtime.Progress;
import io.auditwarehouse.runtime.SparkSessions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "nightly", mixinStandardHelpOptions = true, footer = ExitCodes.HELP,
        description = "Reconciles business date D (default: yesterday in the business zone) and re-reconciles the "
                + "lookback window before it (rules.lookback) for late data and pending evidence; publishes the tables.")
final class NightlyCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Option(names = "--date", paramLabel = "D", description = "business date to reconcile (YYYY-MM-DD)")
    String date;

    @Mixin
    FailOnOption failOn;

    @Override
    public Integer call() throws Exception {
        Instant started = Instant.now();
        AppConfig config = common.load();
        LocalDate d = date == null ? LocalDate.now(config.businessZone()).minusDays(1) : CommonOptions.parseDate("--date", date);
        Instant asOf = common.asOf(config.businessZone());
        List<LocalDate> dates = BatchPlanner.nightly(d, (int) config.lookback().toDays());
        Progress progress = Progress.to(spec.commandLine().getErr());
        return FailureAlerts.guard(config, progress, "nightly", dates.get(0), dates.get(dates.size() - 1), () -> {
            ReconcileJob job = new ReconcileJob(SparkSessions.getOrCreate(config.sparkMaster()), config, progress);
            BatchResult result = job.reconcile("nightly", dates, asOf);
            return RunSummary.finish(spec.commandLine().getOut(), "nightly", List.of(result), started, failOn.severity);
        });
    }
}
