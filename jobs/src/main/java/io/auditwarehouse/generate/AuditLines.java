package io.auditwarehouse.generate;

/** The message texts of the Jenkins Audit Trail plugin (inputs.md §4). */
final class AuditLines {

    private AuditLines() {
    }

    /** {@code job/a/job/b/}, segments percent-encoded, as start lines and build URLs print it. */
    static String jobPath(JobSpec job) {
        StringBuilder out = new StringBuilder();
        for (String segment : job.fullName.split("/")) out.append("job/").append(Formats.encodeSegment(segment)).append('/');
        return out.toString();
    }

    /** {@code /job/a/job/b/}, as request lines print it. */
    static String jobUri(JobSpec job) {
        return "/" + jobPath(job);
    }

    static String cause(PlannedRun r) {
        return switch (r.cause) {
            case USER -> "Started by user " + r.executor.displayName();
            case TIMER -> "Started by timer";
            case UPSTREAM -> "Started by upstream project \"" + r.upstreamRun.job.fullName + "\" build number "
                    + r.upstreamRun.buildNumber;
            case SCM -> "Started by an SCM change";
            case REMOTE -> "Started by remote host " + r.remoteAddr;
            case UNKNOWN -> "Started";
        };
    }

    static String parameters(PlannedRun r) {
        StringBuilder p = new StringBuilder("Parameters:[");
        if (r.auditApproval != null) p.append("APPROVAL_NO: {").append(r.auditApproval.raw()).append('}');
        if (r.targetDate != null) {
            if (r.auditApproval != null) p.append(", ");
            p.append("TARGET_DATE: {").append(r.targetDate).append('}');
        }
        return p.append(']').toString();
    }

    static String startLine(PlannedRun r) {
        return jobPath(r.job) + " #" + r.buildNumber + " " + cause(r) + ", " + parameters(r);
    }

    static String completionLine(PlannedRun r) {
        return r.job.displayPath() + " #" + r.buildNumber + " " + cause(r) + ", " + parameters(r) + " on node " + r.node
                + " started at " + Formats.UTC_SECONDS.format(r.auditStart()) + " completed in " + r.durationMs
                + "ms completed: " + r.auditResult();
    }

    static String requestLine(PlannedAction a) {
        return jobUri(a.job()) + a.action().uriVerb() + " by " + a.userId();
    }
}
