package io.auditwarehouse.report.pdf;

import io.auditwarehouse.config.ConfigException;
import io.auditwarehouse.config.ReportSettings;
import io.auditwarehouse.report.content.ReportContent.ControlLine;
import io.auditwarehouse.report.content.ReportContent;
import io.auditwarehouse.report.content.ReportContentFixture;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The evidence PDF rendered from the hand-built month, read back with PDFBox. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PdfReportTest {

    static final Path NANUM = Path.of("/usr/share/fonts/truetype/nanum");
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-02T00:15:00Z"), ZoneOffset.UTC);

    @TempDir
    static Path tmp;
    ReportContent korean;
    List<String> koreanPages;
    List<String> englishPages;
    List<String> restatedPages;

    @BeforeAll
    void render() throws IOException {
        korean = ReportContentFixture.korean();
        koreanPages = pages(render(korean, "ko", "evidence-ko.pdf"));
        englishPages = pages(render(ReportContentFixture.english(), "en", "evidence-en.pdf"));
        restatedPages = pages(render(ReportContentFixture.month("ko", 12, true), "ko", "evidence-restated.pdf"));
    }

    @Test
    void everyControlIsSummarizedWithItsNameAndCounts() {
        String summary = section(koreanPages, "1. 통제별 요약", "2. 예외 목록");
        for (ControlLine c : korean.controls()) {
            String row = String.join(" ", c.controlId(), c.name(), n(c.population()), n(c.compliant()), n(c.exceptions()),
                    n(c.pending()), n(c.high()), n(c.medium()), n(c.low()), n(c.info()));
            assertTrue(summary.contains(row), "summary row " + row + " in:\n" + summary);
        }
        assertTrue(summary.contains("일별 예외 추이"), "the trend chart's title");
    }

    @Test
    void koreanLabelsAndJobNamesAreExtractedIntact() {
        String all = String.join("\n", koreanPages);
        for (String label : List.of("월간 감사 증적 패키지", "통제별 요약", "예외 목록", "장애 보고 현황", "모집단 및 완전성", "감사인 표본",
                "재작성 내역", "서명", "작성자", "검토자")) {
            assertTrue(all.contains(label), label);
        }
        assertTrue(all.contains(ReportContentFixture.KOREAN_JOB), "Korean job name");
        assertTrue(all.contains("승인번호 없이 수동 실행했습니다"), "Korean detail text");
    }

    @Test
    void theCoverCarriesPeriodScopeTimesVersionDigestsAndSeed() {
        String cover = koreanPages.get(0);
        for (String expected : List.of("2026-10", "2026-10-01", "2026-10-31", "batch-a, batch-b, finance-jenkins",
                "2026-11-02 09:15:00 (Asia/Seoul)", "2026-11-01 09:30:00 (Asia/Seoul)", "0.1.0-fixture",
                korean.contentSha256(), korean.previousManifestSha256(), "20261031", "--seed")) {
            assertTrue(cover.contains(expected), expected + " on the cover:\n" + cover);
        }
    }

    @Test
    void exceptionsAreGroupedByControlWithRepeatedHeadersOnEveryPage() {
        List<String> listing = sectionPages(koreanPages, "2. 예외 목록", "3. 장애 보고 현황");
        assertTrue(listing.size() >= 3, "240 exceptions take several pages, got " + listing.size());
        for (String page : listing) {
            assertTrue(page.contains("업무일 사유 코드 · 사유 심각도 컨트롤러 잡 빌드 승인번호 실행자 발생 시각"), "column headings on:\n" + page);
            assertTrue(Pattern.compile("C\\d .+ \\d+건").matcher(page).find(), "control group header on:\n" + page);
        }
        Map<String, Long> byControl = ReportContentFixture.exceptionsByControl(korean);
        String all = String.join("\n", listing);
        byControl.forEach((control, count) -> assertTrue(all.contains(control + " ") && all.contains(count + "건"), control));
        assertTrue(all.contains("2026-10-01 NO_APPROVAL_REFERENCE"), "a row starts with its date and reason code");
        DateTimeFormatter seoul = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ReportContentFixture.ZONE);
        for (ReportContent.ExceptionLine e : korean.exceptions().subList(0, 20)) {
            assertTrue(all.contains(seoul.format(e.occurredAt())), "occurred at " + e.occurredAt() + " printed in Asia/Seoul");
        }
    }

    @Test
    void everyPageSaysItsNumberOutOfTheTotal() {
        for (List<String> pages : List.of(koreanPages, englishPages, restatedPages)) {
            for (int i = 0; i < pages.size(); i++) {
                assertEquals(List.of((i + 1) + " / " + pages.size()), pageNumbers(pages.get(i)), "page " + (i + 1));
            }
        }
    }

    @Test
    void nanumGothicIsEmbeddedAndIsTheOnlyFont() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(tmp.resolve("evidence-ko.pdf").toFile())) {
            List<String> fonts = new ArrayList<>();
            for (PDPage page : pdf.getPages()) {
                PDResources resources = page.getResources();
                for (COSName name : resources.getFontNames()) {
                    PDFont font = resources.getFont(name);
                    assertTrue(font.isEmbedded(), font.getName() + " is embedded");
                    fonts.add(font.getName().replaceFirst("^[A-Z]{6}\\+", ""));
                }
            }
            assertEquals(List.of("NanumGothic", "NanumGothicBold"), fonts.stream().distinct().sorted().toList());
        }
    }

    @Test
    void englishLocalePrintsEnglishLabels() {
        String all = String.join("\n", englishPages);
        for (String label : List.of("Monthly audit evidence package", "1. Summary by control", "2. Exceptions", "3. Failure reports",
                "4. Population and completeness", "5. Auditor sample", "6. Restatements", "7. Sign-off", "Prepared by",
                "Reviewed by", "Approval no.", "Approved execution")) {
            assertTrue(all.contains(label), label);
        }
        for (String korean : List.of("월간 감사 증적 패키지", "통제별 요약", "승인번호", "작성자", "승인된 실행")) {
            assertFalse(all.contains(korean), korean + " in the English package");
        }
    }

    @Test
    void restatementsSayWhenThereAreNoneAndListThemOtherwise() {
        String none = section(koreanPages, "6. 재작성 내역", null);
        assertTrue(none.contains("마지막으로 발행된 패키지와 비교해 재작성된 내용이 없습니다."), none);
        String restated = section(restatedPages, "6. 재작성 내역", null);
        assertTrue(restated.contains("추가 C1 NO_APPROVAL_REFERENCE 2026-10-12 batch-a/정산/일마감#1207"), restated);
        assertTrue(restated.contains("변경 C5 FAILURE_NOT_REPORTED 2026-10-20"), restated);
        assertFalse(restated.contains("재작성된 내용이 없습니다"), restated);
    }

    @Test
    void theSampleShowsItsSizeOutOfThePopulationAndTheSeed() {
        String sample = section(koreanPages, "5. 감사인 표본", "6. 재작성 내역");
        assertTrue(sample.contains("표본 시드 20261031 (--seed 옵션)"), sample);
        for (ControlLine c : korean.controls()) {
            if (c.population() > 0) assertTrue(sample.contains("모집단 " + n(c.population()) + "건 중 25건"), c.controlId());
        }
    }

    @Test
    void aMissingFontFolderFailsBeforeRenderingAndNamesTheKey() {
        Path nowhere = tmp.resolve("no-fonts");
        Path pdf = tmp.resolve("never.pdf");
        ConfigException e = assertThrows(ConfigException.class,
                () -> PdfReport.write(korean, settings("ko", nowhere), pdf));
        assertEquals("report.font_dir", e.key());
        assertTrue(e.getMessage().contains("NanumGothic.ttf was not found in " + nowhere), e.getMessage());
        assertTrue(e.getMessage().contains("apt-get install fonts-nanum"), e.getMessage());
        assertFalse(Files.exists(pdf));
        assertFalse(Files.exists(tmp.resolve("never.pdf.part")));
    }

    @Test
    void twentyThousandExceptionsAreFilledThroughTheSwapFileWhichIsRemovedAfterwards() throws IOException {
        Path pdf = tmp.resolve("large.pdf");
        SwapSpace swap = SwapSpace.create();
        try {
            PdfReport.write(ReportContentFixture.month("ko", 20_000, false), settings("ko", NANUM), pdf, CLOCK, swap);
            long swapped;
            try (Stream<Path> files = Files.list(swap.dir())) {
                swapped = files.mapToLong(f -> f.toFile().length()).sum();
            }
            assertTrue(swapped > 1_000_000, "filled pages went to the swap file, " + swapped + " bytes");
        } finally {
            swap.close();
        }
        assertFalse(Files.exists(swap.dir()), "the swap folder is removed");
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            int total = doc.getNumberOfPages();
            assertTrue(total > 1000, total + " pages");
            PDFTextStripper text = new PDFTextStripper();
            text.setStartPage(total);
            text.setEndPage(total);
            assertEquals(List.of(total + " / " + total), pageNumbers(text.getText(doc)));
        }
    }

    private Path render(ReportContent content, String locale, String file) {
        Path pdf = tmp.resolve(file);
        PdfReport.write(content, settings(locale, NANUM), pdf, CLOCK);
        return pdf;
    }

    static ReportSettings settings(String locale, Path fontDir) {
        return new ReportSettings(locale, fontDir, OptionalLong.empty(), ReportSettings.DEFAULT_SIZES, Map.of());
    }

    /** Each page's text, in reading order. */
    static List<String> pages(Path pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            PDFTextStripper text = new PDFTextStripper();
            text.setSortByPosition(true);
            List<String> pages = new ArrayList<>();
            for (int i = 1; i <= doc.getNumberOfPages(); i++) {
                text.setStartPage(i);
                text.setEndPage(i);
                pages.add(text.getText(doc));
            }
            return pages;
        }
    }

    private static List<String> pageNumbers(String page) {
        Matcher m = Pattern.compile("(?m)(\\d+) / (\\d+)\\s*$").matcher(page);
        List<String> found = new ArrayList<>();
        while (m.find()) found.add(m.group(1) + " / " + m.group(2));
        return found;
    }

    /** The pages from the one holding {@code title} up to the one holding {@code next} (exclusive; null = to the end). */
    private static List<String> sectionPages(List<String> pages, String title, String next) {
        int from = indexOf(pages, title);
        int to = next == null ? pages.size() : indexOf(pages, next);
        return pages.subList(from, to);
    }

    private static String section(List<String> pages, String title, String next) {
        return String.join("\n", sectionPages(pages, title, next));
    }

    private static int indexOf(List<String> pages, String title) {
        for (int i = 0; i < pages.size(); i++) if (pages.get(i).contains(title)) return i;
        throw new AssertionError("no page holds " + title);
    }

    private static String n(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }
}
