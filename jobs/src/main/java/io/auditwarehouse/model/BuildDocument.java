package io.auditwarehouse.model;

import java.time.Instant;

/**
 * One Jenkins Logstash plugin document (inputs.md §3). Several may describe one build:
 * console-log documents carry {@code result == null}, the post-build notifier carries the result.
 *
 * @param approvalNo  raw value of the configured approval parameter, or null when absent
 * @param buildUserId BUILD_USER_ID build variable, or null when absent
 * @param durationMs  data.buildDuration, or null when absent
 */
public record BuildDocument(
        String docId,
        String controller,
        String jobName,
        int buildNumber,
        Instant buildTimestamp,
        Instant timestamp,
        Long durationMs,
        String result,
        String approvalNo,
        String buildUserId,
        String node) implements SourceEvent {

    public RunKey runKey() {
        return new RunKey(controller, jobName, buildNumber);
    }
}
