package io.auditwarehouse.cli;

import io.auditwarehouse.config.AppConfig;
import io.auditwarehouse.config.ConfigException;
import io.auditwarehouse.job.SparkSessions;
import io.auditwarehouse.sinks.ParquetWarehouse;
import io.auditwarehouse.sinks.WarehouseViews;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "sql", mixinStandardHelpOptions = true, footer = ExitCodes.HELP,
        description = "Runs Spark SQL over the embedded warehouse (tables recon_run, recon_finding, recon_approval, "
                + "recon_daily_summary, control_catalog, recon_batch, recon_quarantine).")
final class SqlCommand implements Callable<Integer> {

    enum Format { table, csv, json }

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "QUERY", description = "the query, e.g. \"select reason_code, count(*) from recon_finding group by 1\"")
    String query;

    @Option(names = "--format", defaultValue = "table", description = "table (aligned, default), csv or json (one object per line)")
    Format format;

    @Option(names = "--max-rows", defaultValue = "1000", description = "rows shown in table format (default ${DEFAULT-VALUE})")
    int maxRows;

    @Override
    public Integer call() throws IOException {
        AppConfig config = common.load();
        SparkSession spark = SparkSessions.getOrCreate(config.sparkMaster());
        List<String> tables = WarehouseViews.register(spark, new ParquetWarehouse(spark, config.warehouseDir()));
        if (tables.isEmpty()) {
            throw new ConfigException("--out", "no warehouse tables under " + config.warehouseDir() + " (run nightly, backfill or demo first)");
        }
        Dataset<Row> result;
        try {
            result = spark.sql(query);
        } catch (Exception e) {
            // Scala hides that AnalysisException (and ParseException, its subclass) is checked
            if (e instanceof AnalysisException) {
                throw new ConfigException("QUERY", e.getMessage().lines().findFirst().orElse("invalid query"));
            }
            throw e;
        }
        PrintWriter out = spec.commandLine().getOut();
        switch (format) {
            case csv -> printCsv(out, result);
            case json -> result.toJSON().toLocalIterator().forEachRemaining(out::println);
            case table -> printTable(out, result);
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static void printCsv(PrintWriter out, Dataset<Row> result) throws IOException {
        CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(result.columns()).get());
        for (var it = result.toLocalIterator(); it.hasNext(); ) {
            Row r = it.next();
            List<Object> values = new ArrayList<>();
            for (int i = 0; i < r.length(); i++) values.add(r.isNullAt(i) ? "" : r.get(i));
            csv.printRecord(values);
        }
        csv.flush();
    }

    private void printTable(PrintWriter out, Dataset<Row> result) {
        String[] cols = result.columns();
        List<String[]> rows = new ArrayList<>();
        List<Row> collected = result.limit(maxRows + 1).collectAsList();
        for (Row r : collected.subList(0, Math.min(maxRows, collected.size()))) {
            String[] cells = new String[cols.length];
            for (int i = 0; i < cols.length; i++) cells[i] = r.isNullAt(i) ? "NULL" : String.valueOf(r.get(i));
            rows.add(cells);
        }
        int[] width = new int[cols.length];
        for (int i = 0; i < cols.length; i++) {
            width[i] = displayWidth(cols[i]);
            for (String[] row : rows) width[i] = Math.max(width[i], displayWidth(row[i]));
        }
        printRow(out, cols, width);
        StringBuilder rule = new StringBuilder();
        for (int i = 0; i < cols.length; i++) rule.append(i == 0 ? "" : "-+-").append("-".repeat(width[i]));
        out.println(rule);
        rows.forEach(r -> printRow(out, r, width));
        out.println("(" + rows.size() + " row" + (rows.size() == 1 ? "" : "s")
                + (collected.size() > maxRows ? ", more not shown: use --max-rows or --format csv" : "") + ")");
    }

    private static void printRow(PrintWriter out, String[] cells, int[] width) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            line.append(i == 0 ? "" : " | ").append(cells[i]).append(" ".repeat(width[i] - displayWidth(cells[i])));
        }
        out.println(line.toString().stripTrailing());
    }

    /** Hangul and other wide characters take two terminal columns. */
    static int displayWidth(String s) {
        int w = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            w += (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) || (cp >= 0xAC00 && cp <= 0xD7A3)
                    || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFF00 && cp <= 0xFF60) ? 2 : 1;
            i += Character.charCount(cp);
        }
        return w;
    }
}
