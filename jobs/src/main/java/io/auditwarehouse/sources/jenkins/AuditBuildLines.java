package io.auditwarehouse.sources.jenkins;

import io.auditwarehouse.model.AuditBuildLine;
import io.auditwarehouse.model.AuditBuildLine.Kind;

import java.io.Serializable;
import java.time.Instant;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The two build messages of the Audit Trail plugin:
 * <pre>
 * job/a/job/b/ #42 Started by user Kim Operator, Parameters:[APPROVAL_NO: {CHG-1}]
 * a » b #42 Started by ..., Parameters:[...] on node agent-07 started at 2026-09-30T17:00:00Z completed in 183422ms completed: SUCCESS
 * </pre>
 */
final class AuditBuildLines implements Serializable {

    private static final Pattern COMPLETION = Pattern.compile(
            "(.*) on node (.*?) started at (\\S+) completed in (\\S+)ms completed: (\\S+)", Pattern.DOTALL);
    private static final Pattern NUMBERED = Pattern.compile("(.+?) #(\\d+) (.*)", Pattern.DOTALL);
    private static final Pattern START_PREFIX = Pattern.compile("(?:job|view)/");
    private static final Pattern BUILD_LIKE = Pattern.compile(
            "Parameters:\\[| #\\S* Started| started at .* completed in | completed: \\S+$", Pattern.DOTALL);
    /** Part of every completion line: a message without it cannot match {@link #COMPLETION}. */
    private static final String COMPLETED = "ms completed: ";
    // what the plugin prints when it cannot tell the node
    private static final String UNKNOWN_NODE = "#unknown#";

    private final String approvalParam;

    AuditBuildLines(String approvalParam) {
        this.approvalParam = approvalParam;
    }

    /**
     * @return the decoded line, or null when the message is not a build line at all
     * @throws Rejected when it is a build line that cannot be understood
     */
    AuditBuildLine parse(String message, String docId, String controller, Instant timestamp) throws Rejected {
        // the literal test first: on a start line the pattern's leading .* backtracks over every position
        if (message.contains(COMPLETED)) {
            Matcher c = COMPLETION.matcher(message);
            if (c.matches()) return completion(c, docId, controller, timestamp);
        }
        if (START_PREFIX.matcher(message).lookingAt()) return start(message, docId, controller, timestamp);
        if (BUILD_LIKE.matcher(message).find()) throw new Rejected("unrecognised build line");
        return null;
    }

    private AuditBuildLine start(String message, String docId, String controller, Instant timestamp) throws Rejected {
        Matcher m = numbered(message);
        String url = m.group(1);
        String jobName;
        try {
            jobName = JobUrls.jobName(url);
        } catch (IllegalArgumentException e) {
            throw new Rejected(e.getMessage());
        }
        if (jobName == null) throw new Rejected("unrecognised job URL '" + url + "'");
        BuildCauses causes = BuildCauses.parse(m.group(3));
        return new AuditBuildLine(docId, controller, jobName, buildNumber(m), Kind.STARTED, timestamp,
                causes.trigger(), causes.userDisplayName(), causes.parametersSeen(), causes.parameter(approvalParam),
                null, null, null, null);
    }

    private AuditBuildLine completion(Matcher c, String docId, String controller, Instant timestamp) throws Rejected {
        Matcher m = numbered(c.group(1));
        String jobName = Arrays.stream(m.group(1).split(" » ")).map(String::trim).collect(Collectors.joining("/"));
        BuildCauses causes = BuildCauses.parse(m.group(3));
        Instant startedAt;
        try {
            startedAt = JenkinsTime.parse(c.group(3));
        } catch (UnparseableTimeException e) {
            throw new Rejected(e.getMessage() + " in started at");
        }
        long durationMs;
        try {
            durationMs = Long.parseLong(c.group(4));
            if (durationMs < 0 || durationMs > LogstashBuildDecoder.MAX_DURATION_MS) throw new NumberFormatException();
        } catch (NumberFormatException e) {
            throw new Rejected("unparseable duration '" + c.group(4) + "ms'");
        }
        String node = c.group(2).equals(UNKNOWN_NODE) ? null : c.group(2);
        String result = c.group(5).equals("null") ? null : c.group(5);
        return new AuditBuildLine(docId, controller, jobName, buildNumber(m), Kind.COMPLETED, timestamp,
                causes.trigger(), causes.userDisplayName(), causes.parametersSeen(), causes.parameter(approvalParam),
                node, startedAt, durationMs, result);
    }

    private static Matcher numbered(String text) throws Rejected {
        Matcher m = NUMBERED.matcher(text);
        if (!m.matches()) throw new Rejected("missing build number");
        return m;
    }

    private static int buildNumber(Matcher numbered) throws Rejected {
        try {
            int n = Integer.parseInt(numbered.group(2));
            // Jenkins numbers builds from 1, as the build-record decoder requires too
            if (n < 1) throw new NumberFormatException();
            return n;
        } catch (NumberFormatException e) {
            throw new Rejected("missing build number");
        }
    }
}
