package io.auditwarehouse.cli;

import io.auditwarehouse.sinks.WarehouseSink;
import io.auditwarehouse.config.AppConfig;
import io.auditwarehouse.config.ConfigException;
import io.auditwarehouse.report.EvidencePackage.RenderedPackage;
import io.auditwarehouse.notify.PackageAlerts;
import io.auditwarehouse.report.EvidencePackage;
import io.auditwarehouse.report.content.ReportContent;
import io.auditwarehouse.report.PackageRequest;
import io.auditwarehouse.report.Reproduction;
import io.auditwarehouse.sinks.ParquetWarehouse;
import io.auditwarehouse.runtime.Progress;
import io.auditwarehouse.runtime.SparkSessions;
import io.auditwarehouse.runtime.Warehouses;
import io.auditwarehouse.sources.configured.Sources;
import io.auditwarehouse.sinks.WarehouseLock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.Callable;

@Command(name = "report", mixinStandardHelpOptions = true, footer = ExitCodes.HELP,
        description = "Writes the monthly evidence package under <out>/reports/YYYY-MM from the warehouse tables "
                + "(never the sources): evidence-YYYY-MM.pdf, evidence-YYYY-MM.xlsx, csv/*.csv (every table, the "
                + "auditor sample, the restatements) and manifest.json, chained to the previous month's manifest. "
                + "A package already issued for the month whose data changed is kept under <out>/reports/superseded/. "
                + "With report.pseudonymise every user id and display name in it is a keyed pseudonym (see reveal); the "
                + "finding details read in report.locale.")
final class ReportCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Option(names = "--month", required = true, paramLabel = "YYYY-MM", description = "the month to report")
    String month;

    @Option(names = "--format", split = ",", defaultValue = "pdf,xlsx,csv", paramLabel = "FORMAT",
            description = "pdf, xlsx, csv (default: ${DEFAULT-VALUE}); the CSV files are written in any case: "
                    + "they are the package's data of record")
    List<String> formats;

    @Option(names = "--seed", paramLabel = "N",
            description = "auditor sample seed (overrides report.sample.seed; default: the month, e.g. 202610)")
    Long seed;

    @Option(names = "--reproduce",
            description = "re-render the package issued for --month from the warehouse snapshot its manifest records, into "
                    + "<out>/reports/reproduced/YYYY-MM (the issued one is not touched), and compare: CSV and XLSX byte for byte, "
                    + "the PDF's page content; prints one verdict line, exit code 1 when they differ")
    boolean reproduce;

    @Override
    public Integer call() throws Exception {
        Instant started = Instant.now();
        Set<String> chosen = new LinkedHashSet<>();
        for (String f : formats) {
            String format = f.trim().toLowerCase();
            if (!List.of(PackageRequest.PDF, PackageRequest.XLSX, PackageRequest.CSV).contains(format)) {
                throw new ConfigException("--format", "unknown format '" + f + "'; expected pdf, xlsx or csv");
            }
            chosen.add(format);
        }
        AppConfig config = common.load();
        YearMonth ym = GenerateCommand.parseMonth(month);
        PackageRequest request = new PackageRequest(ym, chosen, config.report(), config.businessZone(),
                seed == null ? OptionalLong.empty() : OptionalLong.of(seed),
                Sources.usersToPseudonymise(SparkSessions.getOrCreate(config.sparkMaster()), config));
        if (reproduce) return reproduce(config, request);
        // the whole rendering holds the writer lock: it writes the package, and no batch publishes between its reads
        Progress progress = Progress.to(spec.commandLine().getErr());
        return FailureAlerts.guard(config, progress, "report", ym.atDay(1), ym.atEndOfMonth(), () -> {
            RenderedPackage rendered;
            String note;
            try (WarehouseLock.Held lock = Warehouses.lock(config, "report --month " + ym, progress::step)) {
                WarehouseSink warehouse = Warehouses.openForWriting(SparkSessions.getOrCreate(config.sparkMaster()), config,
                        progress::step);
                rendered = EvidencePackage.render(warehouse, config.outputDir().resolve("reports"), request);
                note = PackageAlerts.issued(config, warehouse, progress, ym, rendered.dir(), "report --month " + ym);
            }
            print(spec.commandLine().getOut(), rendered, Duration.between(started, Instant.now()));
            if (note != null) spec.commandLine().getOut().println("  chat: " + note);
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        });
    }

    /** Reads only: no writer lock, since a kept snapshot never changes and the output folder is its own. */
    private int reproduce(AppConfig config, PackageRequest request) throws IOException {
        if (config.servers().warehouseInMysql()) {
            throw new ConfigException("--reproduce", "time travel needs the embedded warehouse: warehouse.jdbc_url names a MySQL "
                    + "warehouse, which keeps only the current rows");
        }
        Path reports = config.outputDir().resolve("reports");
        long version = EvidencePackage.issuedSnapshot(reports, request.month());
        ParquetWarehouse warehouse = (ParquetWarehouse) Warehouses.open(SparkSessions.getOrCreate(config.sparkMaster()), config);
        if (!warehouse.snapshots().exists(version)) {
            throw new ConfigException("--reproduce", "snapshot " + version + " named by the package of " + request.month()
                    + " is no longer kept under " + warehouse.dir() + " (older than warehouse.retention)");
        }
        Reproduction r = EvidencePackage.reproduce(warehouse.at(version), reports, request);
        spec.commandLine().getOut().println(r.verdict());
        spec.commandLine().getOut().flush();
        return r.identical() ? ExitCodes.OK : ExitCodes.FAILURE;
    }

    static void print(PrintWriter out, RenderedPackage p, Duration took) throws IOException {
        var c = p.content();
        long runs = c.completeness().coverage().stream().mapToLong(s -> s.runs()).sum();
        long reviews = c.restatements().stream().filter(r -> ReportContent.REVIEWED.equals(r.change())).count();
        out.printf("evidence package %s: %,d runs, %,d findings, sample of %,d (seed %d, %s), %s%s%n", c.month(), runs,
                c.exceptions().size(), c.sample().size(), c.seed(), c.seedSource(),
                p.restatedFindings() == null ? "no restatements since the last issued package"
                        : p.restatedFindings() + " findings restated since the last issued package",
                reviews == 0 ? "" : String.format(", %,d review(s) recorded since it", reviews));
        for (Path f : p.files()) out.printf("  %-34s %,12d bytes%n", f, Files.size(p.dir().resolve(f)));
        if (p.superseded() != null) out.println("  the package it replaces is kept in " + p.superseded());
        out.println("  written to " + p.dir().toAbsolutePath().normalize() + " in " + String.format("%.1f s", took.toMillis() / 1000.0)
                + "; check it with: audit-warehouse verify " + p.dir());
        out.flush();
    }
}
