package io.auditwarehouse.reconcile;

import io.auditwarehouse.model.Approval;
import io.auditwarehouse.model.JobKey;
import io.auditwarehouse.model.RunKey;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Approvals by number, by job, and failure reports by build: the lookups the rules make. */
public final class ApprovalIndex implements Serializable {

    private final Map<String, Approval> byNo = new HashMap<>();
    private final Map<JobKey, List<Approval>> byJob = new HashMap<>();
    private final Map<RunKey, List<Approval>> failureReports = new HashMap<>();

    public ApprovalIndex(Collection<Approval> approvals) {
        for (Approval a : approvals) {
            if (a.approvalNo() == null) continue;
            Approval previous = byNo.get(a.approvalNo());
            // the same number twice (a view over several tables): the most recently updated row wins
            if (previous != null && !isNewer(a, previous)) continue;
            byNo.put(a.approvalNo(), a);
        }
        for (Approval a : byNo.values()) {
            if (a.controller() == null || a.jobName() == null) continue;
            byJob.computeIfAbsent(new JobKey(a.controller(), a.jobName()), k -> new ArrayList<>()).add(a);
            if ("FAILURE_REPORT".equals(a.requestType()) && a.buildNumber() != null) {
                failureReports.computeIfAbsent(new RunKey(a.controller(), a.jobName(), a.buildNumber()),
                        k -> new ArrayList<>()).add(a);
            }
        }
    }

    private static boolean isNewer(Approval a, Approval b) {
        if (a.updatedAt() == null) return false;
        if (b.updatedAt() == null) return true;
        int c = a.updatedAt().compareTo(b.updatedAt());
        return c > 0 || (c == 0 && a.hashCode() > b.hashCode());
    }

    public Approval byNumber(String approvalNo) {
        return approvalNo == null ? null : byNo.get(approvalNo);
    }

    public List<Approval> forJob(JobKey job) {
        return byJob.getOrDefault(job, List.of());
    }

    public List<Approval> failureReportsFor(RunKey run) {
        return failureReports.getOrDefault(run, List.of());
    }

    public Collection<Approval> all() {
        return byNo.values();
    }
}
