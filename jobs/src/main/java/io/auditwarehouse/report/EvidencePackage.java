package io.auditwarehouse.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.auditwarehouse.job.SoftwareVersion;
import io.auditwarehouse.sinks.WarehouseSink;
import io.auditwarehouse.sinks.WarehouseTables;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.apache.spark.sql.functions.col;

/** The monthly evidence package for auditors: reads the warehouse tables, writes the files and the manifest. */
public final class EvidencePackage {

    private EvidencePackage() {
    }

    /** Writes {@code <reportsDir>/<YYYY-MM>/} and returns its folder. */
    public static Path render(WarehouseSink warehouse, Path reportsDir, YearMonth month) throws IOException {
        MonthTables tables = MonthTables.read(warehouse, month);
        Path dir = Files.createDirectories(reportsDir.resolve(month.toString()));
        List<Path> files = CsvPackage.write(dir, tables);

        ObjectNode m = Manifest.JSON.createObjectNode();
        m.put("period", month.toString());
        m.put("software_version", SoftwareVersion.get());
        TreeSet<String> batchIds = new TreeSet<>();
        for (Row r : tables.rows(WarehouseTables.RUN)) batchIds.add(r.getAs("batch_id"));
        for (Row r : tables.rows(WarehouseTables.DAILY_SUMMARY)) batchIds.add(r.getAs("batch_id"));
        inputs(warehouse, batchIds, m);
        ObjectNode counts = m.putObject("row_counts");
        tables.rows().forEach((table, rows) -> counts.put(table, rows.size()));
        controlTotals(tables, m.putObject("control_totals"));
        m.set("outputs", Manifest.outputs(dir, files));
        Path previous = Manifest.previousManifest(dir, month);
        if (Files.exists(previous)) m.put("previous_manifest_sha256", Manifest.sha256(previous));
        else m.putNull("previous_manifest_sha256");
        Manifest.write(dir, m);
        return dir;
    }

    /** The batches that published the month: their as-of instants and what they read. */
    private static void inputs(WarehouseSink warehouse, TreeSet<String> batchIds, ObjectNode m) {
        Dataset<Row> batches = warehouse.read(WarehouseTables.BATCH);
        Instant asOf = null;
        var inputs = m.putArray("inputs");
        if (batches != null && !batchIds.isEmpty()) {
            for (Row b : batches.filter(col("batch_id").isin(batchIds.toArray())).orderBy("batch_id").collectAsList()) {
                ObjectNode i = inputs.addObject();
                i.put("batch_id", b.<String>getAs("batch_id"));
                Instant at = instant(b.getAs("as_of"));
                i.put("as_of", String.valueOf(at));
                for (String c : List.of("builds_read", "audit_read", "approvals_read", "users_read", "quarantined")) {
                    i.put(c, b.<Long>getAs(c));
                }
                if (at != null && (asOf == null || at.isAfter(asOf))) asOf = at;
            }
        }
        m.put("as_of", String.valueOf(asOf));
    }

    private static void controlTotals(MonthTables tables, ObjectNode totals) {
        Map<String, long[]> sums = new TreeMap<>();
        for (Row r : tables.rows(WarehouseTables.DAILY_SUMMARY)) {
            long[] s = sums.computeIfAbsent(r.getAs("control_id"), k -> new long[4]);
            s[0] += r.<Long>getAs("population");
            s[1] += r.<Long>getAs("exceptions");
            s[2] += r.<Long>getAs("pending");
            s[3] += r.<Long>getAs("findings_high") + r.<Long>getAs("findings_medium") + r.<Long>getAs("findings_low")
                    + r.<Long>getAs("findings_info");
        }
        sums.forEach((control, s) -> {
            ObjectNode c = totals.putObject(control);
            c.put("population", s[0]);
            c.put("exceptions", s[1]);
            c.put("pending", s[2]);
            c.put("findings", s[3]);
        });
    }

    /** Spark hands timestamps back as Instant or java.sql.Timestamp depending on the reader. */
    private static Instant instant(Object v) {
        return v == null ? null : v instanceof Instant i ? i : ((java.sql.Timestamp) v).toInstant();
    }
}
