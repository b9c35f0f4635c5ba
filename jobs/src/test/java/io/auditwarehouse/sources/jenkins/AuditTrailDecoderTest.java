package io.auditwarehouse.sources.jenkins;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.auditwarehouse.model.AuditBuildLine;
import io.auditwarehouse.model.AuditBuildLine.Kind;
import io.auditwarehouse.model.AuditRequest;
import io.auditwarehouse.model.AuditRequest.JobAction;
import io.auditwarehouse.model.Decoded;
import io.auditwarehouse.model.QuarantineRecord;
import io.auditwarehouse.model.Trigger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AuditTrailDecoderTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TS = "2026-10-01T02:00:00+0900";
    private static final Instant AT = Instant.parse("2026-09-30T17:00:00Z");

    private final AuditTrailDecoder decoder = new AuditTrailDecoder();

    private static String doc(String message) {
        try {
            return JSON.writeValueAsString(Map.of("message", message, "@timestamp", TS));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Decoded decode(String message) {
        return decoder.decode(doc(message), "batch-a.ndjson@7", "batch-a");
    }

    private AuditBuildLine line(String message) {
        Decoded d = decode(message);
        assertNull(d.quarantine(), () -> "unexpected quarantine: " + d.quarantine());
        return (AuditBuildLine) d.event();
    }

    private AuditRequest request(String message) {
        Decoded d = decode(message);
        assertNull(d.quarantine(), () -> "unexpected quarantine: " + d.quarantine());
        return (AuditRequest) d.event();
    }

    private QuarantineRecord rejected(String message) {
        Decoded d = decode(message);
        assertNull(d.event());
        assertEquals("audit", d.quarantine().source());
        return d.quarantine();
    }

    @Test
    void startLine() {
        AuditBuildLine l = line("job/payments/job/settle-daily/ #42 Started by user Kim Operator, Parameters:[APPROVAL_NO: {CHG-2026-000123}]");
        assertEquals(new AuditBuildLine("batch-a.ndjson@7", "batch-a", "payments/settle-daily", 42, Kind.STARTED, AT,
                Trigger.USER, "Kim Operator", true, "CHG-2026-000123", null, null, null, null), l);
    }

    @Test
    void completionLine() {
        AuditBuildLine l = line("payments » settle-daily #42 Started by user Kim Operator, Parameters:[APPROVAL_NO: {CHG-2026-000123}]"
                + " on node agent-07 started at 2026-09-30T17:00:00Z completed in 183422ms completed: SUCCESS");
        assertEquals(new AuditBuildLine("batch-a.ndjson@7", "batch-a", "payments/settle-daily", 42, Kind.COMPLETED, AT,
                Trigger.USER, "Kim Operator", true, "CHG-2026-000123", "agent-07", AT, 183422L, "SUCCESS"), l);
    }

    @Test
    void koreanJobNames() {
        assertEquals("정산/일일 마감", line("job/%EC%A0%95%EC%82%B0/job/%EC%9D%BC%EC%9D%BC%20%EB%A7%88%EA%B0%90/ #3 Started by user 최운영, Parameters:[]").jobName());
        AuditBuildLine done = line("정산 » 일일 마감 #3 Started by user 최운영, Parameters:[] on node built-in started at 2026-09-30T17:00:00Z completed in 5ms completed: FAILURE");
        assertEquals("정산/일일 마감", done.jobName());
        assertEquals("최운영", done.userDisplayName());
        assertEquals("FAILURE", done.result());
        assertEquals("built-in", done.node());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Started by user Kim Operator                                       | USER",
            "Started by timer                                                   | TIMER",
            "Started by upstream project \"payments/prepare\" build number 17 | UPSTREAM",
            "Started by an SCM change                                           | SCM",
            "Started by remote host 10.0.0.5                                    | REMOTE",
            "Started by remote host 10.0.0.5 with note: nightly                 | REMOTE",
            "Started                                                            | UNKNOWN",
            "Started by command line by kim.op                                  | UNKNOWN",
            "Replayed #41                                                       | UNKNOWN",
            "Started by timer, Started by user Kim Operator                     | TIMER",
            "Started by upstream project \"a, b\" build number 2, Started by user Kim | UPSTREAM",
            "Started by user Kim Operator, Started by timer                     | USER"})
    void firstCauseDecidesTheTrigger(String causes, Trigger expected) {
        AuditBuildLine start = line("job/a/ #5 " + causes + ", Parameters:[]");
        assertEquals(expected, start.trigger());
        AuditBuildLine done = line("a #5 " + causes + ", Parameters:[] on node n started at 2026-09-30T17:00:00Z completed in 1ms completed: SUCCESS");
        assertEquals(expected, done.trigger());
        assertEquals(expected == Trigger.USER, start.userDisplayName() != null);
    }

    @Test
    void parametersWithCommasBracesAndMaskedValues() {
        AuditBuildLine l = line("job/a/ #5 Started by user Kim Operator, Parameters:[TARGETS: {x, y}, EXPR: {a}b, c: d}, "
                + "SECRET: {****}, APPROVAL_NO: {CHG-1}, EMPTY: {}]");
        assertEquals("CHG-1", l.approvalNo());
        assertTrue(l.parametersSeen());
        assertEquals("****", line("job/a/ #5 Started, Parameters:[APPROVAL_NO: {****}]").approvalNo());
        assertEquals("x, y]", line("job/a/ #5 Started, Parameters:[A: {x, y]}, APPROVAL_NO: {x, y]}]").approvalNo());
    }

    @Test
    void configuredApprovalParameter() {
        AuditTrailDecoder custom = new AuditTrailDecoder("CHANGE_REF");
        AuditBuildLine l = (AuditBuildLine) custom.decode(doc("job/a/ #5 Started, Parameters:[APPROVAL_NO: {CHG-1}, CHANGE_REF: {CR-2}]"),
                "f@0", "batch-a").event();
        assertEquals("CR-2", l.approvalNo());
    }

    @Test
    void emptyParametersAndLinesWithoutABlock() {
        AuditBuildLine empty = line("job/a/ #5 Started by timer, Parameters:[]");
        assertTrue(empty.parametersSeen());
        assertNull(empty.approvalNo());
        AuditBuildLine old = line("job/a/ #5 Started by user Kim Operator");
        assertFalse(old.parametersSeen());
        assertEquals("Kim Operator", old.userDisplayName());
        AuditBuildLine oldDone = line("a #5 Started by timer on node agent 7 started at 2026-09-30T17:00:00Z completed in 1ms completed: ABORTED");
        assertFalse(oldDone.parametersSeen());
        assertEquals("agent 7", oldDone.node());
    }

    @Test
    void unknownNodeIsNull() {
        assertNull(line("a #5 Started on node #unknown# started at 2026-09-30T17:00:00Z completed in 1ms completed: SUCCESS").node());
    }

    @ParameterizedTest
    @CsvSource({"configSubmit, CONFIG_SUBMIT", "doDelete, DELETE", "enable, ENABLE", "disable, DISABLE"})
    void jobActions(String verb, JobAction action) {
        AuditRequest r = request("/job/payments/job/settle-daily/" + verb + " by lee.dev");
        assertEquals(new AuditRequest("batch-a.ndjson@7", "batch-a", "payments/settle-daily", action, "lee.dev", AT), r);
    }

    @Test
    void koreanJobAction() {
        assertEquals("정산/settle", request("/job/%EC%A0%95%EC%82%B0/job/settle/disable by kim.op").jobName());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "/job/a/job/b/configure by lee.dev",
            "/job/a/job/b/42/stop by kim.op",
            "/job/a/stop by kim.op",
            "/createItem by lee.dev",
            "/view/all/createItem by lee.dev",
            "/configSubmit by admin",
            "/computer/agent-07/toggleOffline by admin",
            "/queue/item/12/cancelQueue (job/a/) by kim.op",
            "/job/a/job/b/doWipeOutWorkspace by kim.op",
            "Successful login for user 'kim.op'",
            "Logout for user 'kim.op'",
            "Failed login attempt for user 'mallory'",
            "'payments/settle#42' (class org.jenkinsci.plugins.workflow.job.WorkflowRun) used credentials 'deploy-key' (class x)."})
    void otherRequestsAndNonJobLinesAreIgnored(String message) {
        assertSame(Decoded.IGNORED, decode(message));
    }

    @Test
    void esHitWrapperGivesTheDocId() throws Exception {
        String line = "{\"_id\": \"audit-9\", \"_source\": " + doc("/job/a/enable by kim.op") + "}";
        assertEquals("audit-9", decoder.decode(line, "f@0", "batch-a").event().docId());
    }

    @Test
    void badDocumentsAreQuarantined() {
        Decoded bad = decoder.decode("{\"message\": \"job/a/ #1 Started", "batch-a.ndjson@99", "batch-a");
        assertTrue(bad.quarantine().reason().startsWith("bad JSON: "), bad.quarantine().reason());
        assertEquals("batch-a.ndjson@99", bad.quarantine().documentId());
        assertEquals("missing message", decoder.decode("{\"@timestamp\": \"" + TS + "\"}", "f@0", "batch-a").quarantine().reason());
        assertEquals("missing @timestamp", decoder.decode("{\"message\": \"/job/a/enable by x\"}", "f@0", "batch-a").quarantine().reason());
        assertEquals("unparseable time 'soon' in @timestamp",
                decoder.decode("{\"message\": \"/job/a/enable by x\", \"@timestamp\": \"soon\"}", "f@0", "batch-a").quarantine().reason());
    }

    @Test
    void buildLinesThatCannotBeUnderstoodAreQuarantined() {
        assertEquals("missing build number", rejected("job/a/job/b/ Started by user Kim Operator, Parameters:[]").reason());
        assertEquals("missing build number", rejected("job/a/job/b/ #x Started by timer, Parameters:[]").reason());
        assertEquals("missing build number",
                rejected("a » b Started by timer, Parameters:[] on node n started at 2026-09-30T17:00:00Z completed in 1ms completed: SUCCESS").reason());
        assertEquals("unparseable time '2026-09-31T17:00:00Z' in started at",
                rejected("a » b #3 Started by timer, Parameters:[] on node n started at 2026-09-31T17:00:00Z completed in 1ms completed: SUCCESS").reason());
        assertEquals("unparseable duration 'abcms'",
                rejected("a » b #3 Started by timer on node n started at 2026-09-30T17:00:00Z completed in abcms completed: SUCCESS").reason());
        assertEquals("unparseable parameters", rejected("job/a/ #3 Started by timer, Parameters:[A: {x}").reason());
        assertEquals("unparseable parameters", rejected("job/a/ #3 Started by timer, Parameters:[A=x]").reason());
        assertTrue(rejected("job/%ZZ/ #3 Started by timer, Parameters:[]").reason().contains("bad percent-encoding"));
        assertEquals("unrecognised build line", rejected("a » b #3 Started by timer, Parameters:[] on node n").reason());
    }

    @Test
    void jobActionsThatCannotBeUnderstoodAreQuarantined() {
        assertEquals("job action without user", rejected("/job/a/job/b/configSubmit").reason());
        assertTrue(rejected("/job/%E0/doDelete by lee.dev").reason().contains("bad percent-encoding"));
    }

    @Test
    void missingControllerIsQuarantined() {
        assertEquals("unknown controller", decoder.decode(doc("/job/a/enable by x"), "f@0", null).quarantine().reason());
    }

    @Test
    void decoderIsSerializable() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(new AuditTrailDecoder("CHANGE_REF"));
        }
        AuditTrailDecoder copy = (AuditTrailDecoder) new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray())).readObject();
        Decoded d = copy.decode(doc("job/a/ #5 Started, Parameters:[CHANGE_REF: {CR-2}]"), "f@0", "batch-a");
        assertEquals("CR-2", ((AuditBuildLine) d.event()).approvalNo());
    }

    @Test
    void blankLinesAreIgnored() {
        assertSame(Decoded.IGNORED, decoder.decode(" ", "f@0", "batch-a"));
    }
}
