package io.auditwarehouse.cli;

import io.auditwarehouse.config.AppConfig;
import io.auditwarehouse.config.ConfigException;
import io.auditwarehouse.job.SparkSessions;
import io.auditwarehouse.job.Warehouses;
import io.auditwarehouse.report.EvidencePackage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "report", mixinStandardHelpOptions = true, footer = ExitCodes.HELP,
        description = "Writes the monthly evidence package under <out>/reports/YYYY-MM from the warehouse tables "
                + "(never the sources): csv/*.csv and manifest.json, chained to the previous month's manifest.")
final class ReportCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Option(names = "--month", required = true, paramLabel = "YYYY-MM", description = "the month to report")
    String month;

    @Option(names = "--format", split = ",", defaultValue = "csv", paramLabel = "FORMAT",
            description = "csv (the PDF and XLSX renderings are not built yet)")
    List<String> formats;

    @Override
    public Integer call() throws IOException {
        for (String f : formats) {
            if (!"csv".equals(f)) throw new ConfigException("--format", f + " is not available yet; available: csv");
        }
        AppConfig config = common.load();
        YearMonth ym = GenerateCommand.parseMonth(month);
        Path dir = EvidencePackage.render(Warehouses.open(SparkSessions.getOrCreate(config.sparkMaster()), config),
                config.outputDir().resolve("reports"), ym);
        spec.commandLine().getOut().println("evidence package for " + ym + ": " + dir.toAbsolutePath().normalize());
        spec.commandLine().getOut().println("  check it with: audit-warehouse verify " + dir);
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
