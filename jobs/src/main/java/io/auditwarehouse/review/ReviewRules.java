package io.auditwarehouse.review;

import io.auditwarehouse.config.ConfigException;
import io.auditwarehouse.model.Disposition;
import io.auditwarehouse.model.FindingReview;
import io.auditwarehouse.model.UserDirectory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whether a reviewer may record what they ask, checked before anything is written (pure: no I/O). Every refusal is a
 * {@link ConfigException} (exit 2) with one line naming the row and the reason:
 * <ul>
 *   <li>the reviewer must hold the COMPLIANCE or ADMIN role in users.csv / app_user, active now;</li>
 *   <li>four eyes: not the finding's actor, executor, requester or approver;</li>
 *   <li>the finding must be published (a withdrawn one keeps its history but takes no new review);</li>
 *   <li>a reference for every disposition but APPROVED;</li>
 *   <li>APPROVED names a RISK_ACCEPTED of the same finding (by default its pending one) recorded by someone else.</li>
 * </ul>
 */
public final class ReviewRules {

    public static final Set<String> REVIEWER_ROLES = Set.of("COMPLIANCE", "ADMIN");
    static final String KEY = "review";

    private final UserDirectory users;
    private final Map<String, FindingParties> findings;
    private final Map<String, FindingReview> byId = new HashMap<>();
    private final List<FindingReview> history;

    /**
     * @param findings the published findings the requests name (see {@link FindingParties#load})
     * @param history  the whole review history, in the order recorded
     */
    public ReviewRules(UserDirectory users, Map<String, FindingParties> findings, List<FindingReview> history) {
        this.users = users;
        this.findings = findings;
        this.history = new ArrayList<>(history);
        history.forEach(r -> byId.put(r.reviewId(), r));
    }

    /** The reviews to record for the requests, all checked; refuses the first bad one. */
    public List<FindingReview> check(String reviewer, List<ReviewRequest> requests, Instant now) {
        checkReviewer(reviewer, now);
        List<FindingReview> out = new ArrayList<>();
        for (ReviewRequest r : requests) {
            FindingReview review = check(reviewer, r, now);
            out.add(review);
            history.add(review); // a later row sees it (e.g. names it as withdrawn, or finds it pending)
            byId.putIfAbsent(review.reviewId(), review);
        }
        return out;
    }

    private void checkReviewer(String reviewer, Instant now) {
        if (reviewer == null || reviewer.isBlank()) {
            throw new ConfigException("--as", "who reviews? give --as USER (or configure review.reviewer for automation)");
        }
        if (!users.known()) {
            throw new ConfigException("--as", "no users.csv / app_user is configured, so reviewer " + reviewer + " cannot be checked");
        }
        if (!users.hasRoleAt(reviewer, REVIEWER_ROLES, now)) {
            List<String> roles = users.roles(reviewer);
            throw new ConfigException("--as", reviewer + " may not review findings: needs the COMPLIANCE or ADMIN role active in "
                    + "users.csv / app_user (" + (roles.isEmpty() ? "unknown user" : "has " + String.join(", ", roles)) + ")");
        }
    }

    private FindingReview check(String reviewer, ReviewRequest r, Instant now) {
        String at = r.where().isEmpty() ? "" : r.where() + ": ";
        Disposition d = Disposition.recorded(r.disposition());
        if (d == null) {
            throw new ConfigException("--disposition", at + "expected one of " + Disposition.RECORDED + ", got '" + r.disposition() + "'");
        }
        FindingParties f = findings.get(r.findingId());
        if (f == null) {
            boolean reviewed = history.stream().anyMatch(h -> h.findingId().equals(r.findingId()));
            throw new ConfigException(KEY, at + "finding " + r.findingId() + (reviewed
                    ? " was withdrawn by a restatement: its reviews are kept, it takes no new one" : " is not in recon_finding"));
        }
        List<String> roles = f.rolesOf(reviewer);
        if (!roles.isEmpty()) {
            throw new ConfigException(KEY, at + "four eyes: " + reviewer + " may not review finding " + r.findingId()
                    + ", being its " + String.join(" and ", roles));
        }
        if (d != Disposition.APPROVED && blank(r.reference())) {
            throw new ConfigException("--reference", at + d + " needs a reference (ticket, approval number or incident id)");
        }
        String approves = null;
        if (d == Disposition.APPROVED) {
            approves = blank(r.approvesReviewId()) ? pendingRiskAcceptance(r.findingId(), at) : r.approvesReviewId().strip();
            FindingReview approved = byId.get(approves);
            if (approved == null || !approved.findingId().equals(r.findingId()) || approved.disposition() != Disposition.RISK_ACCEPTED) {
                throw new ConfigException("--approves", at + approves + " is not a RISK_ACCEPTED review of finding " + r.findingId());
            }
            if (approved.reviewer().equals(reviewer)) {
                throw new ConfigException(KEY, at + "four eyes: " + reviewer + " may not approve their own risk acceptance " + approves);
            }
        } else if (!blank(r.approvesReviewId())) {
            throw new ConfigException("--approves", at + "only an APPROVED review approves another");
        }
        return FindingReview.of(r.findingId(), d, trimmed(r.reference()), trimmed(r.comment()), reviewer, now, approves);
    }

    /** The finding's latest RISK_ACCEPTED, which an APPROVED without --approves approves. */
    private String pendingRiskAcceptance(String findingId, String at) {
        String latest = null;
        for (FindingReview h : history) {
            if (h.findingId().equals(findingId) && h.disposition() == Disposition.RISK_ACCEPTED) latest = h.reviewId();
        }
        if (latest == null) throw new ConfigException("--approves", at + "finding " + findingId + " has no RISK_ACCEPTED review to approve");
        return latest;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String trimmed(String s) {
        return blank(s) ? null : s.strip();
    }
}
