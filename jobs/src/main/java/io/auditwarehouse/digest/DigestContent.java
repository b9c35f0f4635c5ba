package io.auditwarehouse.digest;

import io.auditwarehouse.config.MailSettings;
import io.auditwarehouse.model.Approval;
import io.auditwarehouse.model.User;
import io.auditwarehouse.model.UserDirectory;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the digest says: the failure reports awaiting approval at the as-of instant, grouped by approver or by the
 * approver's department, oldest first within a group. Built from the approval source alone, never the warehouse.
 *
 * @param groupBy {@link MailSettings#BY_APPROVER} or {@link MailSettings#BY_DEPARTMENT}
 */
public record DigestContent(DigestSlot slot, Instant asOf, ZoneId zone, String groupBy, boolean usersKnown,
                            List<Group> groups, int reviewSla, List<AgeingFindings.Ageing> ageing) {

    public static final String FAILURE_REPORT = "FAILURE_REPORT";
    public static final String REQUESTED = "REQUESTED";

    /** Groups of people or departments that could not be named come after the named ones. */
    public enum Heading { NAMED, NO_APPROVER, NO_DEPARTMENT }

    /**
     * @param name the approver's display name (else the id) or the department; null unless {@link Heading#NAMED}
     * @param id   the approver's user id when grouped by approver, else null
     */
    public record Group(Heading heading, String name, String id, List<PendingReport> reports) {
        public Group {
            reports = List.copyOf(reports);
        }
    }

    public DigestContent {
        groups = List.copyOf(groups);
        ageing = List.copyOf(ageing);
    }

    public DigestContent(DigestSlot slot, Instant asOf, ZoneId zone, String groupBy, boolean usersKnown, List<Group> groups) {
        this(slot, asOf, zone, groupBy, usersKnown, groups, 0, List.of());
    }

    /** The same failure reports, with the HIGH findings left unreviewed past review.sla working days. */
    public DigestContent withAgeing(int slaWorkingDays, List<AgeingFindings.Ageing> findings) {
        return new DigestContent(slot, asOf, zone, groupBy, usersKnown, groups, slaWorkingDays, findings);
    }

    public int reportCount() {
        return groups.stream().mapToInt(g -> g.reports().size()).sum();
    }

    /** Nothing to say: no failure report awaiting approval and no ageing finding. */
    public boolean isEmpty() {
        return groups.isEmpty() && ageing.isEmpty();
    }

    /** Records requested after the as-of instant are left out, so an earlier as-of reproduces an earlier digest. */
    public static DigestContent of(List<Approval> approvals, UserDirectory users, DigestSlot slot, Instant asOf, ZoneId zone,
                                   String groupBy) {
        boolean byDepartment = MailSettings.BY_DEPARTMENT.equals(groupBy);
        Map<String, List<PendingReport>> byKey = new LinkedHashMap<>();
        Map<String, Group> headings = new LinkedHashMap<>();
        for (Approval a : approvals) {
            if (!FAILURE_REPORT.equals(a.requestType()) || !REQUESTED.equals(a.status())) continue;
            if (a.requestedAt() != null && a.requestedAt().isAfter(asOf)) continue;
            User requester = a.requesterId() == null ? null : users.user(a.requesterId(), asOf);
            User approver = a.approverId() == null ? null : users.user(a.approverId(), asOf);
            String department = approver == null ? null : blankToNull(approver.department());
            PendingReport r = new PendingReport(a.approvalNo(), a.controller(), a.jobName(), a.buildNumber(), a.requesterId(),
                    requester == null ? null : blankToNull(requester.displayName()), a.approverId(),
                    approver == null ? null : blankToNull(approver.displayName()), department, a.requestedAt(),
                    a.requestedAt() == null ? null : Duration.between(a.requestedAt(), asOf), a.reason());
            Group heading;
            if (a.approverId() == null) heading = new Group(Heading.NO_APPROVER, null, null, List.of());
            else if (!byDepartment) heading = new Group(Heading.NAMED, r.approverName() != null ? r.approverName() : a.approverId(), a.approverId(), List.of());
            else if (department == null) heading = new Group(Heading.NO_DEPARTMENT, null, null, List.of());
            else heading = new Group(Heading.NAMED, department, null, List.of());
            String key = heading.heading() + "\u0000" + heading.name() + "\u0000" + heading.id();
            headings.putIfAbsent(key, heading);
            byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
        }
        Comparator<PendingReport> oldestFirst = Comparator.comparing(PendingReport::requestedAt, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(PendingReport::approvalNo, Comparator.nullsLast(Comparator.naturalOrder()));
        List<Group> groups = new ArrayList<>();
        byKey.forEach((key, reports) -> {
            Group h = headings.get(key);
            reports.sort(oldestFirst);
            groups.add(new Group(h.heading(), h.name(), h.id(), reports));
        });
        // named groups by name (Hangul syllables sort in 가나다 order by code point), then the unnamed ones
        groups.sort(Comparator.comparing(Group::heading)
                .thenComparing(Group::name, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(Group::id, Comparator.nullsFirst(Comparator.naturalOrder())));
        return new DigestContent(slot, asOf, zone, byDepartment ? MailSettings.BY_DEPARTMENT : MailSettings.BY_APPROVER,
                users.known(), groups);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
