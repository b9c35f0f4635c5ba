package io.auditwarehouse.notify;

import io.auditwarehouse.model.Severity;
import io.auditwarehouse.sinks.WarehouseSink;
import io.auditwarehouse.sinks.WarehouseTables;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import static org.apache.spark.sql.functions.col;

/**
 * The findings the warehouse holds now at or above a severity: what a target should have been told of. A finding a
 * restatement removed is no longer among them; one it kept keeps its id, so the ledger knows it.
 */
final class PendingFindings {

    private PendingFindings() {
    }

    static List<PendingFinding> read(WarehouseSink warehouse, Severity min) {
        Dataset<Row> findings = warehouse.read(WarehouseTables.FINDING);
        if (findings == null) return List.of();
        Object[] severities = Arrays.stream(Severity.values()).filter(s -> s.atLeast(min)).map(Severity::name).toArray();
        return findings.filter(col("severity").isin(severities))
                .select("finding_id", "business_date", "control_id", "reason_code", "severity", "controller", "job_name", "build_number")
                .collectAsList().stream().map(PendingFindings::of).toList();
    }

    private static PendingFinding of(Row r) {
        Object date = r.get(1);
        LocalDate d = date instanceof java.sql.Date s ? s.toLocalDate() : (LocalDate) date;
        return new PendingFinding(r.getString(0), d, r.getString(2), r.getString(3), r.getString(4), r.getString(5),
                r.getString(6), r.isNullAt(7) ? null : r.getInt(7));
    }
}
