package io.auditwarehouse.config;

import java.time.Duration;
import java.util.Map;

/**
 * The {@code scheduler} command's settings.
 *
 * @param crons enabled triggers: job kind (nightly, report, digest, probe) to a valid Quartz cron expression, in
 *              config order; a kind whose key is empty is absent
 */
public record ScheduleSettings(Map<String, String> crons, Duration probeSleep, Duration misfireThreshold,
                               Duration clusterCheckin, int threads) {

    public ScheduleSettings {
        crons = Map.copyOf(crons).isEmpty() ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(crons));
    }
}
