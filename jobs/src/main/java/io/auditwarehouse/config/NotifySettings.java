package io.auditwarehouse.config;

import io.auditwarehouse.model.Severity;

import java.time.Duration;
import java.util.List;

/**
 * Chat alerts: where they go and how hard a target that is down is tried.
 *
 * @param minSeverity findings at or above it are announced
 * @param attempts    requests per message before the target is left for the next run
 * @param maxWait     the most a run waits for one target (backoff and Retry-After together); a longer wait is not
 *                    made: the target is left for the next run, so a target that is down never holds up a batch
 * @param timeout     connect and response timeout of each request
 */
public record NotifySettings(List<NotifyTarget> targets, Severity minSeverity, int attempts, Duration maxWait, Duration timeout) {

    public NotifySettings {
        targets = List.copyOf(targets);
    }

    public boolean enabled() {
        return !targets.isEmpty();
    }
}
