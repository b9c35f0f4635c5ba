package io.auditwarehouse.review;

import io.auditwarehouse.sinks.WarehouseSink;
import io.auditwarehouse.sinks.WarehouseTables;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import static org.apache.spark.sql.functions.col;

/**
 * A published finding and the people it involves, who may not review it (four eyes): the finding's actor, the run's
 * executor, and the requester and approver of its approval (as the run recorded them and as recon_approval has them).
 *
 * @param parties role → user id, e.g. {@code actor → kim.op}, {@code approver → park.lead}
 */
public record FindingParties(String findingId, String controlId, String severity, LocalDate businessDate,
                             Map<String, String> parties) {

    /** The roles the user holds in the finding, e.g. "actor and executor"; empty when none. */
    public List<String> rolesOf(String userId) {
        return parties.entrySet().stream().filter(e -> e.getValue().equals(userId)).map(Map.Entry::getKey).toList();
    }

    /** The published findings among the ids, with their parties (missing ids are not published). */
    public static Map<String, FindingParties> load(WarehouseSink warehouse, Collection<String> findingIds) {
        Map<String, FindingParties> out = new TreeMap<>();
        Dataset<Row> all = warehouse.read(WarehouseTables.FINDING);
        if (all == null || findingIds.isEmpty()) return out;
        List<Row> findings = all.filter(col("finding_id").isin(findingIds.toArray())).collectAsList();
        if (findings.isEmpty()) return out;
        Map<String, Row> runs = new HashMap<>();
        Dataset<Row> runTable = warehouse.read(WarehouseTables.RUN);
        List<Object> jobs = findings.stream().map(f -> (Object) f.getAs("job_name")).filter(Objects::nonNull).distinct().toList();
        if (runTable != null && !jobs.isEmpty()) {
            for (Row r : runTable.filter(col("job_name").isin(jobs.toArray())).collectAsList()) runs.put(runKey(r), r);
        }
        Map<String, Row> approvals = new HashMap<>();
        Dataset<Row> approvalTable = warehouse.read(WarehouseTables.APPROVAL);
        List<Object> numbers = findings.stream().map(f -> (Object) f.getAs("approval_no")).filter(Objects::nonNull).distinct().toList();
        if (approvalTable != null && !numbers.isEmpty()) {
            for (Row a : approvalTable.filter(col("approval_no").isin(numbers.toArray())).collectAsList()) approvals.put(a.getAs("approval_no"), a);
        }
        for (Row f : findings) {
            Map<String, String> p = new LinkedHashMap<>();
            put(p, "actor", f.getAs("actor"));
            Row run = runs.get(runKey(f));
            if (run != null) {
                put(p, "executor", run.getAs("executor"));
                put(p, "requester", run.getAs("approval_requester"));
                put(p, "approver", run.getAs("approval_approver"));
            }
            Row approval = f.getAs("approval_no") == null ? null : approvals.get(f.<String>getAs("approval_no"));
            if (approval != null) {
                put(p, "requester", approval.getAs("requester_id"));
                put(p, "approver", approval.getAs("approver_id"));
            }
            out.put(f.getAs("finding_id"), new FindingParties(f.getAs("finding_id"), f.getAs("control_id"), f.getAs("severity"),
                    localDate(f.getAs("business_date")), p));
        }
        return out;
    }

    private static LocalDate localDate(Object v) {
        return v instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) v;
    }

    private static void put(Map<String, String> parties, String role, String user) {
        if (user != null && !user.isBlank()) parties.putIfAbsent(role, user);
    }

    private static String runKey(Row r) {
        return r.getAs("controller") + "|" + r.getAs("job_name") + "|" + r.getAs("build_number");
    }
}
