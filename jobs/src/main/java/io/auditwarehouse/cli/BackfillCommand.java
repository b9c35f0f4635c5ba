package io.auditwarehouse.cli;

import io.auditwarehouse.config.AppConfig;
import io.auditwarehouse.config.ConfigException;
import io.auditwarehouse.job.BatchPlanner;
import io.auditwarehouse.job.BatchResult;
import io.auditwarehouse.job.ReconcileJob;
import io.auditwarehouse.job.Reconciliation;
import io.auditwarehouse.runtime.Progress;
import io.auditwarehouse.runtime.SoftwareVersion;
import io.auditwarehouse.runtime.SparkSessions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

@Command(name = "backfill", mixinStandardHelpOptions = true, footer = ExitCodes.HELP,
        description = "Reconciles every business date from D1 to D2, publishing chunk by chunk; resumable: dates "
                + "already published by this software version are skipped unless --force.")
final class BackfillCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Option(names = "--from", required = true, paramLabel = "D1", description = "first business date (YYYY-MM-DD)")
    String from;

    @Option(names = "--to", required = true, paramLabel = "D2", description = "last business date (YYYY-MM-DD)")
    String to;

    @Option(names = "--force", description = "redo dates already published by this version")
    boolean force;

    @Option(names = "--chunk-days", defaultValue = "7", paramLabel = "N", description = "dates per batch (default ${DEFAULT-VALUE})")
    int chunkDays;

    @Mixin
    FailOnOption failOn;

    @Override
    public Integer call() throws Exception {
        Instant started = Instant.now();
        AppConfig config = common.load();
        LocalDate d1 = CommonOptions.parseDate("--from", from);
        LocalDate d2 = CommonOptions.parseDate("--to", to);
        if (d2.isBefore(d1)) throw new ConfigException("--to", "is before --from");
        if (chunkDays < 1) throw new ConfigException("--chunk-days", "must be at least 1");
        Instant asOf = common.asOf(config.businessZone());
        Progress progress = Progress.to(spec.commandLine().getErr());
        return FailureAlerts.guard(config, progress, "backfill", d1, d2, () -> {
            ReconcileJob job = new ReconcileJob(SparkSessions.getOrCreate(config.sparkMaster()), config, progress);
            List<BatchResult> results = run(job, progress, BatchPlanner.range(d1, d2), asOf);
            return RunSummary.finish(spec.commandLine().getOut(), "backfill", results, started, failOn.severity);
        });
    }

    private List<BatchResult> run(ReconcileJob job, Progress progress, List<LocalDate> dates, Instant asOf) {
        Set<LocalDate> done = force ? Set.of() : BatchPlanner.publishedBy(job.warehouse(), SoftwareVersion.get());
        List<BatchResult> results = new ArrayList<>();
        List<List<LocalDate>> chunks = BatchPlanner.chunks(dates.stream().filter(d -> !done.contains(d)).toList(), chunkDays);
        if (chunks.isEmpty()) {
            progress.step("every date already published by " + SoftwareVersion.get() + "; nothing to do");
            return results;
        }
        Reconciliation reconciliation;
        try {
            reconciliation = job.open(asOf, dates);
        } catch (RuntimeException e) {
            job.recordFailure("backfill", dates, asOf, e);
            throw e;
        }
        // sources are read once; each chunk is published (and resumable) on its own
        try (reconciliation) {
            for (int i = 0; i < chunks.size(); i++) {
                progress.step("chunk " + (i + 1) + "/" + chunks.size());
                results.add(reconciliation.publish("backfill", chunks.get(i)));
            }
        }
        return results;
    }
}
