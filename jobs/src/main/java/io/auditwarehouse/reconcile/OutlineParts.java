package io.auditwarehouse.reconcile;

import io.auditwarehouse.model.Approval;
import io.auditwarehouse.model.AuditBuildLine;
import io.auditwarehouse.model.BuildDocument;
import io.auditwarehouse.model.RunKey;
import io.auditwarehouse.model.SourceEvent;

import java.io.Serializable;
import java.time.Instant;
import java.util.Comparator;

/**
 * What a run's documents say about when it started and which approval number it carries, kept small enough to
 * merge document by document in any order (a map-side combine). {@link RunAssembler} takes a run's start and
 * approval number from here too, so a run's outline always agrees with the assembled run.
 *
 * @param earliestBuildStart the earliest {@code buildTimestamp} of the build records; null when there are none
 * @param firstBuildApproval the earliest build record (by timestamp, then document id) carrying an approval number
 * @param earliestStarted    the earliest audit-trail start line
 * @param earliestCompleted  the earliest audit-trail completion line
 */
public record OutlineParts(Instant earliestBuildStart, Stamp firstBuildApproval, Stamp earliestStarted,
                           Stamp earliestCompleted) implements Serializable {

    /** One document's part: when it was written, its id, its approval number, and (completion lines) its start. */
    public record Stamp(Instant timestamp, String docId, String approvalNo, Instant startedAt) implements Serializable {
        private static final Comparator<Stamp> ORDER = Comparator.comparing(Stamp::timestamp).thenComparing(Stamp::docId);

        static Stamp earlier(Stamp a, Stamp b) {
            if (a == null) return b;
            if (b == null) return a;
            return ORDER.compare(b, a) < 0 ? b : a;
        }
    }

    public static OutlineParts of(SourceEvent e) {
        if (e instanceof BuildDocument b) {
            String no = Approval.normaliseNo(b.approvalNo());
            return new OutlineParts(b.buildTimestamp(), no == null ? null : new Stamp(b.timestamp(), b.docId(), no, null), null, null);
        }
        AuditBuildLine a = (AuditBuildLine) e;
        Stamp stamp = new Stamp(a.timestamp(), a.docId(), a.approvalNo(), a.startedAt());
        return a.kind() == AuditBuildLine.Kind.STARTED ? new OutlineParts(null, null, stamp, null)
                : new OutlineParts(null, null, null, stamp);
    }

    /** The parts of every document of one run (at least one), merged. */
    public static OutlineParts of(Iterable<? extends SourceEvent> events) {
        OutlineParts parts = null;
        for (SourceEvent e : events) parts = parts == null ? of(e) : parts.merge(of(e));
        return parts;
    }

    public OutlineParts merge(OutlineParts o) {
        Instant buildStart = earliestBuildStart == null ? o.earliestBuildStart
                : o.earliestBuildStart == null || !o.earliestBuildStart.isBefore(earliestBuildStart) ? earliestBuildStart
                : o.earliestBuildStart;
        return new OutlineParts(buildStart, Stamp.earlier(firstBuildApproval, o.firstBuildApproval),
                Stamp.earlier(earliestStarted, o.earliestStarted), Stamp.earlier(earliestCompleted, o.earliestCompleted));
    }

    boolean inBuilds() {
        return earliestBuildStart != null;
    }

    /** The build records' start; without them the audit trail's completion line, else its start line. */
    public Instant startedAt() {
        if (inBuilds()) return earliestBuildStart;
        if (earliestCompleted != null && earliestCompleted.startedAt() != null) return earliestCompleted.startedAt();
        if (earliestStarted != null) return earliestStarted.timestamp();
        return earliestCompleted == null ? null : earliestCompleted.timestamp();
    }

    /** Normalised; null without build records or when none carries a number. */
    String buildsApproval() {
        return inBuilds() && firstBuildApproval != null ? firstBuildApproval.approvalNo() : null;
    }

    /** Normalised, from the completion line if there is one, else the start line. */
    String auditApproval() {
        Stamp audit = earliestCompleted != null ? earliestCompleted : earliestStarted;
        return audit == null ? null : Approval.normaliseNo(audit.approvalNo());
    }

    /** The build records decide when there are any; a masked value carries no number. */
    public String approvalNo() {
        String no = inBuilds() ? buildsApproval() : auditApproval();
        return RunAssembler.MASKED.equals(no) ? null : no;
    }

    public RunOutline outline(RunKey key) {
        return new RunOutline(key, startedAt(), approvalNo());
    }
}
