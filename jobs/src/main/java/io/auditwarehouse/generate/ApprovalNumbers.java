package io.auditwarehouse.generate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Numbers approvals as the approval system would: per type prefix and year, in order of filing. */
final class ApprovalNumbers {

    private ApprovalNumbers() {
    }

    static void assign(World w) {
        List<ApprovalRow> rows = new ArrayList<>();
        for (ApprovalRow a : w.approvals) if (!a.deleted) rows.add(a);
        rows.sort(Comparator.comparing((ApprovalRow a) -> a.requestedAt).thenComparingInt(a -> a.seq));
        Map<String, Integer> counters = new TreeMap<>();
        for (ApprovalRow a : rows) {
            String key = ApprovalRow.prefixOf(a.type) + "-" + w.dateOf(a.requestedAt).getYear();
            int n = counters.merge(key, 1, Integer::sum);
            a.number = String.format("%s-%06d", key, n);
        }
    }
}
