package io.auditwarehouse.review;

import io.auditwarehouse.model.UserDirectory;
import io.auditwarehouse.sinks.WarehouseSink;
import io.auditwarehouse.sinks.WarehouseTables;
import io.auditwarehouse.sinks.kibana.KibanaIndexes;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.col;

/**
 * The demo's reviews, so that a new user sees the whole loop: three HIGH findings in which neither of the generated
 * administrators plays a part get a disposition each: REMEDIATED, FALSE_POSITIVE, and a RISK_ACCEPTED approved by the
 * second administrator. The rest stay OPEN.
 */
public final class DemoReviews {

    static final String REVIEWER = "root.admin";
    static final String APPROVER = "baek.admin";
    private static final int CANDIDATES = 50;

    private DemoReviews() {
    }

    /** @return what was recorded, or null when the month has fewer than three suitable HIGH findings */
    public static ReviewRecorder.Recorded record(WarehouseSink warehouse, KibanaIndexes kibana, UserDirectory users, Instant now) {
        Dataset<Row> findings = warehouse.read(WarehouseTables.FINDING);
        if (findings == null) return null;
        List<String> ids = findings.filter(col("severity").equalTo("HIGH")).select("finding_id").orderBy("finding_id")
                .limit(CANDIDATES).collectAsList().stream().map(r -> r.getString(0)).toList();
        Map<String, FindingParties> parties = FindingParties.load(warehouse, ids);
        List<String> chosen = new ArrayList<>();
        for (String id : ids) {
            FindingParties p = parties.get(id);
            if (p != null && p.rolesOf(REVIEWER).isEmpty() && p.rolesOf(APPROVER).isEmpty()) chosen.add(id);
            if (chosen.size() == 3) break;
        }
        if (chosen.size() < 3) return null;
        ReviewRecorder recorder = new ReviewRecorder(warehouse, kibana);
        recorder.record(users, REVIEWER, List.of(
                new ReviewRequest("", chosen.get(0), "REMEDIATED", "INC-2026-0042", "데모: 권한 회수 후 재실행 확인", null),
                new ReviewRequest("", chosen.get(1), "FALSE_POSITIVE", "JIRA-AUD-17", "demo: the approval was filed on paper", null),
                new ReviewRequest("", chosen.get(2), "RISK_ACCEPTED", "RA-2026-003", "demo: accepted until the Q4 migration", null)),
                now);
        return recorder.record(users, APPROVER, List.of(new ReviewRequest("", chosen.get(2), "APPROVED", null,
                "demo: second reviewer", null)), now);
    }
}
