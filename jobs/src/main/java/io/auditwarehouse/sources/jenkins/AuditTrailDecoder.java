package io.auditwarehouse.sources.jenkins;

import com.fasterxml.jackson.databind.JsonNode;
import io.auditwarehouse.model.AuditBuildLine;
import io.auditwarehouse.model.AuditRequest;
import io.auditwarehouse.model.AuditRequest.JobAction;
import io.auditwarehouse.model.Decoded;
import io.auditwarehouse.model.QuarantineRecord;
import io.auditwarehouse.model.SourceEvent;

import java.io.Serializable;
import java.time.Instant;

/**
 * Decodes one Jenkins Audit Trail plugin document (inputs.md §4), {@code {"message": "...", "@timestamp": "..."}}:
 * build start and completion lines, and request lines on jobs. Log-ins, other requests and other
 * non-build messages are ignored; a build or job-action line that cannot be understood is quarantined.
 */
public final class AuditTrailDecoder implements Serializable {

    public static final String SOURCE = "audit";
    private static final String BY = " by ";

    private final AuditBuildLines buildLines;

    public AuditTrailDecoder(String approvalParam) {
        this.buildLines = new AuditBuildLines(approvalParam);
    }

    public AuditTrailDecoder() {
        this(LogstashBuildDecoder.DEFAULT_APPROVAL_PARAM);
    }

    public Decoded decode(String jsonLine, String fallbackDocId, String controller) {
        if (jsonLine == null || jsonLine.isBlank()) return Decoded.IGNORED;
        String docId = fallbackDocId;
        try {
            EsHit hit = EsHit.parse(jsonLine, fallbackDocId);
            docId = hit.docId();
            String message = EsHit.text(hit.source().get("message"));
            if (message == null || message.isBlank()) throw new Rejected("missing message");
            Instant timestamp = timestamp(hit.source().get("@timestamp"));
            if (controller == null || controller.isBlank()) throw new Rejected("unknown controller");
            SourceEvent event = message.startsWith("/")
                    ? request(message, docId, controller, timestamp)
                    : buildLines.parse(message, docId, controller, timestamp);
            if (event == null) return Decoded.IGNORED;
            checkWidths(event);
            return Decoded.of(event);
        } catch (Rejected e) {
            return Decoded.rejected(QuarantineRecord.of(SOURCE, docId, e.getMessage(), jsonLine));
        }
    }

    private static void checkWidths(SourceEvent event) throws Rejected {
        if (event instanceof AuditBuildLine b) {
            ColumnWidths.check("controller id", b.controller(), ColumnWidths.CONTROLLER);
            ColumnWidths.check("job name", b.jobName(), ColumnWidths.JOB_NAME);
            ColumnWidths.check("approval number", b.approvalNo(), ColumnWidths.APPROVAL_NO);
            ColumnWidths.check("user", b.userDisplayName(), ColumnWidths.PERSON_OR_NODE);
            ColumnWidths.check("node", b.node(), ColumnWidths.PERSON_OR_NODE);
            ColumnWidths.check("result", b.result(), ColumnWidths.RESULT);
        } else if (event instanceof AuditRequest r) {
            ColumnWidths.check("controller id", r.controller(), ColumnWidths.CONTROLLER);
            ColumnWidths.check("job name", r.jobName(), ColumnWidths.JOB_NAME);
            ColumnWidths.check("user", r.userId(), ColumnWidths.PERSON_OR_NODE);
        }
    }

    /** {@code <uri> by <user id>}; null unless the uri is one of the job actions the controls read. */
    private static AuditRequest request(String message, String docId, String controller, Instant timestamp)
            throws Rejected {
        int by = message.lastIndexOf(BY);
        String uri = (by < 0 ? message : message.substring(0, by)).trim();
        String user = by < 0 ? "" : message.substring(by + BY.length()).trim();
        JobUrls.JobRequest target;
        try {
            target = JobUrls.request(uri);
        } catch (IllegalArgumentException e) {
            if (looksLikeJobAction(uri)) throw new Rejected(e.getMessage());
            return null;
        }
        JobAction action = target == null ? null : JobAction.fromUriVerb(target.verb());
        if (action == null) return null;
        if (user.isEmpty()) throw new Rejected("job action without user");
        return new AuditRequest(docId, controller, target.jobName(), action, user, timestamp);
    }

    private static boolean looksLikeJobAction(String uri) {
        String path = uri.replaceAll("/+$", "");
        String verb = path.substring(path.lastIndexOf('/') + 1);
        return path.contains("job/") && JobAction.fromUriVerb(verb) != null;
    }

    private static Instant timestamp(JsonNode node) throws Rejected {
        if (node == null || node.isNull()) throw new Rejected("missing @timestamp");
        try {
            return JenkinsTime.parse(node);
        } catch (UnparseableTimeException e) {
            throw new Rejected(e.getMessage() + " in @timestamp");
        }
    }
}
