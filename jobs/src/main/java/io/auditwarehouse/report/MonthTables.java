package io.auditwarehouse.report;

import io.auditwarehouse.report.content.MonthRows;
import io.auditwarehouse.sinks.WarehouseSink;
import io.auditwarehouse.sinks.WarehouseTables;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

import static org.apache.spark.sql.functions.col;

/**
 * A month of the warehouse, as the package needs it: read from the published tables only, never the sources.
 * Rows are streamed from Spark one partition at a time in a fixed order, never collected whole. Each table is read
 * and sorted once: the first pass keeps its rows in a local file ({@link RowSpill}) that later passes replay.
 * Closing deletes those files.
 */
public final class MonthTables implements MonthRows, AutoCloseable {

    /** Tables in the package, each with the columns that order its rows (so a re-render writes the same bytes). */
    static final Map<String, List<String>> ORDER = orderedTables();

    private final WarehouseSink warehouse;
    private final YearMonth month;
    private final List<LocalDate> dates;
    private final Set<String> batchIds;
    private final Map<String, RowSpill> spilled = new HashMap<>();
    private UserMask mask = UserMask.NONE;
    private Path spillDir;

    private static Map<String, List<String>> orderedTables() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put(WarehouseTables.RUN, List.of("business_date", "controller", "job_name", "build_number"));
        m.put(WarehouseTables.FINDING, List.of("business_date", "control_id", "reason_code", "finding_id"));
        m.put(WarehouseTables.APPROVAL, List.of("business_date", "approval_no"));
        m.put(WarehouseTables.DAILY_SUMMARY, List.of("business_date", "controller", "control_id"));
        m.put(WarehouseTables.CATALOG, List.of("control_id", "reason_code"));
        m.put(WarehouseTables.QUARANTINE, List.of("source", "document_id"));
        return m;
    }

    private MonthTables(WarehouseSink warehouse, YearMonth month) {
        this.warehouse = warehouse;
        this.month = month;
        this.dates = month.atDay(1).datesUntil(month.plusMonths(1).atDay(1)).toList();
        this.batchIds = publishingBatches();
    }

    public static MonthTables of(WarehouseSink warehouse, YearMonth month) {
        return new MonthTables(warehouse, month);
    }

    public YearMonth month() {
        return month;
    }

    public List<LocalDate> dates() {
        return dates;
    }

    /** Every row handed out from now on has its users replaced by {@code mask}: call it before the first read. */
    void mask(UserMask mask) {
        if (!spilled.isEmpty()) throw new IllegalStateException("the mask must be set before the first read");
        this.mask = mask;
    }

    /** Every value of the month's user-id columns ({@link UserMask#ID_COLUMNS}): the ids the mask must know. */
    Set<String> userIds() {
        Set<String> ids = new TreeSet<>();
        UserMask.ID_COLUMNS.forEach((table, columns) -> {
            Dataset<Row> data = warehouse.readDates(table, schema(table), dates);
            if (data != null) ids.addAll(distinct(data, columns));
        });
        return ids;
    }

    /** The distinct non-null values of some string columns of a table. */
    static Set<String> distinct(Dataset<Row> data, Set<String> columns) {
        Set<String> values = new TreeSet<>();
        Dataset<Row> all = null;
        for (String c : columns) {
            Dataset<Row> one = data.select(col(c).as("v")).where(col("v").isNotNull());
            all = all == null ? one : all.union(one);
        }
        if (all != null) for (Row r : all.distinct().collectAsList()) values.add(r.getString(0));
        return values;
    }

    /** The package's tables, in order. */
    public Set<String> tables() {
        return ORDER.keySet();
    }

    /** The batches whose rows are the month's current ones. */
    public Set<String> batchIds() {
        return batchIds;
    }

    @Override
    public StructType schema(String table) {
        return WarehouseTables.schemaOf(table);
    }

    @Override
    public void forEach(String table, Consumer<Row> action) {
        RowSpill spill = spilled.get(table);
        if (spill != null) {
            spill.forEach(action);
            return;
        }
        Dataset<Row> data = ordered(table);
        if (data == null) return;
        Consumer<Consumer<Row>> source = each -> {
            for (Iterator<Row> it = data.toLocalIterator(); it.hasNext(); ) each.accept(mask.row(table, it.next()));
        };
        spilled.put(table, RowSpill.write(spillFile(table), data.schema(), source, action));
    }

    /** A small table's rows in memory (findings, the catalog, the daily summary: never the runs). */
    public List<Row> collect(String table) {
        List<Row> rows = new ArrayList<>();
        forEach(table, rows::add);
        return rows;
    }

    @Override
    public void close() throws IOException {
        spilled.clear();
        if (spillDir != null) PackageFiles.delete(spillDir);
    }

    private Path spillFile(String table) {
        try {
            if (spillDir == null) spillDir = Files.createTempDirectory("audit-package-rows-");
            return spillDir.resolve(table + ".rows");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary folder for the month's rows", e);
        }
    }

    private Dataset<Row> ordered(String table) {
        StructType schema = schema(table);
        Dataset<Row> data = WarehouseTables.DATED.contains(table)
                ? warehouse.readDates(table, schema, dates) : warehouse.read(table);
        if (data == null) return null;
        // quarantine is kept across months: the package carries what the month's own batches rejected
        if (WarehouseTables.QUARANTINE.equals(table)) {
            Object[] ids = batchIds.toArray();
            data = data.filter(col("first_batch_id").isin(ids).or(col("last_batch_id").isin(ids)));
        }
        return data.selectExpr(schema.fieldNames())
                .orderBy(ORDER.get(table).stream().map(c -> col(c)).toArray(Column[]::new));
    }

    private Set<String> publishingBatches() {
        TreeSet<String> ids = new TreeSet<>();
        for (String table : List.of(WarehouseTables.RUN, WarehouseTables.DAILY_SUMMARY)) {
            Dataset<Row> data = warehouse.readDates(table, schema(table), dates);
            if (data == null) continue;
            for (Row r : data.select("batch_id").distinct().collectAsList()) ids.add(r.getString(0));
        }
        return ids;
    }
}
