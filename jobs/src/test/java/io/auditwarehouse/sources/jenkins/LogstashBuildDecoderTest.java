package io.auditwarehouse.sources.jenkins;

import io.auditwarehouse.model.BuildDocument;
import io.auditwarehouse.model.Decoded;
import io.auditwarehouse.model.QuarantineRecord;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LogstashBuildDecoderTest {

    private static final String DOC = """
            {"data": {"id": "42", "result": "SUCCESS", "projectName": "settle-daily",
              "fullProjectName": "payments/settle-daily", "url": "job/payments/job/settle-daily/42/",
              "buildHost": "agent-07", "buildNum": 42, "buildDuration": 183422,
              "buildVariables": {"APPROVAL_NO": " chg-2026-000123 ", "BUILD_USER_ID": "kim.op", "CHANGE_REF": "CR-9"}},
             "message": ["Finished: SUCCESS"], "source": "jenkins", "source_host": "https://batch-a.jenkins.example/",
             "@buildTimestamp": "2026-10-01T02:00:00.123+0900", "@timestamp": "2026-10-01T02:03:03.545+0900", "@version": 1}
            """.replace("\n", "");

    private final LogstashBuildDecoder decoder = new LogstashBuildDecoder(ControllerIds.derived());

    private BuildDocument decoded(LogstashBuildDecoder d, String line) {
        Decoded result = d.decode(line, "builds.ndjson@0");
        assertNull(result.quarantine(), () -> "unexpected quarantine: " + result.quarantine());
        return (BuildDocument) result.event();
    }

    private QuarantineRecord rejected(String line) {
        Decoded result = decoder.decode(line, "builds.ndjson@100");
        assertNull(result.event());
        assertEquals("builds", result.quarantine().source());
        return result.quarantine();
    }

    @Test
    void rawPluginDocument() {
        BuildDocument d = decoded(decoder, DOC);
        assertEquals(new BuildDocument("builds.ndjson@0", "batch-a", "payments/settle-daily", 42,
                Instant.parse("2026-09-30T17:00:00.123Z"), Instant.parse("2026-09-30T17:03:03.545Z"),
                183422L, "SUCCESS", " chg-2026-000123 ", "kim.op", "agent-07"), d);
    }

    @Test
    void esHitWrapperGivesTheDocId() {
        BuildDocument d = decoded(decoder, "{\"_id\": \"AbC123\", \"_index\": \"jenkins-builds-2026.10.01\", \"_source\": " + DOC + "}");
        assertEquals("AbC123", d.docId());
        assertEquals("payments/settle-daily", d.jobName());
    }

    @Test
    void esHitWithoutIdUsesTheFallback() {
        assertEquals("builds.ndjson@0", decoded(decoder, "{\"_source\": " + DOC + "}").docId());
    }

    @Test
    void configuredApprovalParameterAndControllerMap() {
        LogstashBuildDecoder custom = new LogstashBuildDecoder(
                new ControllerIds(Map.of("https://batch-a.jenkins.example", "prod-batch"), Map.of()), "CHANGE_REF");
        BuildDocument d = decoded(custom, DOC);
        assertEquals("CR-9", d.approvalNo());
        assertEquals("prod-batch", d.controller());
    }

    @Test
    void inProgressDocumentHasNullResult() {
        String line = DOC.replace("\"result\": \"SUCCESS\"", "\"result\": null")
                .replace("\"buildDuration\": 183422", "\"buildDuration\": 0");
        BuildDocument d = decoded(decoder, line);
        assertNull(d.result());
        assertEquals(0L, d.durationMs());
    }

    @Test
    void absentVariablesAndDurationAreNull() {
        String line = DOC.replaceAll("\"buildVariables\": \\{[^}]*}", "\"buildVariables\": {}")
                .replace("\"buildDuration\": 183422, ", "").replace("\"buildHost\": \"agent-07\", ", "");
        BuildDocument d = decoded(decoder, line);
        assertNull(d.approvalNo());
        assertNull(d.buildUserId());
        assertNull(d.durationMs());
        assertNull(d.node());
    }

    @Test
    void numericStringBuildNumberAndIdFallback() {
        assertEquals(42, decoded(decoder, DOC.replace("\"buildNum\": 42", "\"buildNum\": \"42\"")).buildNumber());
        assertEquals(42, decoded(decoder, DOC.replace("\"buildNum\": 42, ", "")).buildNumber());
    }

    @Test
    void jobNameFallsBackToTheDecodedUrl() {
        String line = DOC.replace("\"fullProjectName\": \"payments/settle-daily\", ", "")
                .replace("job/payments/job/settle-daily/42/", "job/%EC%A0%95%EC%82%B0/job/settle-daily/42/");
        assertEquals("정산/settle-daily", decoded(decoder, line).jobName());
    }

    @Test
    void timestampsAsEpochMillisOrWithoutFraction() {
        String line = DOC.replace("\"2026-10-01T02:00:00.123+0900\"", "1790787600123")
                .replace("2026-10-01T02:03:03.545+0900", "2026-10-01T02:03:03+0900");
        BuildDocument d = decoded(decoder, line);
        assertEquals(Instant.ofEpochMilli(1790787600123L), d.buildTimestamp());
        assertEquals(Instant.parse("2026-09-30T17:03:03Z"), d.timestamp());
    }

    @Test
    void badJsonIsQuarantinedWithTheRawLine() {
        QuarantineRecord q = rejected("{\"data\": {\"id\": ");
        assertTrue(q.reason().startsWith("bad JSON: "), q.reason());
        assertEquals("builds.ndjson@100", q.documentId());
        assertEquals("{\"data\": {\"id\": ", q.rawExcerpt());
        assertTrue(rejected("[1, 2]").reason().startsWith("bad JSON"));
        assertTrue(rejected(DOC + " trailing").reason().startsWith("bad JSON"));
    }

    @Test
    void missingBuildNumber() {
        String noNumber = DOC.replace("\"buildNum\": 42, ", "").replace("\"id\": \"42\", ", "");
        assertEquals("missing build number", rejected(noNumber).reason());
        assertEquals("missing build number", rejected(DOC.replace("\"buildNum\": 42", "\"buildNum\": \"forty-two\"")
                .replace("\"id\": \"42\"", "\"id\": \"x\"")).reason());
    }

    @Test
    void missingJobName() {
        String line = DOC.replace("\"fullProjectName\": \"payments/settle-daily\", ", "")
                .replace("\"url\": \"job/payments/job/settle-daily/42/\", ", "");
        assertEquals("missing job name", rejected(line).reason());
    }

    @Test
    void missingOrUnparseableTimes() {
        assertEquals("missing @buildTimestamp",
                rejected(DOC.replace("\"@buildTimestamp\": \"2026-10-01T02:00:00.123+0900\", ", "")).reason());
        assertEquals("unparseable time '2026-13-01T02:03:03.545+0900' in @timestamp",
                rejected(DOC.replace("2026-10-01T02:03:03.545+0900", "2026-13-01T02:03:03.545+0900")).reason());
    }

    @Test
    void unknownController() {
        assertTrue(rejected(DOC.replace("\"source_host\": \"https://batch-a.jenkins.example/\", ", ""))
                .reason().startsWith("unknown controller"));
    }

    @Test
    void esHitIdIsKeptInTheQuarantine() {
        Decoded result = decoder.decode("{\"_id\": \"X1\", \"_source\": {\"data\": {}}}", "f@0");
        assertEquals("X1", result.quarantine().documentId());
    }

    @Test
    void blankLinesAreIgnored() {
        assertSame(Decoded.IGNORED, decoder.decode("", "f@0"));
        assertSame(Decoded.IGNORED, decoder.decode("   ", "f@0"));
    }

    @Test
    void decoderIsSerializable() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(decoder);
        }
        LogstashBuildDecoder copy = (LogstashBuildDecoder) new ObjectInputStream(
                new ByteArrayInputStream(bytes.toByteArray())).readObject();
        assertEquals(42, decoded(copy, DOC).buildNumber());
    }
}
