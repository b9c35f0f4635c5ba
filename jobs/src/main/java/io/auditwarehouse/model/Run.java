package io.auditwarehouse.model;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * One Jenkins build assembled from every build record and audit-trail line that describes it.
 *
 * @param startedAt       null only when no document told when it started (then it cannot be dated)
 * @param finishedAt      null while no completion has been seen
 * @param result          SUCCESS, FAILURE, UNSTABLE, ABORTED, NOT_BUILT, or null while unfinished
 * @param executor        user id, for USER triggers (display names already mapped through users)
 * @param approvalNo      normalised; null when the run carries none
 * @param inBuilds        seen in the build records
 * @param inAudit         seen in the audit trail
 * @param sourcesDisagree both sources saw it and they disagree on result or approval number
 * @param sourceDocIds    lineage, sorted
 */
public record Run(
        String controller,
        String jobName,
        int buildNumber,
        Instant startedAt,
        Instant finishedAt,
        String result,
        Trigger trigger,
        String executor,
        String approvalNo,
        String node,
        boolean inBuilds,
        boolean inAudit,
        boolean sourcesDisagree,
        List<String> sourceDocIds) implements Serializable {

    public RunKey key() {
        return new RunKey(controller, jobName, buildNumber);
    }

    public Long durationMs() {
        return startedAt == null || finishedAt == null ? null : finishedAt.toEpochMilli() - startedAt.toEpochMilli();
    }

    /** Manual-run rules apply to manual triggers and to any run carrying an approval number (controls.md). */
    public boolean manualRulesApply() {
        return trigger.isManual() || approvalNo != null;
    }

    public boolean isFinished() {
        return result != null;
    }
}
