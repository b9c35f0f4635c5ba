package io.auditwarehouse.reconcile;

import io.auditwarehouse.model.Run;
import io.auditwarehouse.model.RunKey;

import java.io.Serializable;
import java.time.Instant;

/**
 * All that approval ranks and build-number gaps need of a run: a month's other runs travel as these, and only the
 * runs of the dates being published are assembled and judged in full.
 *
 * @param startedAt  null only when no document told when the run started
 * @param approvalNo normalised; null when the run carries none
 */
public record RunOutline(RunKey key, Instant startedAt, String approvalNo) implements Serializable {

    /** A run's outline, and the run itself when it is judged in full (else null). */
    public record WithRun(RunOutline outline, Run run) implements Serializable {
    }

    public static RunOutline of(Run run) {
        return new RunOutline(run.key(), run.startedAt(), run.approvalNo());
    }

    public BuildNumberGaps.BuildStart buildStart() {
        return new BuildNumberGaps.BuildStart(key.buildNumber(), startedAt);
    }
}
