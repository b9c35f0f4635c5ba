package io.auditwarehouse.reconcile;

import io.auditwarehouse.model.AuditBuildLine;
import io.auditwarehouse.model.BuildDocument;
import io.auditwarehouse.model.Run;
import io.auditwarehouse.model.RunKey;
import io.auditwarehouse.model.SourceEvent;
import io.auditwarehouse.model.Trigger;
import io.auditwarehouse.model.UserDirectory;

import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/** Assembles one run from every build record and audit-trail build line that describes it (docs/reconciliation-rules.md). */
public final class RunAssembler implements Serializable {

    static final String MASKED = "****";

    private final UserDirectory users;

    public RunAssembler(UserDirectory users) {
        this.users = users;
    }

    public Run assemble(RunKey key, Iterable<? extends SourceEvent> events) {
        return assemble(key, events, OutlineParts.of(events));
    }

    /** @param outline the parts of these same documents, when the caller has merged them already */
    public Run assemble(RunKey key, Iterable<? extends SourceEvent> events, OutlineParts outline) {
        List<BuildDocument> builds = new ArrayList<>();
        AuditBuildLine started = null;
        AuditBuildLine completed = null;
        TreeSet<String> docIds = new TreeSet<>();
        for (SourceEvent e : events) {
            docIds.add(e.docId());
            if (e instanceof BuildDocument b) {
                builds.add(b);
            } else if (e instanceof AuditBuildLine a) {
                // duplicates of a line are identical; keep the first of each kind deterministically by doc id
                if (a.kind() == AuditBuildLine.Kind.STARTED) started = earlier(started, a);
                else completed = earlier(completed, a);
            }
        }
        builds.sort(Comparator.comparing(BuildDocument::timestamp).thenComparing(BuildDocument::docId));
        AuditBuildLine audit = completed != null ? completed : started;
        BuildDocument finalDoc = lastWithResult(builds);

        // start and approval number come from the outline, the same parts that rank runs and find gaps
        Instant startedAt = outline.startedAt();
        String result;
        Instant finishedAt;
        if (finalDoc != null) {
            result = finalDoc.result();
            finishedAt = finalDoc.durationMs() == null ? finalDoc.timestamp()
                    : finalDoc.buildTimestamp().plusMillis(finalDoc.durationMs());
        } else if (completed != null && completed.result() != null) {
            result = completed.result();
            Instant auditStart = completed.startedAt() != null ? completed.startedAt() : startedAt;
            finishedAt = completed.durationMs() == null ? completed.timestamp() : auditStart.plusMillis(completed.durationMs());
        } else {
            result = null;
            finishedAt = null;
        }

        String buildsApproval = outline.buildsApproval();
        String auditApproval = outline.auditApproval();
        String approvalNo = outline.approvalNo();

        String buildUserId = builds.stream().map(BuildDocument::buildUserId).filter(Objects::nonNull).findFirst().orElse(null);
        Trigger trigger = audit != null ? audit.trigger() : triggerFromBuildUser(buildUserId);
        String executor = trigger == Trigger.USER ? executorOf(audit, buildUserId) : null;

        String node = builds.stream().map(BuildDocument::node).filter(Objects::nonNull).findFirst()
                .orElse(completed == null ? null : completed.node());

        boolean inBuilds = !builds.isEmpty();
        boolean inAudit = audit != null;
        boolean disagree = inBuilds && inAudit && (resultsDiffer(finalDoc, completed) || approvalsDiffer(buildsApproval, auditApproval));
        return new Run(key.controller(), key.jobName(), key.buildNumber(), startedAt, finishedAt, result, trigger,
                executor, approvalNo, node, inBuilds, inAudit, disagree, List.copyOf(docIds));
    }

    private static AuditBuildLine earlier(AuditBuildLine current, AuditBuildLine candidate) {
        if (current == null) return candidate;
        int c = candidate.timestamp().compareTo(current.timestamp());
        return c < 0 || (c == 0 && candidate.docId().compareTo(current.docId()) < 0) ? candidate : current;
    }

    private static BuildDocument lastWithResult(List<BuildDocument> sortedByTimestamp) {
        BuildDocument last = null;
        for (BuildDocument b : sortedByTimestamp) if (b.result() != null) last = b;
        return last;
    }

    static Trigger triggerFromBuildUser(String buildUserId) {
        if (buildUserId == null || buildUserId.isBlank()) return Trigger.UNKNOWN;
        return switch (buildUserId) {
            case "timer" -> Trigger.TIMER;
            case "scmChange", "branchIndexing" -> Trigger.SCM;
            case "remoteRequest" -> Trigger.REMOTE;
            default -> Trigger.USER;
        };
    }

    private String executorOf(AuditBuildLine audit, String buildUserId) {
        if (audit != null) {
            String id = users.idForDisplayName(audit.userDisplayName());
            if (id != null) return id;
        }
        if (buildUserId != null && triggerFromBuildUser(buildUserId) == Trigger.USER
                && (!users.known() || users.isUserId(buildUserId))) {
            return buildUserId;
        }
        return null;
    }

    private static boolean resultsDiffer(BuildDocument finalDoc, AuditBuildLine completed) {
        return finalDoc != null && completed != null && completed.result() != null
                && !finalDoc.result().equals(completed.result());
    }

    private static boolean approvalsDiffer(String fromBuilds, String fromAudit) {
        if (MASKED.equals(fromBuilds) || MASKED.equals(fromAudit)) return false;
        return !Objects.equals(fromBuilds, fromAudit);
    }
}
