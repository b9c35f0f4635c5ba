package io.auditwarehouse.cli;

import io.auditwarehouse.config.AppConfig;
import io.auditwarehouse.config.ConfigException;
import io.auditwarehouse.config.ConfigLoader;
import io.auditwarehouse.generate.load.EsSourceLoader;
import io.auditwarehouse.generate.load.MySqlSourceLoader;
import io.auditwarehouse.generate.GenerationSummary;
import io.auditwarehouse.generate.GeneratorSpec;
import io.auditwarehouse.generate.MonthGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "generate", mixinStandardHelpOptions = true, footer = ExitCodes.HELP,
        description = "Writes a synthetic month in the real input formats (approvals.csv, users.csv, builds.ndjson, "
                + "audit/<controller>.ndjson) with every reason code planted at known rates, plus ground-truth.csv "
                + "(the findings the reconciliation must produce) and generation.json (counts and the as-of to use).")
final class GenerateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--month", required = true, paramLabel = "YYYY-MM", description = "the month to generate")
    String month;

    @Option(names = "--runs", defaultValue = "20000", paramLabel = "N", description = "runs to generate (default ${DEFAULT-VALUE})")
    int runs;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "S", description = "random seed; the same seed gives the same files (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "folder to write (usable as --input)")
    Path out;

    @Option(names = "--to", split = ",", defaultValue = "files", paramLabel = "TARGET",
            description = "files (always written), and also mysql: approvals and users into the approval database of "
                    + "sources.approvals.* (an account that may create tables), es: build records and audit trail into "
                    + "the indices of sources.builds.index / sources.audit.index on elasticsearch.url")
    List<String> to;

    @Option(names = "--config", paramLabel = "FILE", description = "configuration file naming the databases for --to")
    Path config;

    @Override
    public Integer call() throws IOException {
        for (String target : to) {
            if (!List.of("files", "mysql", "es").contains(target)) throw new ConfigException("--to", "unknown target '" + target + "' (files, mysql, es)");
        }
        GenerationSummary summary = generate(parseMonth(month), runs, seed, out, spec.commandLine().getErr());
        print(spec.commandLine().getOut(), summary);
        AppConfig cfg = to.size() > 1 || !to.contains("files") ? ConfigLoader.load(config, out, null) : null;
        if (to.contains("mysql")) spec.commandLine().getOut().println("  " + MySqlSourceLoader.load(cfg, out, GeneratorSpec.UTC));
        if (to.contains("es")) spec.commandLine().getOut().println("  " + EsSourceLoader.load(cfg, out, summary.month()));
        return ExitCodes.OK;
    }

    static GenerationSummary generate(YearMonth month, int runs, long seed, Path out, PrintWriter progress) throws IOException {
        if (runs < 100) throw new ConfigException("--runs", "at least 100 runs are needed to plant every reason code");
        progress.printf("generating %,d runs for %s (seed %d) into %s ...%n", runs, month, seed, out);
        progress.flush();
        return new MonthGenerator().generate(GeneratorSpec.of(month, runs, seed), out);
    }

    static void print(PrintWriter out, GenerationSummary s) {
        out.println();
        out.printf("generated %s: %,d runs on %s, seed %d%n", s.month(), s.runs(), String.join(", ", s.controllers()), s.seed());
        s.files().forEach((file, f) -> out.printf("  %-24s %,7d lines, %,5d duplicates, %d malformed%n", file, f.lines(),
                f.duplicates(), f.malformedLines()));
        out.printf("  ground truth: %,d findings over %d reason codes%n",
                s.findings().values().stream().mapToInt(Integer::intValue).sum(), s.findings().size());
        out.println("  reconcile it as of " + s.asOf() + " (see generation.json)");
        out.println("  folder: " + s.outDir().toAbsolutePath().normalize());
        out.flush();
    }

    static YearMonth parseMonth(String text) {
        try {
            return YearMonth.parse(text);
        } catch (DateTimeParseException e) {
            throw new ConfigException("--month", "expected YYYY-MM, got '" + text + "'");
        }
    }
}
