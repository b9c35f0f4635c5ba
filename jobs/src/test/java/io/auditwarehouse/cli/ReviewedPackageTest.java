package io.auditwarehouse.cli;

import io.auditwarehouse.testing.PackageWorkbook;
import io.auditwarehouse.testing.WrittenTexts;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 12 in the evidence package: the disposition and reference beside each exception (PDF and XLSX), per control the
 * counts open, remediated, risk-accepted and false-positive, and the restatements section naming the reviews made
 * after the last issued package; a reproduction still prints what the issued package printed.
 */
class ReviewedPackageTest {

    @TempDir
    Path tmp;

    @Test
    void thePackageShowsDispositionsCountsAndTheReviewsSinceTheLastIssue() throws Exception {
        Path input = ReviewedExample.input(tmp.resolve("input"));
        Path out = tmp.resolve("out");
        String config = Files.writeString(tmp.resolve("en.yaml"), "report:\n  locale: en\n").toString();
        ReviewedExample.nightly(input, out);
        String gap = ReviewedExample.findingId(out, "BUILD_NUMBER_GAP", 13);
        String o11 = ReviewedExample.findingId(out, "APPROVAL_OVERUSED", 11);
        String o12 = ReviewedExample.findingId(out, "APPROVAL_OVERUSED", 12);
        String window = ReviewedExample.findingId(out, "OUTSIDE_APPROVAL_WINDOW", 12);
        review(input, out, gap, "REMEDIATED", "INC-4711", "han.audit");
        review(input, out, o12, "FALSE_POSITIVE", "INC-3", "han.audit");
        review(input, out, window, "RISK_ACCEPTED", "RA-1", "han.audit");
        Cli.expect(0, "review", "--input", input.toString(), "--out", out.toString(), window, "--disposition", "APPROVED", "--as", "yu.audit");

        Cli.expect(0, "report", "--config", config, "--input", input.toString(), "--out", out.toString(), "--month", "2026-10");
        Path dir = out.resolve("reports/2026-10");
        String pdf = text(dir.resolve("evidence-2026-10.pdf"));
        assertTrue(pdf.contains("Remediated · INC-4711"), pdf);
        assertTrue(pdf.contains("False positive · INC-3"), pdf);
        assertTrue(pdf.contains("Risk accepted · RA-1"), pdf);
        assertTrue(pdf.contains("Open"), pdf);

        Map<String, Map<String, String>> exceptions = byColumn(dir.resolve("evidence-2026-10.xlsx"), "Exceptions", "finding_id");
        assertEquals("REMEDIATED|INC-4711", exceptions.get(gap).get("disposition") + "|" + exceptions.get(gap).get("reference"));
        assertEquals("RISK_ACCEPTED|RA-1", exceptions.get(window).get("disposition") + "|" + exceptions.get(window).get("reference"));
        assertEquals("OPEN|", exceptions.get(o11).get("disposition") + "|" + exceptions.get(o11).get("reference"));
        // per control: every finding of the control counted once, under its disposition
        Map<String, Map<String, String>> controls = byColumn(dir.resolve("evidence-2026-10.xlsx"), "Summary", "control_id");
        Map<String, long[]> expected = new HashMap<>();
        for (Map<String, String> e : exceptions.values()) {
            long[] c = expected.computeIfAbsent(e.get("control_id"), k -> new long[5]);
            c[List.of("OPEN", "REMEDIATED", "RISK_ACCEPTED", "FALSE_POSITIVE", "ACKNOWLEDGED").indexOf(e.get("disposition"))]++;
        }
        assertEquals(6, exceptions.size(), "the worked example's findings");
        for (Map.Entry<String, long[]> e : expected.entrySet()) {
            Map<String, String> line = controls.get(e.getKey());
            assertEquals(List.of(e.getValue()[0], e.getValue()[1], e.getValue()[2], e.getValue()[3]),
                    List.of(Long.parseLong(line.get("open")), Long.parseLong(line.get("remediated")),
                            Long.parseLong(line.get("risk_accepted")), Long.parseLong(line.get("false_positive"))), e.getKey());
        }
        assertEquals(3, expected.values().stream().mapToLong(c -> c[0]).sum(), "three of six findings still open");
        assertEquals(List.of(), rows(dir.resolve("evidence-2026-10.xlsx"), "Restatements"), "a first package has no earlier one to compare with");

        // after the package was issued: one more review, then the package again
        review(input, out, o11, "ACKNOWLEDGED", "T-11", "yu.audit");
        Cli again = Cli.expect(0, "report", "--config", config, "--input", input.toString(), "--out", out.toString(), "--month", "2026-10");
        assertTrue(again.out().contains("no restatements since the last issued package, 1 review(s) recorded since it"), again.out());
        List<Map<String, String>> restated = rows(dir.resolve("evidence-2026-10.xlsx"), "Restatements");
        assertEquals(1, restated.size(), restated.toString());
        assertEquals("REVIEWED|" + o11, restated.get(0).get("change") + "|" + restated.get(0).get("finding_id"));
        assertTrue(restated.get(0).get("after").startsWith("ACKNOWLEDGED T-11 yu.audit 20"), restated.get(0).toString());
        assertTrue(text(dir.resolve("evidence-2026-10.pdf")).contains("ACKNOWLEDGED T-11 yu.audit"), "the PDF's restatements name it too");

        // a review after the second issue changes neither what it printed nor its reproduction
        review(input, out, o11, "REMEDIATED", "T-11b", "han.audit");
        Cli same = Cli.expect(0, "report", "--config", config, "--input", input.toString(), "--out", out.toString(),
                "--month", "2026-10", "--reproduce");
        assertTrue(same.out().contains("reproduced: identical"), same.out());

        // pseudonymised, the reviewers of the reviews since the last issue are masked like every other user
        String pseudonymised = Files.writeString(tmp.resolve("pseudo.yaml"),
                "report:\n  locale: en\n  pseudonymise: true\n  pseudonym_key_file: " + Files.writeString(tmp.resolve("key"),
                        "reviewed-package-key-0123456789") + "\n").toString();
        Cli.expect(0, "report", "--config", pseudonymised, "--input", input.toString(), "--out", out.toString(), "--month", "2026-10");
        String restatedText = WrittenTexts.pdfText(dir.resolve("evidence-2026-10.pdf"))
                + rows(dir.resolve("evidence-2026-10.xlsx"), "Restatements");
        assertTrue(restatedText.contains("REMEDIATED T-11b U-"), restatedText);
        for (String user : List.of("han.audit", "yu.audit", "Han Auditor", "Yu Reviewer")) {
            WrittenTexts.of(dir).forEach((where, written) -> assertFalse(written.contains(user), user + " in " + where));
        }
    }

    private static void review(Path input, Path out, String finding, String disposition, String reference, String reviewer) {
        Cli.expect(0, "review", "--input", input.toString(), "--out", out.toString(), finding, "--disposition", disposition,
                "--reference", reference, "--as", reviewer);
    }

    private static String text(Path pdf) throws Exception {
        try (PDDocument d = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(d);
        }
    }

    private static List<Map<String, String>> rows(Path xlsx, String sheetName) throws Exception {
        List<Map<String, String>> rows = new ArrayList<>();
        DataFormatter shown = new DataFormatter();
        try (Workbook wb = WorkbookFactory.create(xlsx.toFile(), null, true)) {
            Sheet sheet = wb.getSheet(sheetName);
            Map<String, Integer> header = PackageWorkbook.header(sheet);
            for (Row r : sheet) {
                if (r.getRowNum() == 0) continue;
                if (r.getRowNum() != rows.size() + 1) break; // the table ends at a blank (absent) row
                Map<String, String> row = new HashMap<>();
                header.forEach((name, i) -> row.put(name, r.getCell(i) == null ? "" : shown.formatCellValue(r.getCell(i))));
                rows.add(row);
            }
        }
        return rows;
    }

    private static Map<String, Map<String, String>> byColumn(Path xlsx, String sheet, String key) throws Exception {
        Map<String, Map<String, String>> out = new HashMap<>();
        for (Map<String, String> r : rows(xlsx, sheet)) out.put(r.get(key), r);
        return out;
    }
}
