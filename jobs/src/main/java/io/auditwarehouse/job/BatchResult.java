package io.auditwarehouse.job;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** What a batch did, for the end-of-run summary and for tests. */
public record BatchResult(String batchId, String kind, List<LocalDate> dates, Instant asOf, long runs, long compliant,
                          long exceptions, long pending, Map<String, Long> findingsBySeverity, long quarantined,
                          long documentsRead, String warehouse, Duration elapsed) {

    public long findings() {
        return findingsBySeverity.values().stream().mapToLong(Long::longValue).sum();
    }
}
