package io.auditwarehouse.cli;

import io.auditwarehouse.model.DetailTemplates;
import io.auditwarehouse.model.ReasonCode;
import io.auditwarehouse.testing.PackageWorkbook;
import io.auditwarehouse.testing.WrittenTexts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 12 §4: the detail line of each finding from a per-locale template (schemas/finding-details.csv), so the ko
 * package reads in Korean and the en package in English, while the warehouse keeps its English detail.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FindingDetailsTest {

    /** The reason codes of controls.md, as its tables list them. */
    static final List<String> SPEC_CODES = List.of("NO_APPROVAL_REFERENCE", "APPROVAL_NOT_FOUND", "APPROVAL_TYPE_MISMATCH",
            "APPROVAL_JOB_MISMATCH", "APPROVAL_NOT_APPROVED", "APPROVED_AFTER_RUN", "OUTSIDE_APPROVAL_WINDOW",
            "APPROVAL_OVERUSED", "SELF_APPROVED", "EXECUTOR_IS_REQUESTER", "EXECUTOR_NOT_AUTHORIZED", "NO_STANDING_APPROVAL",
            "FAILURE_NOT_REPORTED", "FAILURE_REPORT_UNAPPROVED", "RUN_INCOMPLETE", "EVIDENCE_SOURCE_MISMATCH",
            "UNAPPROVED_CONFIG_CHANGE", "UNREVIEWED_EMERGENCY_TOGGLE", "BUILD_NUMBER_GAP", "APPROVAL_UNUSED");
    /** The detail fields documented in docs/reconciliation-rules.md ("Detail lines"). */
    static final Set<String> KNOWN_FIELDS = Set.of("trigger", "started", "approval", "approval_type", "approval_controller",
            "approval_job", "status", "decided", "valid_from", "valid_to", "rank", "max_runs", "requester", "executor",
            "finished", "deadline", "report", "as_of", "action", "user", "at", "review_type", "from", "to", "missing",
            "previous", "previous_started", "next", "next_started", "first", "last", "count", "job");

    /**
     * The worked example's findings (controls.md: CHG-1 valid 01:00-06:00 KST, max_runs 1, requested by lee.dev; #12 at
     * 07:00 KST by lee.dev; #13 missing between #12 and #14 at 08:00 KST), in English and in Korean.
     */
    static final List<String> EN = List.of("run 2 under CHG-1, which allows 1", "run 3 under CHG-1, which allows 1",
            "lee.dev requested CHG-1 and executed the run",
            "lee.dev held no active OPERATOR or ADMIN role at 2026-10-01 07:00 KST",
            "run started 2026-10-01 07:00 KST, CHG-1 valid 2026-10-01 01:00 KST to 2026-10-01 06:00 KST",
            "#13 never seen between #12 (2026-10-01 07:00 KST) and #14 (2026-10-01 08:00 KST)");
    static final List<String> KO = List.of("CHG-1에 따른 2번째 실행으로, 허용 횟수 1회를 초과함",
            "CHG-1에 따른 3번째 실행으로, 허용 횟수 1회를 초과함",
            "lee.dev이(가) CHG-1을(를) 요청하고 실행도 함",
            "lee.dev은(는) 2026-10-01 07:00 KST 시점에 유효한 운영자(OPERATOR) 또는 관리자(ADMIN) 역할이 없었음",
            "실행 시작 2026-10-01 07:00 KST, CHG-1 유효기간 2026-10-01 01:00 KST ~ 2026-10-01 06:00 KST",
            "#12(2026-10-01 07:00 KST)와 #14(2026-10-01 08:00 KST) 사이의 #13이(가) 확인되지 않음");

    @TempDir
    static Path tmp;
    Path out;
    String koPdf;
    String enPdf;
    List<List<String>> koWorkbook;
    List<List<String>> enWorkbook;

    @BeforeAll
    void reconcileAndReportInBothLanguages() throws Exception {
        out = tmp.resolve("out");
        Path input = WorkedExampleTest.resource("worked-example");
        Cli.expect(0, "nightly", "--input", input.toString(), "--out", out.toString(), "--date", "2026-10-01",
                "--as-of", "2026-10-10T00:00:00+09:00");
        Path october = out.resolve("reports/2026-10");
        Cli.expect(0, "report", "--out", out.toString(), "--month", "2026-10");
        koPdf = WrittenTexts.pdfText(october.resolve("evidence-2026-10.pdf"));
        koWorkbook = PackageWorkbook.cells(october.resolve("evidence-2026-10.xlsx"));
        Path en = Files.writeString(tmp.resolve("en.yaml"), "report: {locale: en}\n");
        Cli.expect(0, "report", "--config", en.toString(), "--out", out.toString(), "--month", "2026-10");
        enPdf = WrittenTexts.pdfText(october.resolve("evidence-2026-10.pdf"));
        enWorkbook = PackageWorkbook.cells(october.resolve("evidence-2026-10.xlsx"));
    }

    @Test
    void everyReasonCodeOfTheSpecHasATemplateInBothLocalesWithOnlyKnownPlaceholders() {
        assertEquals(new TreeSet<>(SPEC_CODES), Arrays.stream(ReasonCode.values()).map(Enum::name).collect(Collectors.toCollection(TreeSet::new)));
        DetailTemplates templates = DetailTemplates.shipped();
        for (String code : SPEC_CODES) {
            for (String locale : List.of("en", "ko")) assertNotNull(templates.template(code, locale), code + " " + locale);
        }
        for (String key : templates.keys()) {
            if (key.startsWith("_")) continue;
            assertTrue(SPEC_CODES.contains(key.split("\\.")[0]), key + " names a reason code of the spec");
            String en = templates.template(key, "en");
            String ko = templates.template(key, "ko");
            assertFalse(en.isBlank() || ko.isBlank(), key);
            assertTrue(KNOWN_FIELDS.containsAll(DetailTemplates.placeholders(en)), key + ": " + en);
            assertEquals(DetailTemplates.placeholders(en).stream().sorted().toList(),
                    DetailTemplates.placeholders(ko).stream().sorted().toList(), key + ": both locales use the same fields");
            assertTrue(ko.codePoints().anyMatch(FindingDetailsTest::hangul), key + " reads in Korean: " + ko);
            assertTrue(en.codePoints().noneMatch(FindingDetailsTest::hangul), key + " reads in English: " + en);
        }
    }

    @Test
    void theKoreanPackagesDetailLinesAreKorean() {
        for (String sentence : KO) assertTrue(squeeze(koPdf).contains(squeeze(sentence)), sentence + "\n" + koPdf);
        for (String sentence : EN) assertFalse(squeeze(koPdf).contains(squeeze(sentence)), sentence + "\n" + koPdf);
        for (String sentence : KO) assertTrue(cellsContain(koWorkbook, sentence), sentence);
    }

    @Test
    void theEnglishPackageHasNoKorean() {
        for (String sentence : EN) assertTrue(squeeze(enPdf).contains(squeeze(sentence)), sentence + "\n" + enPdf);
        assertTrue(enPdf.codePoints().noneMatch(FindingDetailsTest::hangul), enPdf);
        for (String sentence : EN) assertTrue(cellsContain(enWorkbook, sentence), sentence);
    }

    @Test
    void theWarehouseKeepsItsEnglishDetail() {
        List<String> details = Cli.expect(0, "sql", "--out", out.toString(), "--format", "csv",
                "select detail from recon_finding order by detail").csvRows().stream().map(d -> d.replaceAll("^\"|\"$", "")).toList();
        assertEquals(EN.stream().sorted().toList(), details);
    }

    private static boolean cellsContain(List<List<String>> cells, String text) {
        return cells.stream().flatMap(List::stream).anyMatch(c -> c.endsWith(":" + text));
    }

    /** PDF text breaks lines inside table cells: compare without whitespace. */
    private static String squeeze(String s) {
        return s.replaceAll("\\s+", "");
    }

    private static boolean hangul(int c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HANGUL;
    }
}
