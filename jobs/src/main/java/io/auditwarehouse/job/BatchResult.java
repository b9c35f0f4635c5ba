package io.auditwarehouse.job;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What a batch did, for the end-of-run summary and for tests.
 *
 * @param chat how its chat alerts went ({@code notify: partial (...)} when a target failed), or null when none is configured
 */
public record BatchResult(String batchId, String kind, List<LocalDate> dates, Instant asOf, long runs, long compliant,
                          long exceptions, long pending, Map<String, Long> findingsBySeverity, long quarantined,
                          long documentsRead, String warehouse, Duration elapsed, String chat) {

    public long findings() {
        return findingsBySeverity.values().stream().mapToLong(Long::longValue).sum();
    }
}
