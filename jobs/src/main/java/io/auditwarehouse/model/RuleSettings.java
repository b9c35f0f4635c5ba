package io.auditwarehouse.model;

import java.io.Serializable;
import java.time.Duration;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;

/**
 * Everything the pure rules need besides the data: thresholds, the business zone and what evidence is configured.
 *
 * @param usersKnown           the users relation is available (otherwise rules that need it are "not evaluated")
 * @param bothEvidenceSources  build records and audit trail are both configured (EVIDENCE_SOURCE_MISMATCH applies)
 */
public record RuleSettings(
        ZoneId businessZone,
        Duration failureReportSla,
        Duration incompleteAfter,
        Duration toggleReviewBefore,
        Duration toggleReviewAfter,
        Duration gapLookback,
        Map<ReasonCode, Severity> severities,
        boolean usersKnown,
        boolean bothEvidenceSources) implements Serializable {

    public static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    public RuleSettings {
        severities = new EnumMap<>(severities);
        for (ReasonCode code : ReasonCode.values()) {
            if (!severities.containsKey(code)) {
                throw new IllegalArgumentException("no severity for reason code " + code);
            }
        }
    }

    public static RuleSettings defaults(Map<ReasonCode, Severity> severities) {
        return new RuleSettings(SEOUL, Duration.ofDays(3), Duration.ofHours(24), Duration.ofHours(4),
                Duration.ofHours(24), Duration.ofDays(35), severities, true, true);
    }

    public Severity severityOf(ReasonCode code) {
        return severities.get(code);
    }

    public RuleSettings withEvidence(boolean usersKnown, boolean bothEvidenceSources) {
        return new RuleSettings(businessZone, failureReportSla, incompleteAfter, toggleReviewBefore,
                toggleReviewAfter, gapLookback, severities, usersKnown, bothEvidenceSources);
    }
}
