package io.auditwarehouse.cli;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 12: the demo shows a few reviewed findings, in recon_finding_status and in the PDF, so a new user sees the loop. */
class DemoReviewsTest {

    @TempDir
    Path out;

    @Test
    void theDemoRecordsReviewsThatTheStatusAndThePdfShow() throws Exception {
        Cli demo = Cli.expect(0, "demo", "--out", out.toString(), "--runs", "600", "--month", "2026-09");
        assertTrue(demo.out().contains("recon_finding_status"), demo.out());
        assertEquals(List.of("FALSE_POSITIVE,JIRA-AUD-17,root.admin,", "REMEDIATED,INC-2026-0042,root.admin,",
                        "RISK_ACCEPTED,RA-2026-003,root.admin,baek.admin"),
                Cli.expect(0, "sql", "--out", out.toString(), "--format", "csv", "select disposition, reference, reviewer, approved_by "
                        + "from recon_finding_status where disposition <> 'OPEN' order by disposition").csvRows());
        assertEquals(List.of("4"), Cli.expect(0, "sql", "--out", out.toString(), "--format", "csv",
                "select count(*) from recon_finding_review").csvRows());
        try (PDDocument pdf = Loader.loadPDF(out.resolve("reports/2026-09/evidence-2026-09.pdf").toFile())) {
            String text = new PDFTextStripper().getText(pdf);
            assertTrue(text.contains("조치 완료 · INC-2026-0042"), "the Korean PDF shows the disposition and reference");
            assertTrue(text.contains("위험 수용 · RA-2026-003"));
        }
    }
}
