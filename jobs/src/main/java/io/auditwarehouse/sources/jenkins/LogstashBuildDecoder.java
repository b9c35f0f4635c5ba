package io.auditwarehouse.sources.jenkins;

import com.fasterxml.jackson.databind.JsonNode;
import io.auditwarehouse.model.BuildDocument;
import io.auditwarehouse.model.Decoded;
import io.auditwarehouse.model.QuarantineRecord;

import java.io.Serializable;
import java.time.Instant;

/** Decodes one Jenkins Logstash plugin document (inputs.md §3) into a {@link BuildDocument}. */
public final class LogstashBuildDecoder implements Serializable {

    public static final String SOURCE = "builds";
    public static final String DEFAULT_APPROVAL_PARAM = "APPROVAL_NO";
    /** Ten years: a longer (or negative) duration is corrupt, and start + 2^63 ms lies past any timestamp the warehouse stores. */
    static final long MAX_DURATION_MS = 10L * 366 * 24 * 3600 * 1000;

    private final ControllerIds controllers;
    private final String approvalParam;

    public LogstashBuildDecoder(ControllerIds controllers, String approvalParam) {
        this.controllers = controllers;
        this.approvalParam = approvalParam;
    }

    public LogstashBuildDecoder(ControllerIds controllers) {
        this(controllers, DEFAULT_APPROVAL_PARAM);
    }

    public Decoded decode(String jsonLine, String fallbackDocId) {
        if (jsonLine == null || jsonLine.isBlank()) return Decoded.IGNORED;
        String docId = fallbackDocId;
        try {
            EsHit hit = EsHit.parse(jsonLine, fallbackDocId);
            docId = hit.docId();
            return Decoded.of(toDocument(hit));
        } catch (Rejected e) {
            return Decoded.rejected(QuarantineRecord.of(SOURCE, docId, e.getMessage(), jsonLine));
        }
    }

    private BuildDocument toDocument(EsHit hit) throws Rejected {
        JsonNode doc = hit.source();
        JsonNode data = doc.path("data");
        String controller = controllers.forSourceHost(EsHit.text(doc.get("source_host")));
        if (controller == null) throw new Rejected("unknown controller: no usable source_host");
        String jobName = jobName(data);
        if (jobName == null) throw new Rejected("missing job name");
        int buildNumber = buildNumber(data);
        Instant buildTimestamp = time(doc, "@buildTimestamp");
        Instant timestamp = time(doc, "@timestamp");
        Long duration = duration(data.get("buildDuration"));
        JsonNode variables = data.path("buildVariables");
        BuildDocument b = new BuildDocument(hit.docId(), controller, jobName, buildNumber, buildTimestamp, timestamp,
                duration,
                EsHit.text(data.get("result")),
                EsHit.text(variables.get(approvalParam)),
                EsHit.text(variables.get("BUILD_USER_ID")),
                EsHit.text(data.get("buildHost")));
        ColumnWidths.check("controller id", b.controller(), ColumnWidths.CONTROLLER);
        ColumnWidths.check("job name", b.jobName(), ColumnWidths.JOB_NAME);
        ColumnWidths.check("data.result", b.result(), ColumnWidths.RESULT);
        ColumnWidths.check("approval number", b.approvalNo(), ColumnWidths.APPROVAL_NO);
        ColumnWidths.check("BUILD_USER_ID", b.buildUserId(), ColumnWidths.PERSON_OR_NODE);
        ColumnWidths.check("data.buildHost", b.node(), ColumnWidths.PERSON_OR_NODE);
        return b;
    }

    /** Whole milliseconds; another type is read as absent, as before. */
    private static Long duration(JsonNode node) throws Rejected {
        if (node == null || !node.isIntegralNumber()) return null;
        if (!node.canConvertToLong() || node.longValue() < 0 || node.longValue() > MAX_DURATION_MS) {
            throw new Rejected("implausible data.buildDuration " + node);
        }
        return node.longValue();
    }

    private static String jobName(JsonNode data) throws Rejected {
        String full = EsHit.text(data.get("fullProjectName"));
        if (full != null && !full.isBlank()) return full;
        try {
            return JobUrls.jobName(EsHit.text(data.get("url")));
        } catch (IllegalArgumentException e) {
            throw new Rejected("missing job name (" + e.getMessage() + ")");
        }
    }

    private static int buildNumber(JsonNode data) throws Rejected {
        Integer n = asBuildNumber(data.get("buildNum"));
        if (n == null) n = asBuildNumber(data.get("id"));
        if (n == null) throw new Rejected("missing build number");
        return n;
    }

    private static Integer asBuildNumber(JsonNode node) {
        if (node == null) return null;
        if (node.isIntegralNumber() && node.canConvertToInt() && node.intValue() > 0) return node.intValue();
        String text = node.isTextual() ? node.textValue().trim() : "";
        return text.matches("0*[1-9]\\d{0,8}") ? Integer.valueOf(text) : null;
    }

    private static Instant time(JsonNode doc, String field) throws Rejected {
        JsonNode node = doc.get(field);
        if (node == null || node.isNull()) throw new Rejected("missing " + field);
        try {
            return JenkinsTime.parse(node);
        } catch (UnparseableTimeException e) {
            throw new Rejected(e.getMessage() + " in " + field);
        }
    }
}
