package io.auditwarehouse.generate;

import io.auditwarehouse.model.Trigger;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * One Jenkins build as it really happened, plus how its evidence reaches each source.
 * Plants change the evidence fields; the writers and the rule oracle read them.
 */
final class PlannedRun {

    final int seq;
    final JobSpec job;
    /** Start instant; whole seconds when the build records print {@code @buildTimestamp} without millis. */
    final Instant start;
    final boolean secondsTimestamp;
    long durationMs;
    String result;
    /** The cause Jenkins recorded (the audit trail prints it). */
    Trigger cause;
    /** BUILD_USER_ID as the Build User Vars plugin sets it; null when absent. */
    String buildUserId;
    /** USER cause: who clicked "Build" (the audit trail prints the display name). */
    Person executor;
    String remoteAddr;
    PlannedRun upstreamRun;
    String node;
    String targetDate;
    CarriedApproval buildApproval;
    CarriedApproval auditApproval;
    int buildNumber;
    boolean hasChildren;

    // evidence shape
    boolean inBuilds = true;
    boolean inAudit = true;
    boolean buildFinalDoc = true;
    boolean auditCompletion = true;
    /** Result the audit completion line prints when it disagrees with the build records. */
    String auditResultOverride;
    int consoleDocs;
    boolean dropped;
    /** Reserved by a plant: no other plant may change it. */
    boolean reserved;

    PlannedRun(int seq, JobSpec job, Instant start, boolean secondsTimestamp) {
        this.seq = seq;
        this.job = job;
        this.secondsTimestamp = secondsTimestamp;
        this.start = secondsTimestamp ? start.truncatedTo(ChronoUnit.SECONDS) : start;
    }

    Instant finish() {
        return start.plusMillis(durationMs);
    }

    /** The audit trail's clock has whole seconds. */
    Instant auditStart() {
        return start.truncatedTo(ChronoUnit.SECONDS);
    }

    String auditResult() {
        return auditResultOverride != null ? auditResultOverride : result;
    }

    boolean visible() {
        return !dropped && (inBuilds || inAudit);
    }

    /** An untouched, complete run seen identically in both sources. */
    boolean pristine() {
        return !reserved && !dropped && inBuilds && inAudit && buildFinalDoc && auditCompletion
                && auditResultOverride == null;
    }

    boolean isManual() {
        return cause == Trigger.USER;
    }

    @Override
    public String toString() {
        return job + "#" + buildNumber;
    }
}
