package io.auditwarehouse.model;

import java.time.Instant;

/**
 * A build start or completion line of the Jenkins Audit Trail plugin (inputs.md §4).
 *
 * @param trigger          decided from the first cause
 * @param userDisplayName  for {@code Started by user X}: X as printed (a display name, not an id)
 * @param parametersSeen   true when the line carried a {@code Parameters:[...]} block
 * @param approvalNo       raw value of the approval parameter inside that block, or null
 * @param startedAt        completion lines only: {@code started at}
 * @param durationMs       completion lines only: {@code completed in Nms}
 * @param result           completion lines only: the result word
 */
public record AuditBuildLine(
        String docId,
        String controller,
        String jobName,
        int buildNumber,
        Kind kind,
        Instant timestamp,
        Trigger trigger,
        String userDisplayName,
        boolean parametersSeen,
        String approvalNo,
        String node,
        Instant startedAt,
        Long durationMs,
        String result) implements SourceEvent {

    public enum Kind { STARTED, COMPLETED }

    public RunKey runKey() {
        return new RunKey(controller, jobName, buildNumber);
    }
}
