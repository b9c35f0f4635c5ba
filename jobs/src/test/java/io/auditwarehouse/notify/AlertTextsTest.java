package io.auditwarehouse.notify;

import io.auditwarehouse.model.Severity;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The messages: count by control, at most 10 finding lines (most severe, oldest first), the rest summarised. */
class AlertTextsTest {

    private static PendingFinding f(String id, String date, String control, String reason, String severity, int build) {
        return new PendingFinding(id, LocalDate.parse(date), control, reason, severity, "batch-a", "payments/settle", build);
    }

    @Test
    void thirteenFindingsShowTenLinesAndSayHowManyMore() {
        List<PendingFinding> findings = new ArrayList<>();
        for (int i = 1; i <= 11; i++) findings.add(f("c1-" + (100 + i), "2026-10-" + String.format("%02d", i), "C1", "APPROVAL_OVERUSED", "MEDIUM", i));
        findings.add(f("c2-1", "2026-10-20", "C2", "SELF_APPROVED", "HIGH", 50));
        findings.add(f("c3-1", "2026-10-05", "C3", "NO_STANDING_APPROVAL", "HIGH", 51));
        String text = new AlertTexts("en").findings(findings, Severity.MEDIUM);
        List<String> lines = text.lines().toList();
        assertEquals("[Audit Evidence Warehouse] 13 new findings (MEDIUM or above)", lines.get(0));
        assertEquals(List.of("C1 Approved execution: 11", "C2 Segregation of duties: 1", "C3 Scheduled jobs registered: 1"), lines.subList(1, 4));
        List<String> shown = lines.subList(4, lines.size() - 1);
        assertEquals(10, shown.size(), text);
        assertEquals("- 2026-10-05 C3 HIGH batch-a/payments/settle #51: No registration or change approval for the job was in force (c3-1)", shown.get(0));
        assertEquals("- 2026-10-20 C2 HIGH batch-a/payments/settle #50: The approver is the requester (c2-1)", shown.get(1));
        assertEquals("- 2026-10-01 C1 MEDIUM batch-a/payments/settle #1: The approval was used for more runs than it allows (c1-101)", shown.get(2));
        assertEquals("- 2026-10-08 C1 MEDIUM batch-a/payments/settle #8: The approval was used for more runs than it allows (c1-108)", shown.get(9));
        assertEquals("… and 3 more in the recon_finding table", lines.get(lines.size() - 1));
    }

    @Test
    void aLongJobPathIsCutSoThatTheMessageStaysUnderTwoThousandCharacters() {
        List<PendingFinding> findings = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            findings.add(new PendingFinding("0123456789abcdef0123456789abcde" + i, LocalDate.parse("2026-10-01"), "C" + (i % 6 + 1),
                    "APPROVAL_NOT_FOUND", "HIGH", "controller-with-a-long-name", "folder/".repeat(30) + "job", 100000 + i));
        }
        String text = new AlertTexts("ko").findings(findings, Severity.HIGH);
        assertTrue(text.length() < 2000, text.length() + " characters");
        String line = text.lines().filter(l -> l.startsWith("- ")).findFirst().orElseThrow();
        assertTrue(line.endsWith("… (0123456789abcdef0123456789abcde0)"), line);
    }

    @Test
    void tenOrFewerAreAllShownInKorean() {
        String text = new AlertTexts("ko").findings(List.of(f("x", "2026-10-01", "C2", "EXECUTOR_IS_REQUESTER", "HIGH", 12)), Severity.HIGH);
        assertEquals("[감사 증적 웨어하우스] 새 지적사항 1건 (HIGH 이상)\nC2 직무 분리: 1건\n"
                + "- 2026-10-01 C2 HIGH batch-a/payments/settle #12: 실행자가 승인 요청자 본인임 (x)", text);
    }

    @Test
    void failureAndPackageMessages() {
        AlertTexts en = new AlertTexts("en");
        assertEquals("[Audit Evidence Warehouse] batch failed: backfill 2026-10-01 .. 2026-10-31, exit code 4: disk full",
                en.batchFailed("backfill", LocalDate.parse("2026-10-01"), LocalDate.parse("2026-10-31"), 4, "disk full"));
        assertEquals("[Audit Evidence Warehouse] batch failed: scheduled nightly nightly-20261005T023000+0900, exit code 3: down",
                en.batchFailed("scheduled nightly nightly-20261005T023000+0900", null, null, 3, "down"));
        assertEquals("[Audit Evidence Warehouse] evidence package 2026-10 issued\nSHA-256 (manifest.json): abc\nat: /srv/out/reports/2026-10",
                en.packageIssued(YearMonth.of(2026, 10), "abc", Path.of("/srv/out/reports/2026-10")));
    }

    @Test
    void aFailureAlertDeliveredLateSaysWhenItCouldNotBe() {
        java.time.Instant at = java.time.Instant.parse("2026-10-05T17:30:00Z");
        assertEquals("[감사 증적 웨어하우스] 지연 전달 (2026-10-05T17:30:00Z에 전달하지 못한 알림)\n배치 실패: nightly 2026-10-05, 종료 코드 3: down",
                new AlertTexts("ko").late(new AlertTexts("ko").failureBody("nightly", LocalDate.parse("2026-10-05"), LocalDate.parse("2026-10-05"), 3, "down"), at));
        assertEquals("[Audit Evidence Warehouse] delivered late (could not be delivered at 2026-10-05T17:30:00Z)\nbatch failed: report, exit code 5: x",
                new AlertTexts("en").late(new AlertTexts("en").failureBody("report", null, null, 5, "x"), at));
    }
}
