package io.auditwarehouse.cli;

import io.auditwarehouse.model.QuarantineReasons;
import io.auditwarehouse.testing.WrittenTexts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 12 §4: the quarantine reasons of the Korean package read in Korean (schemas/quarantine-reasons.csv), the
 * English package and the warehouse keep the decoders' English phrases.
 */
class QuarantineReasonsTest {

    /** Each phrase as a decoder writes it (sources/jenkins, sources/files, sources/mysql), and what a Korean reader sees. */
    static final Map<String, String> KOREAN = new LinkedHashMap<>();

    static {
        KOREAN.put("missing job name (bad percent-encoding in job URL segment 'a%ZZ')", "잡 이름 누락 (잡 URL 구간 'a%ZZ'의 퍼센트 인코딩이 잘못됨)");
        KOREAN.put("missing build number", "빌드 번호 누락");
        KOREAN.put("missing job name", "잡 이름 누락");
        KOREAN.put("missing message", "message 필드 누락");
        KOREAN.put("missing approval_no", "approval_no 값 누락");
        KOREAN.put("unparseable time '32/13/2026' in started at", "시작 시각(started at) '32/13/2026'을(를) 해석할 수 없음");
        KOREAN.put("unparseable time '2026-13-45 25:61' in @timestamp", "@timestamp의 시각 '2026-13-45 25:61'을(를) 해석할 수 없음");
        KOREAN.put("unparseable time 'null'", "시각 'null'을(를) 해석할 수 없음");
        KOREAN.put("unparseable time '9999-99-99 99:99…", "시각 '9999-99-99 99:99…'을(를) 해석할 수 없음");
        KOREAN.put("unparseable number 'ten' in max_runs", "max_runs의 숫자 'ten'을(를) 해석할 수 없음");
        KOREAN.put("unparseable duration 'x1ms'", "소요 시간 'x1ms'을(를) 해석할 수 없음");
        KOREAN.put("unparseable parameters", "빌드 파라미터를 해석할 수 없음");
        KOREAN.put("bad JSON: not an object", "JSON 형식 오류 (파서: not an object)");
        KOREAN.put("invalid UTF-8", "UTF-8이 아닌 바이트가 있음");
        KOREAN.put("invalid UTF-8 in display_name", "display_name에 UTF-8이 아닌 바이트가 있음");
        KOREAN.put("expected 6 fields, found 1", "필드가 6개여야 하나 1개임");
        KOREAN.put("unbalanced quotes: a quoted field is not closed where its row ends",
                "따옴표 불균형: 따옴표로 시작한 필드가 행 끝에서 닫히지 않음");
        KOREAN.put("unrecognised build line", "형식을 알 수 없는 빌드 줄");
        KOREAN.put("unrecognised job URL 'view/all/'", "형식을 알 수 없는 잡 URL 'view/all/'");
        KOREAN.put("unrecognised job URL 'job/aaaa…", "형식을 알 수 없는 잡 URL 'job/aaaa…'");
        KOREAN.put("bad percent-encoding in job URL segment '%E0'", "잡 URL 구간 '%E0'의 퍼센트 인코딩이 잘못됨");
        KOREAN.put("unknown controller: no usable source_host", "알 수 없는 컨트롤러: 쓸 수 있는 source_host 없음");
        KOREAN.put("unknown controller", "알 수 없는 컨트롤러");
        KOREAN.put("implausible data.buildDuration -5", "비정상적인 data.buildDuration 값 -5");
        KOREAN.put("job action without user", "사용자 없는 잡 작업");
        KOREAN.put("job_name longer than 600 characters (1048576)", "job_name 값이 600자를 넘음 (1048576자)");
    }

    @TempDir
    Path tmp;

    @Test
    void everyPhraseReadsInKoreanAndTheEnglishTemplateGivesThePhraseBack() {
        QuarantineReasons reasons = QuarantineReasons.shipped();
        KOREAN.forEach((english, korean) -> {
            assertEquals(korean, reasons.render("ko", english), english);
            assertEquals(english, reasons.render("en", english), "the en template restores the phrase: " + english);
        });
        assertEquals("something new", reasons.render("ko", "something new"), "a phrase the catalog lacks is shown as stored");
    }

    @Test
    void everyCatalogRowIsTheFirstMatchOfSomePhrase() {
        List<QuarantineReasons.Entry> entries = QuarantineReasons.shipped().entries();
        for (QuarantineReasons.Entry e : entries) {
            boolean used = KOREAN.keySet().stream().anyMatch(p -> entries.stream().filter(x -> x.pattern().matcher(p).matches())
                    .findFirst().orElseThrow() == e);
            assertTrue(used, "no phrase reaches " + e.pattern() + ": a row shadowed by an earlier one, or untested");
        }
    }

    @Test
    void theKoreanPackageNamesItsQuarantinedInputsInKoreanAndTheEnglishOneInEnglish() throws Exception {
        Path input = tmp.resolve("input");
        try (Stream<Path> s = Files.walk(WorkedExampleTest.resource("worked-example"))) {
            Path from = WorkedExampleTest.resource("worked-example");
            for (Path p : s.toList()) {
                Path to = input.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(to);
                else Files.copy(p, to);
            }
        }
        Files.writeString(input.resolve("audit/batch-a.ndjson"), "{\"message\": \"job/payments/job/settle/ #99 Started by user Kim Operator\","
                + " \"@timestamp\": \"2026-13-45 25:61\"}\n", StandardOpenOption.APPEND);
        Files.writeString(input.resolve("users.csv"), "only-one-field\n", StandardOpenOption.APPEND);
        Path out = tmp.resolve("out");
        Cli.expect(0, "nightly", "--input", input.toString(), "--out", out.toString(), "--date", "2026-10-01",
                "--as-of", "2026-10-10T00:00:00+09:00");
        List<String> stored = Cli.expect(0, "sql", "--out", out.toString(), "--format", "csv",
                "select reason from recon_quarantine order by reason").csvRows().stream().map(r -> r.replaceAll("^\"|\"$", "")).toList();
        assertEquals(List.of("expected 6 fields, found 1", "unparseable time '2026-13-45 25:61' in @timestamp"), stored,
                "the warehouse keeps the English phrases");

        Path pdf = out.resolve("reports/2026-10/evidence-2026-10.pdf");
        Cli.expect(0, "report", "--out", out.toString(), "--month", "2026-10");
        String ko = squeeze(WrittenTexts.pdfText(pdf));
        for (String phrase : stored) {
            assertTrue(ko.contains(squeeze(KOREAN.get(phrase))), KOREAN.get(phrase) + " in\n" + ko);
            assertFalse(ko.contains(squeeze(phrase)), phrase + " in the Korean package");
        }
        Path en = Files.writeString(tmp.resolve("en.yaml"), "report: {locale: en}\n");
        Cli.expect(0, "report", "--config", en.toString(), "--out", out.toString(), "--month", "2026-10");
        String english = squeeze(WrittenTexts.pdfText(pdf));
        for (String phrase : stored) assertTrue(english.contains(squeeze(phrase)), phrase + " in\n" + english);
    }

    /** PDF text breaks lines inside table cells: compare without whitespace. */
    private static String squeeze(String s) {
        return s.replaceAll("\\s+", "");
    }
}
