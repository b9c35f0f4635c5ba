package io.auditwarehouse.sources.files;

import io.auditwarehouse.model.Approval;
import io.auditwarehouse.model.QuarantineRecord;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ApprovalsCsvTest {

    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    private static final String HEADER = "approval_no,request_type,controller,job_name,build_number,requester_id,"
            + "approver_id,status,requested_at,decided_at,valid_from,valid_to,max_runs,reason,updated_at\n";

    private static Parsed<Approval> read(String csv, ZoneId zone) {
        return ApprovalsCsv.read(new StringReader(csv), zone, "approvals.csv");
    }

    @Test
    void mysqlTimesAreReadInTheConfiguredZone() {
        Parsed<Approval> p = read(HEADER
                + " chg-2026-000123 ,execute,batch-a,payments/settle-daily,,lee.dev,park.lead,approved,"
                + "2026-10-01 00:50:00,2026-10-01 01:50:00.123,2026-10-01 01:00:00,2026-10-01 06:00:00,2,\"정산, 재실행\",2026-10-01 01:50:00.123\n",
                SEOUL);
        assertEquals(0, p.rejected().size());
        assertEquals(new Approval("CHG-2026-000123", "EXECUTE", "batch-a", "payments/settle-daily", null, "lee.dev",
                "park.lead", "APPROVED", Instant.parse("2026-09-30T15:50:00Z"), Instant.parse("2026-09-30T16:50:00.123Z"),
                Instant.parse("2026-09-30T16:00:00Z"), Instant.parse("2026-09-30T21:00:00Z"), 2, "정산, 재실행",
                Instant.parse("2026-09-30T16:50:00.123Z")), p.rows().get(0));
    }

    @Test
    void isoTimesWithAnOffsetIgnoreTheZone() {
        Parsed<Approval> p = read(HEADER
                + "F-9,FAILURE_REPORT,batch-a,payments/settle,13,kim.op,,Requested,2026-10-01T03:00:00+09:00,,,,,,2026-09-30T18:00:00Z\n",
                ZoneOffset.UTC);
        Approval a = p.rows().get(0);
        assertEquals(Instant.parse("2026-09-30T18:00:00Z"), a.requestedAt());
        assertEquals(Instant.parse("2026-09-30T18:00:00Z"), a.updatedAt());
        assertEquals(13, a.buildNumber());
        assertEquals("REQUESTED", a.status());
    }

    @Test
    void emptyFieldsAreNull() {
        Approval a = read(HEADER + "REG-7,REGISTER,batch-a,payments/settle,,lee.dev,,REQUESTED,2026-09-15 00:00:00,,,,,,2026-09-15 00:00:00\n",
                ZoneOffset.UTC).rows().get(0);
        assertNull(a.buildNumber());
        assertNull(a.approverId());
        assertNull(a.decidedAt());
        assertNull(a.validFrom());
        assertNull(a.validTo());
        assertNull(a.maxRuns());
        assertNull(a.reason());
    }

    @Test
    void leadingBomAndCrLfAreTolerated() {
        Parsed<Approval> p = read("\uFEFF" + HEADER.replace("\n", "\r\n")
                + "CHG-1,EXECUTE,batch-a,a/b,,x,y,APPROVED,2026-09-15 00:00:00,,,,,,2026-09-15 00:00:00\r\n", ZoneOffset.UTC);
        assertEquals(1, p.rows().size());
        assertEquals("CHG-1", p.rows().get(0).approvalNo());
    }

    @Test
    void badRowsAreQuarantinedWithTheirLineAndTheOthersKept() {
        String good = "CHG-%d,EXECUTE,batch-a,a/b,,x,y,APPROVED,2026-09-15 00:00:00,,,,,%s,2026-09-15 00:00:00\n";
        Parsed<Approval> p = read(HEADER
                + good.formatted(1, "\"two\nlines\"")
                + "CHG-2,EXECUTE,batch-a,a/b,,x,y,APPROVED,2026-13-15 00:00:00,,,,,,2026-09-15 00:00:00\n"
                + good.formatted(3, "")
                + ",EXECUTE,batch-a,a/b,,x,y,APPROVED,2026-09-15 00:00:00,,,,,,2026-09-15 00:00:00\n"
                + "CHG-5,EXECUTE,batch-a,a/b,,x,y,APPROVED,2026-09-15 00:00:00,,,,many,,2026-09-15 00:00:00\n"
                + "CHG-6,EXECUTE\n"
                + good.formatted(7, ""),
                ZoneOffset.UTC);
        assertEquals(3, p.rows().size());
        assertEquals("CHG-7", p.rows().get(2).approvalNo());
        assertEquals("two\nlines", p.rows().get(0).reason());
        QuarantineRecord time = p.rejected().get(0);
        assertEquals(new QuarantineRecord("approvals", "approvals.csv:4", "unparseable time '2026-13-15 00:00:00' in requested_at",
                "CHG-2,EXECUTE,batch-a,a/b,,x,y,APPROVED,2026-13-15 00:00:00,,,,,,2026-09-15 00:00:00"), time);
        assertEquals("approvals.csv:6", p.rejected().get(1).documentId());
        assertEquals("missing approval_no", p.rejected().get(1).reason());
        assertEquals("unparseable number 'many' in max_runs", p.rejected().get(2).reason());
        assertEquals("approvals.csv:8", p.rejected().get(3).documentId());
        assertEquals("expected 15 fields, found 2", p.rejected().get(3).reason());
    }

    @Test
    void aQuoteNeverClosedQuarantinesItsOwnLineAndTheRowsAfterItAreStillRead() {
        String good = "CHG-%d,EXECUTE,batch-a,a/b,,x,y,APPROVED,2026-09-15 00:00:00,,,,,%s,2026-09-15 00:00:00\n";
        Parsed<Approval> p = read(HEADER
                + good.formatted(1, "")
                + "CHG-2,\"EXECUTE,batch-a,a/b,,x,y,APPROVED,2026-09-15 00:00:00,,,,,,2026-09-15 00:00:00\n"
                + good.formatted(3, "\"quoted, reason\"")
                + good.formatted(4, "")
                + "CHG-5,EXECUTE,batch-a,a/b,,x,y,APPROVED,2026-09-15 00:00:00,,,,,\"never closed,2026-09-15 00:00:00\n",
                ZoneOffset.UTC);
        assertEquals(List.of("CHG-1", "CHG-3", "CHG-4"), p.rows().stream().map(Approval::approvalNo).toList());
        assertEquals(List.of("approvals.csv:3", "approvals.csv:6"), p.rejected().stream().map(QuarantineRecord::documentId).toList());
        assertTrue(p.rejected().stream().allMatch(q -> q.reason().startsWith("unbalanced quotes")), p.rejected().toString());
        assertTrue(p.rejected().get(0).rawExcerpt().startsWith("CHG-2,\"EXECUTE"), p.rejected().get(0).rawExcerpt());
    }

    @Test
    void aRowWithBytesThatAreNotUtf8IsQuarantinedAndTheFileStillRead() {
        byte[] head = (HEADER + "CHG-1,EXECUTE,batch-a,a/b,,x,y,APPROVED,2026-09-15 00:00:00,,,,,,2026-09-15 00:00:00\nCHG-2,EXECUTE,batch-a,a")
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = "/b,,x,y,APPROVED,2026-09-15 00:00:00,,,,,,2026-09-15 00:00:00\n".getBytes(StandardCharsets.UTF_8);
        byte[] csv = new byte[head.length + 1 + tail.length];
        System.arraycopy(head, 0, csv, 0, head.length);
        csv[head.length] = (byte) 0xFF;
        System.arraycopy(tail, 0, csv, head.length + 1, tail.length);
        Parsed<Approval> p = ApprovalsCsv.read(new InputStreamReader(new ByteArrayInputStream(csv), StandardCharsets.UTF_8),
                ZoneOffset.UTC, "approvals.csv");
        assertEquals(1, p.rows().size());
        assertEquals("invalid UTF-8 in job_name", p.rejected().get(0).reason());
    }

    @Test
    void aRowWithoutAColumnTheContractRequiresIsQuarantined() {
        Parsed<Approval> p = read(HEADER + "CHG-1,,batch-a,a/b,,x,y,APPROVED,2026-09-15 00:00:00,,,,,,2026-09-15 00:00:00\n"
                + "CHG-2,EXECUTE,batch-a,a/b,,x,y,APPROVED,0001-01-01 00:00:00,,,,,,10000-01-01 00:00:00\n", ZoneOffset.UTC);
        assertEquals(List.of("missing request_type", "unparseable time '10000-01-01 00:00:00' in updated_at"),
                p.rejected().stream().map(QuarantineRecord::reason).toList());
    }

    @Test
    void missingColumnIsAConfigurationError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> read(HEADER.replace(",max_runs", ""), ZoneOffset.UTC));
        assertTrue(e.getMessage().contains("max_runs"), e.getMessage());
    }

    @Test
    void columnOrderAndHeaderCaseDoNotMatter() {
        String header = "UPDATED_AT, Approval_No ,request_type,controller,job_name,build_number,requester_id,"
                + "approver_id,status,requested_at,decided_at,valid_from,valid_to,max_runs,reason,extra\n";
        Approval a = read(header + "2026-09-15 00:00:00,chg-9,EXECUTE,batch-a,a/b,,x,y,APPROVED,2026-09-15 00:00:00,,,,,,ignored\n",
                ZoneOffset.UTC).rows().get(0);
        assertEquals("CHG-9", a.approvalNo());
        assertEquals(Instant.parse("2026-09-15T00:00:00Z"), a.updatedAt());
    }

    @Test
    void workedExampleReadsWithoutQuarantine() throws Exception {
        try (Reader in = new InputStreamReader(getClass().getResourceAsStream("/worked-example/approvals.csv"), StandardCharsets.UTF_8)) {
            Parsed<Approval> p = ApprovalsCsv.read(in, ZoneOffset.UTC, "approvals.csv");
            assertEquals(0, p.rejected().size(), () -> p.rejected().toString());
            assertEquals(2, p.rows().size());
            Approval chg = p.rows().get(1);
            assertEquals("CHG-1", chg.approvalNo());
            assertEquals(1, chg.maxRuns());
            assertEquals(Instant.parse("2026-09-30T21:00:00Z"), chg.validTo());
        }
    }
}
