package io.auditwarehouse.sources.jenkins;

import io.auditwarehouse.model.AuditBuildLine;
import io.auditwarehouse.model.BuildDocument;
import io.auditwarehouse.model.Decoded;
import io.auditwarehouse.model.Trigger;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Every line of the worked example's build records and audit trail decodes without quarantine. */
class WorkedExampleDecodingTest {

    static List<String> lines(String resource) throws IOException {
        try (InputStream in = WorkedExampleDecodingTest.class.getResourceAsStream("/worked-example/" + resource)) {
            assertNotNull(in, resource);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }

    private static List<Object> decodeAll(List<String> lines, BiFunction<String, String, Decoded> decode) {
        List<Object> events = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Decoded d = decode.apply(lines.get(i), "line-" + (i + 1));
            assertNull(d.quarantine(), "line " + (i + 1) + ": " + d.quarantine());
            assertNotNull(d.event(), "line " + (i + 1) + " was ignored");
            events.add(d.event());
        }
        return events;
    }

    @Test
    void buildRecords() throws IOException {
        LogstashBuildDecoder decoder = new LogstashBuildDecoder(ControllerIds.derived());
        List<Object> docs = decodeAll(lines("builds.ndjson"), decoder::decode);
        assertEquals(4, docs.size());
        BuildDocument first = (BuildDocument) docs.get(0);
        assertEquals("worked-example-00001", first.docId());
        assertEquals("batch-a", first.controller());
        assertEquals("payments/settle", first.jobName());
        assertEquals(10, first.buildNumber());
        assertEquals("CHG-1", first.approvalNo());
        BuildDocument timer = (BuildDocument) docs.get(3);
        assertEquals(14, timer.buildNumber());
        assertNull(timer.approvalNo());
        assertEquals("timer", timer.buildUserId());
    }

    @Test
    void auditTrail() throws IOException {
        AuditTrailDecoder decoder = new AuditTrailDecoder();
        String controller = ControllerIds.derived().forAuditFile("audit/batch-a.ndjson");
        List<Object> lines = decodeAll(lines("audit/batch-a.ndjson"), (line, id) -> decoder.decode(line, id, controller));
        assertEquals(8, lines.size());
        for (Object o : lines) {
            AuditBuildLine l = (AuditBuildLine) o;
            assertEquals("batch-a", l.controller());
            assertEquals("payments/settle", l.jobName());
        }
        AuditBuildLine lee = (AuditBuildLine) lines.get(5);
        assertEquals(AuditBuildLine.Kind.COMPLETED, lee.kind());
        assertEquals("Lee Developer", lee.userDisplayName());
        AuditBuildLine timer = (AuditBuildLine) lines.get(7);
        assertEquals(Trigger.TIMER, timer.trigger());
        assertNull(timer.approvalNo());
    }
}
