package io.auditwarehouse.cli;

import io.auditwarehouse.config.AppConfig;
import io.auditwarehouse.config.ConfigException;
import io.auditwarehouse.config.ConfigLoader;
import io.auditwarehouse.generate.GenerationSummary;
import io.auditwarehouse.generate.GeneratorSpec;
import io.auditwarehouse.job.BatchPlanner;
import io.auditwarehouse.job.BatchResult;
import io.auditwarehouse.job.ReconcileJob;
import io.auditwarehouse.job.Reconciliation;
import io.auditwarehouse.report.EvidencePackage.RenderedPackage;
import io.auditwarehouse.report.EvidencePackage;
import io.auditwarehouse.report.PackageRequest;
import io.auditwarehouse.review.DemoReviews;
import io.auditwarehouse.review.ReviewRecorder;
import io.auditwarehouse.runtime.Progress;
import io.auditwarehouse.runtime.SparkSessions;
import io.auditwarehouse.runtime.Warehouses;
import io.auditwarehouse.sources.configured.Sources;
import io.auditwarehouse.sinks.InterruptedBatches;
import io.auditwarehouse.sinks.WarehouseLock;
import io.auditwarehouse.sinks.kibana.KibanaIndexes;
import io.auditwarehouse.sources.configured.Sources;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.Callable;

@Command(name = "demo", mixinStandardHelpOptions = true, footer = ExitCodes.HELP,
        description = "Generates a realistic month as files, reconciles every day of it on the embedded default "
                + "(Spark local, Parquet out) as of the 10th of the next month, when every SLA of the month has run out, "
                + "and prints where to look. The month is the latest whose as-of has passed: the demo never reconciles "
                + "as of a future instant.")
final class DemoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--out", defaultValue = "out/demo", paramLabel = "DIR", description = "where to write everything (default ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--month", paramLabel = "YYYY-MM",
            description = "month to generate (default: the latest month whose as-of, the 10th of the next month, has passed)")
    String month;

    @Option(names = "--runs", defaultValue = "20000", paramLabel = "N", description = "runs to generate (default ${DEFAULT-VALUE})")
    int runs;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "S", description = "random seed (default ${DEFAULT-VALUE})")
    long seed;

    @Override
    public Integer call() throws IOException {
        Instant started = Instant.now();
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        AppConfig config = ConfigLoader.load(null, out.resolve("input"), out);
        YearMonth ym = demoMonth(month, started);

        GenerationSummary generated = GenerateCommand.generate(ym, runs, seed, config.inputDir(), err);
        GenerateCommand.print(stdout, generated);

        Progress progress = Progress.to(err);
        ReconcileJob job = new ReconcileJob(SparkSessions.getOrCreate(config.sparkMaster()), config, progress);
        List<BatchResult> results = new ArrayList<>();
        List<LocalDate> days = BatchPlanner.range(ym.atDay(1), ym.atEndOfMonth());
        // one batch for the whole month: a demo needs no resumable chunks, and each batch has a fixed cost
        try (Reconciliation reconciliation = job.open(generated.asOf().toInstant(), days)) {
            results.add(reconciliation.publish("backfill", days));
        }
        // a few findings reviewed, so the PDF and recon_finding_status show dispositions too
        ReviewRecorder.Recorded reviewed = DemoReviews.record(job.warehouse(), KibanaIndexes.forConfig(config),
                Sources.users(SparkSessions.getOrCreate(config.sparkMaster()), config), Instant.now());
        Instant reportStarted = Instant.now();
        RenderedPackage report;
        try (WarehouseLock.Held lock = Warehouses.lock(config, "demo: report --month " + ym, progress::step)) {
            InterruptedBatches.repair(job.warehouse(), Instant.now()).forEach(progress::step);
            report = EvidencePackage.render(job.warehouse(), config.outputDir().resolve("reports"),
                    new PackageRequest(ym, Set.of(PackageRequest.PDF, PackageRequest.XLSX), config.report(),
                            config.businessZone(), OptionalLong.empty(),
                            Sources.usersToPseudonymise(SparkSessions.getOrCreate(config.sparkMaster()), config)));
        }
        RunSummary.print(stdout, "demo", results, Duration.between(started, Instant.now()));
        stdout.println();
        ReportCommand.print(stdout, report, Duration.between(reportStarted, Instant.now()));
        String o = out.toString();
        stdout.println();
        stdout.println("Open the auditors' report: " + report.dir().resolve("evidence-" + ym + ".pdf"));
        stdout.println("Look around:");
        stdout.println("  bin/audit-warehouse sql --out " + o + " \"select reason_code, count(*) from recon_finding group by 1 order by 2 desc\"");
        stdout.println("  bin/audit-warehouse sql --out " + o + " \"select * from recon_daily_summary where business_date = '" + ym.atDay(1) + "'\"");
        stdout.println("  bin/audit-warehouse sql --out " + o + " --format csv \"select * from recon_finding where severity = 'HIGH'\"");
        if (config.servers().esUrl().isEmpty()) {
            stdout.println("  Kibana bulk files, index templates and saved objects in " + out.resolve("kibana") + " (README: Kibana)");
        }
        if (reviewed != null) {
            stdout.println("  bin/audit-warehouse sql --out " + o + " \"select * from recon_finding_status where disposition <> 'OPEN'\"  "
                    + "(4 demo reviews by root.admin and baek.admin; record yours with: bin/audit-warehouse review --input "
                    + config.inputDir() + " --out " + o + " FINDING_ID --disposition REMEDIATED --reference T-1 --as root.admin)");
        }
        stdout.println("  inputs in " + config.inputDir() + ", ground truth in " + config.inputDir().resolve("ground-truth.csv"));
        stdout.flush();
        return ExitCodes.OK;
    }

    /**
     * The month the demo generates and reconciles at wall-clock {@code now}: the one asked for, or the latest whose
     * as-of has passed. A month whose as-of is still ahead is refused, so the cover never shows data "as of" a
     * date after the one it was generated on.
     */
    static YearMonth demoMonth(String month, Instant now) {
        if (month == null) return GeneratorSpec.latestClosedMonth(now, GeneratorSpec.SEOUL);
        YearMonth ym = GenerateCommand.parseMonth(month);
        Instant asOf = GeneratorSpec.asOf(ym, GeneratorSpec.SEOUL);
        if (asOf.isAfter(now)) {
            throw new ConfigException("--month", ym + " is reconciled as of " + asOf.atZone(GeneratorSpec.SEOUL).toLocalDate()
                    + " (when its SLAs have run out), which is still ahead; the demo never reconciles as of a future instant: "
                    + "pick " + GeneratorSpec.latestClosedMonth(now, GeneratorSpec.SEOUL) + " or earlier");
        }
        return ym;
    }
}
