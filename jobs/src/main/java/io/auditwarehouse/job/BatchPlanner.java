package io.auditwarehouse.job;

import io.auditwarehouse.sinks.WarehouseSink;
import io.auditwarehouse.sinks.WarehouseTables;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.apache.spark.sql.functions.col;

/** Which business dates a command reconciles, and which a resumed backfill may skip. */
public final class BatchPlanner {

    private BatchPlanner() {
    }

    /** The date and the lookback window before it, oldest first. */
    public static List<LocalDate> nightly(LocalDate date, int lookbackDays) {
        List<LocalDate> dates = new ArrayList<>();
        for (LocalDate d = date.minusDays(lookbackDays); !d.isAfter(date); d = d.plusDays(1)) dates.add(d);
        return dates;
    }

    public static List<LocalDate> range(LocalDate from, LocalDate to) {
        List<LocalDate> dates = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) dates.add(d);
        return dates;
    }

    /** Consecutive chunks of at most {@code size} dates, so a long backfill publishes (and resumes) as it goes. */
    public static List<List<LocalDate>> chunks(List<LocalDate> dates, int size) {
        List<List<LocalDate>> chunks = new ArrayList<>();
        for (int i = 0; i < dates.size(); i += size) chunks.add(dates.subList(i, Math.min(dates.size(), i + size)));
        return chunks;
    }

    /** Kinds of batch that publish business dates; the ledger also records others (the digest mail). */
    public static final List<String> PUBLISHING_KINDS = List.of("nightly", "backfill");

    /** Dates covered by a COMPLETED reconciliation batch of this software version. */
    public static Set<LocalDate> publishedBy(WarehouseSink warehouse, String version) {
        Set<LocalDate> dates = new TreeSet<>();
        Dataset<Row> batches = warehouse.read(WarehouseTables.BATCH);
        if (batches == null) return dates;
        for (Row r : batches.filter(col("status").equalTo("COMPLETED").and(col("software_version").equalTo(version))
                        .and(col("kind").isin(PUBLISHING_KINDS.toArray())))
                .select("date_from", "date_to").collectAsList()) {
            dates.addAll(range(r.getLocalDate(0), r.getLocalDate(1)));
        }
        return dates;
    }
}
