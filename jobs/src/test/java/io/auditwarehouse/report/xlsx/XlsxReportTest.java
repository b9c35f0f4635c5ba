package io.auditwarehouse.report.xlsx;

import io.auditwarehouse.report.content.MonthRows;
import io.auditwarehouse.report.content.ReportContent.Completeness;
import io.auditwarehouse.report.content.ReportContent.ControlLine;
import io.auditwarehouse.report.content.ReportContent.ExceptionLine;
import io.auditwarehouse.report.content.ReportContent.FailureReports;
import io.auditwarehouse.report.content.ReportContent.QuarantineCount;
import io.auditwarehouse.report.content.ReportContent.Restatement;
import io.auditwarehouse.report.content.ReportContent.SampleItem;
import io.auditwarehouse.report.content.ReportContent.SourceCoverage;
import io.auditwarehouse.report.content.ReportContent.TrendPoint;
import io.auditwarehouse.report.content.ReportContent;
import io.auditwarehouse.sinks.WarehouseTables;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.util.DefaultTempFileCreationStrategy;
import org.apache.poi.util.TempFile;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The workbook read back with POI: sheets, typed cells, frozen filtered headers, determinism, temp files.
 *
 * <p>A second reader, by hand (CI machines need not have LibreOffice): every sheet of a rendered workbook to
 * {@code evidence-<Sheet>.csv}, where dates must read {@code 2026-10-01}, date-times {@code 2026-10-02 00:30:00}
 * and Korean text unchanged (LibreOffice 7.2+; Debian package {@code libreoffice-calc-nogui}):
 * <pre>
 * soffice --headless --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1' evidence.xlsx
 * </pre>
 */
class XlsxReportTest {

    static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    static final LocalDate OCT1 = LocalDate.of(2026, 10, 1);
    static final LocalDate OCT2 = LocalDate.of(2026, 10, 2);
    /** 00:30 on October 2nd in Seoul: a UTC rendering would show October 1st. */
    static final Instant LATE_EVENING_UTC = Instant.parse("2026-10-01T15:30:00Z");

    @TempDir
    Path tmp;

    @Test
    void sheetsInOrderEachWithAFrozenBoldFilteredHeader() throws Exception {
        try (XSSFWorkbook wb = render(content(), rows(runs(3)), tmp.resolve("e.xlsx"))) {
            List<String> names = IntStream.range(0, wb.getNumberOfSheets()).mapToObj(wb::getSheetName).toList();
            assertEquals(List.of("Summary", "Exceptions", "Runs", "Approvals", "Sample", "Completeness", "Restatements"),
                    names);
            for (String name : names) {
                XSSFSheet s = wb.getSheet(name);
                PaneInformation pane = s.getPaneInformation();
                assertNotNull(pane, name + " frozen");
                assertTrue(pane.isFreezePane(), name);
                assertEquals(1, pane.getHorizontalSplitPosition(), name + " freezes row 1");
                assertEquals(0, pane.getVerticalSplitPosition(), name);
                assertTrue(s.getCTWorksheet().isSetAutoFilter(), name + " has an autofilter");
                XSSFCell first = s.getRow(0).getCell(0);
                assertEquals(CellType.STRING, first.getCellType(), name);
                assertTrue(wb.getFontAt(first.getCellStyle().getFontIndex()).getBold(), name + " header is bold");
                assertTrue(s.getColumnWidth(0) >= 10 * 256, name + " has a set column width");
            }
            assertEquals("A1:Q3", wb.getSheet("Summary").getCTWorksheet().getAutoFilter().getRef(),
                    "the filter covers the control table only, not the cover facts below it");
            assertEquals("A1:AB4", wb.getSheet("Runs").getCTWorksheet().getAutoFilter().getRef());
            assertEquals("A1:H1", wb.getSheet("Restatements").getCTWorksheet().getAutoFilter().getRef(),
                    "an empty sheet still has its header and filter");
        }
    }

    @Test
    void summaryCountsAreNumbersEqualToTheContentAndTheCoverFactsFollow() throws Exception {
        ReportContent c = content();
        try (XSSFWorkbook wb = render(c, rows(runs(1)), tmp.resolve("e.xlsx"))) {
            XSSFSheet s = wb.getSheet("Summary");
            assertEquals(headers(Columns.CONTROLS), texts(s.getRow(0)));
            for (int i = 0; i < c.controls().size(); i++) {
                ControlLine line = c.controls().get(i);
                XSSFRow r = s.getRow(i + 1);
                assertEquals(line.controlId(), r.getCell(0).getStringCellValue());
                assertEquals(line.name(), r.getCell(1).getStringCellValue());
                long[] expected = {line.population(), line.compliant(), line.exceptions(), line.pending(), line.high(),
                        line.medium(), line.low(), line.info(), line.findings()};
                for (int k = 0; k < expected.length; k++) {
                    assertEquals(CellType.NUMERIC, r.getCell(3 + k).getCellType());
                    assertEquals(expected[k], (long) r.getCell(3 + k).getNumericCellValue(), line.controlId() + " col " + (3 + k));
                }
            }
            assertNull(s.getRow(3), "a blank row ends the filtered table");
            Map<String, XSSFCell> facts = facts(s);
            assertEquals("2026-10", facts.get("period").getStringCellValue());
            XSSFCell asOf = facts.get("as_of (Asia/Seoul)");
            assertTrue(DateUtil.isCellDateFormatted(asOf));
            assertEquals(LocalDateTime.of(2026, 11, 2, 9, 0), asOf.getLocalDateTimeCellValue());
            assertEquals("-4611686018427387905", facts.get("sample_seed").getStringCellValue(),
                    "the seed is exact text, not a rounded double");
            assertEquals("ab".repeat(32), facts.get("content_sha256").getStringCellValue());
            assertTrue(facts.containsKey("previous_manifest_sha256"));
            assertNull(facts.get("previous_manifest_sha256"), "no previous manifest: a blank cell");
            assertEquals(3, (long) facts.get("failure_reported_not_approved").getNumericCellValue());
            assertEquals(7, (long) facts.get("failed_runs").getNumericCellValue());
            int trendHeader = rowStarting(s, "control_id", 1);
            assertEquals(headers(Columns.TREND), texts(s.getRow(trendHeader)));
            XSSFRow trend = s.getRow(trendHeader + 1);
            assertTrue(DateUtil.isCellDateFormatted(trend.getCell(1)));
            assertEquals(OCT1.atStartOfDay(), trend.getCell(1).getLocalDateTimeCellValue());
            assertEquals(55, (long) trend.getCell(2).getNumericCellValue());
        }
    }

    @Test
    void exceptionsAreTypedAndKoreanTextSurvives() throws Exception {
        ReportContent c = content();
        try (XSSFWorkbook wb = render(c, rows(runs(1)), tmp.resolve("e.xlsx"))) {
            XSSFSheet s = wb.getSheet("Exceptions");
            assertEquals("occurred_at (Asia/Seoul)", s.getRow(0).getCell(11).getStringCellValue());
            assertEquals(c.exceptions().size(), s.getLastRowNum());
            XSSFRow r = s.getRow(1);
            assertEquals("승인 없이 실행된 배포", r.getCell(1).getStringCellValue());
            assertEquals("승인번호 없이 운영 배포가 실행되었습니다", r.getCell(12).getStringCellValue());
            assertTrue(DateUtil.isCellDateFormatted(r.getCell(5)));
            assertEquals(OCT1, r.getCell(5).getLocalDateTimeCellValue().toLocalDate());
            assertEquals(CellType.NUMERIC, r.getCell(8).getCellType());
            assertEquals(1042, (long) r.getCell(8).getNumericCellValue());
            assertTrue(DateUtil.isCellDateFormatted(r.getCell(11)));
            assertEquals(LocalDateTime.of(2026, 10, 2, 0, 30), r.getCell(11).getLocalDateTimeCellValue(),
                    "instants are shown in the business zone");
            assertNull(s.getRow(2).getCell(9), "a null approval number is a blank cell, not the text 'null'");
        }
    }

    @Test
    void runsAndApprovalsHaveEverySchemaColumnTyped() throws Exception {
        try (XSSFWorkbook wb = render(content(), rows(runs(3)), tmp.resolve("e.xlsx"))) {
            XSSFSheet runs = wb.getSheet("Runs");
            assertEquals(schemaHeaders(WarehouseTables.RUN_SCHEMA), texts(runs.getRow(0)));
            assertEquals(3, runs.getLastRowNum());
            for (int i = 1; i <= 3; i++) {
                XSSFRow r = runs.getRow(i);
                assertTrue(DateUtil.isCellDateFormatted(r.getCell(0)), "business_date is a date");
                assertEquals(OCT1, r.getCell(0).getLocalDateTimeCellValue().toLocalDate());
                assertEquals(CellType.NUMERIC, r.getCell(3).getCellType(), "build_number");
                assertEquals(1000 + i - 1, (long) r.getCell(3).getNumericCellValue());
                assertEquals(LocalDateTime.of(2026, 10, 2, 0, 30).plusMinutes(i - 1), r.getCell(4).getLocalDateTimeCellValue());
                assertEquals(CellType.NUMERIC, r.getCell(6).getCellType(), "duration_ms");
                assertEquals(CellType.BOOLEAN, r.getCell(22).getCellType(), "in_build_records");
                assertTrue(r.getCell(22).getBooleanCellValue());
                assertEquals(i % 2 == 0, r.getCell(23).getBooleanCellValue(), "in_audit_trail");
            }
            assertEquals("배포담당자", runs.getRow(1).getCell(9).getStringCellValue(), "Korean executor name");

            XSSFSheet approvals = wb.getSheet("Approvals");
            assertEquals(schemaHeaders(WarehouseTables.APPROVAL_SCHEMA), texts(approvals.getRow(0)));
            XSSFRow a = approvals.getRow(1);
            assertEquals(OCT2, a.getCell(0).getLocalDateTimeCellValue().toLocalDate(), "a java.sql.Date too");
            assertTrue(DateUtil.isCellDateFormatted(a.getCell(8)));
            assertEquals(LocalDateTime.of(2026, 10, 2, 0, 30), a.getCell(8).getLocalDateTimeCellValue(), "a Timestamp too");
            assertEquals(12, (long) a.getCell(12).getNumericCellValue(), "runs_covered");
            assertNull(a.getCell(11), "max_runs null");
        }
    }

    @Test
    void sampleCompletenessAndRestatementsCarryTheirRows() throws Exception {
        ReportContent c = withRestatement(content());
        try (XSSFWorkbook wb = render(c, rows(runs(1)), tmp.resolve("e.xlsx"))) {
            XSSFSheet sample = wb.getSheet("Sample");
            assertEquals(headers(Columns.SAMPLE), texts(sample.getRow(0)));
            assertEquals(c.sample().size(), sample.getLastRowNum());
            assertEquals(25, (long) sample.getRow(1).getCell(2).getNumericCellValue());
            assertEquals("hb-prod-01/deploy-api#1042", sample.getRow(1).getCell(5).getStringCellValue());

            XSSFSheet comp = wb.getSheet("Completeness");
            assertEquals(headers(Columns.COVERAGE), texts(comp.getRow(0)));
            assertEquals("A1:E3", comp.getCTWorksheet().getAutoFilter().getRef());
            assertEquals(118, (long) comp.getRow(1).getCell(2).getNumericCellValue());
            int q = rowStarting(comp, "quarantined_source", 1);
            assertEquals(4, (long) comp.getRow(q + 1).getCell(1).getNumericCellValue());
            assertEquals("JSON 구문 오류", comp.getRow(q + 1).getCell(2).getStringCellValue());
            Map<String, XSSFCell> facts = facts(comp);
            assertEquals(1, (long) facts.get("build_number_gaps").getNumericCellValue());
            int gaps = rowStarting(comp, "control_id", 1);
            assertEquals("f-gap-1", comp.getRow(gaps + 1).getCell(13).getStringCellValue());

            XSSFSheet rest = wb.getSheet("Restatements");
            assertEquals("A1:H2", rest.getCTWorksheet().getAutoFilter().getRef());
            assertEquals("CHANGED", rest.getRow(1).getCell(0).getStringCellValue());
            assertEquals("심각도 MEDIUM", rest.getRow(1).getCell(6).getStringCellValue());
        }
    }

    @Test
    void renderingTwiceGivesTheSameCellsAndBytesWithTheAsOfAsCreationDate() throws Exception {
        ReportContent c = content();
        MonthRows rows = rows(runs(5));
        XlsxReport.write(c, rows, tmp.resolve("one.xlsx"));
        Thread.sleep(2_100); // past the 2-second grain of zip entry times, so a clock in the file would show
        XlsxReport.write(c, rows, tmp.resolve("two.xlsx"));
        try (XSSFWorkbook one = new XSSFWorkbook(tmp.resolve("one.xlsx").toFile());
             XSSFWorkbook two = new XSSFWorkbook(tmp.resolve("two.xlsx").toFile())) {
            List<String> cells = dump(one);
            assertTrue(cells.size() > 200, "the dump covers the workbook");
            assertEquals(cells, dump(two));
            assertEquals(java.util.Date.from(c.asOf()), one.getProperties().getCoreProperties().getCreated());
        }
        assertArrayEquals(Files.readAllBytes(tmp.resolve("one.xlsx")), Files.readAllBytes(tmp.resolve("two.xlsx")),
                "no clock in the file: the same bytes, so the manifest's digest of it is stable");
    }

    @Test
    void streamsThousandsOfRunsAndLeavesNoTemporaryFiles() throws Exception {
        Path poiTemp = Files.createDirectories(tmp.resolve("poi-temp"));
        TempFile.setTempFileCreationStrategy(new DefaultTempFileCreationStrategy(poiTemp.toFile()));
        try (XSSFWorkbook wb = render(content(), rows(runs(5_000)), tmp.resolve("big.xlsx"))) {
            assertEquals(5_000, wb.getSheet("Runs").getLastRowNum());
            assertEquals(1000 + 4_999, (long) wb.getSheet("Runs").getRow(5_000).getCell(3).getNumericCellValue());
        } finally {
            TempFile.setTempFileCreationStrategy(new DefaultTempFileCreationStrategy());
        }
        try (Stream<Path> left = Files.walk(poiTemp)) {
            assertEquals(List.of(), left.filter(Files::isRegularFile).toList(), "SXSSF temp files deleted");
        }
        try (Stream<Path> left = Files.list(tmp)) {
            assertEquals(List.of(), left.filter(p -> p.toString().endsWith(".part")).toList(), "no partial file left");
        }
    }

    @Test
    void listingsPastTheRowLimitContinueOnNumberedSheetsUnderTheirHeaderWithNoRowLostOrRepeated() throws Exception {
        ReportContent c = withExceptions(content(), 9);
        MonthRows rows = rows(runs(10));
        // 5 rows a sheet: a header and 4 rows, so 9 exceptions take 3 sheets and 10 runs 3 (4 + 4 + 2)
        try (XSSFWorkbook whole = render(c, rows, tmp.resolve("whole.xlsx"));
             XSSFWorkbook split = render(c, rows, tmp.resolve("split.xlsx"), 5)) {
            assertEquals(List.of("Summary", "Exceptions", "Exceptions (2)", "Exceptions (3)", "Runs", "Runs (2)",
                    "Runs (3)", "Approvals", "Sample", "Completeness", "Completeness (2)", "Completeness (3)",
                    "Restatements"), sheetNames(split));
            assertContinues(whole.getSheet("Exceptions"), split, "Exceptions", 3, "A1:P5", "A1:P2");
            assertContinues(whole.getSheet("Runs"), split, "Runs", 3, "A1:AB5", "A1:AB3");
            assertEquals(List.of(1000, 1001, 1002, 1003, 1004, 1005, 1006, 1007, 1008, 1009),
                    IntStream.range(0, 10).map(i -> (int) split.getSheet(i < 4 ? "Runs" : i < 8 ? "Runs (2)" : "Runs (3)")
                            .getRow(i % 4 + 1).getCell(3).getNumericCellValue()).boxed().toList(), "builds in order");
            assertEquals("quarantined_source", split.getSheet("Completeness (2)").getRow(0).getCell(0).getStringCellValue(),
                    "a table that does not fit below the one before starts the next sheet");
            assertEquals("f-gap-1", split.getSheet("Completeness (3)").getRow(1).getCell(13).getStringCellValue());

            Map<String, XSSFCell> facts = facts(split.getSheet("Summary"));
            assertEquals(5, (long) facts.get("rows_per_sheet").getNumericCellValue());
            assertEquals("Exceptions: Exceptions (2), Exceptions (3); Runs: Runs (2), Runs (3); "
                    + "Completeness: Completeness (2), Completeness (3)", facts.get("continued_on_sheets").getStringCellValue());
            Map<String, XSSFCell> wholeFacts = facts(whole.getSheet("Summary"));
            assertEquals(1_048_576, (long) wholeFacts.get("rows_per_sheet").getNumericCellValue(), "Excel's limit");
            assertEquals("none", wholeFacts.get("continued_on_sheets").getStringCellValue());
        }
    }

    @Test
    void aListingThatFillsItsLastSheetExactlyAddsNoEmptySheet() throws Exception {
        try (XSSFWorkbook wb = render(content(), rows(runs(8)), tmp.resolve("e.xlsx"), 5)) {
            assertEquals(List.of("Runs", "Runs (2)", "Approvals"), sheetNames(wb).subList(2, 5));
            assertEquals(4, wb.getSheet("Runs (2)").getLastRowNum());
        }
    }

    @Test
    void textBeyondExcelsLimitIsCutNotFatal() {
        String cut = Cells.text("가".repeat(Cells.MAX_TEXT + 10));
        assertEquals(Cells.MAX_TEXT, cut.length());
        assertTrue(cut.endsWith("…"));
        assertEquals("short", Cells.text("short"));
    }

    // ---- the month, by hand

    static ReportContent content() {
        List<ControlLine> controls = List.of(
                new ControlLine("C1", "승인된 실행", "Every production run has an approved request", 120, 110, 7, 3,
                        4, 2, 1, 0),
                new ControlLine("C5", "Failure reported and approved", "Failed runs have an approved failure report",
                        7, 4, 3, 0, 0, 3, 0, 0));
        List<ExceptionLine> exceptions = List.of(
                new ExceptionLine("C1", "승인 없이 실행된 배포", "RUN_WITHOUT_APPROVAL", "승인 없는 실행", "HIGH", OCT1,
                        "hb-prod-01", "deploy-api", 1042, "CHG-2026-0001", "kim.jiwoo", LATE_EVENING_UTC,
                        "승인번호 없이 운영 배포가 실행되었습니다", "f-0001"),
                new ExceptionLine("C5", "Failure reported and approved", "FAILURE_REPORT_UNAPPROVED",
                        "Failure report not approved", "MEDIUM", OCT2, "hb-prod-02", "batch-settle", 77, null,
                        "lee.minho", LATE_EVENING_UTC.plusSeconds(86_400), "report FR-9 requested 2026-10-03",
                        "f-0002"));
        ExceptionLine gap = new ExceptionLine("C3", "Build numbers continuous", "BUILD_NUMBER_GAP", "Gap", "LOW", OCT1,
                "hb-prod-01", "deploy-api", 1044, null, null, null, "build 1043 missing", "f-gap-1");
        return new ReportContent(YearMonth.of(2026, 10), "ko", SEOUL, Instant.parse("2026-11-02T00:00:00Z"), "0.1.0",
                List.of("hb-prod-01", "hb-prod-02"), "ab".repeat(32), null, -4611686018427387905L, "--seed",
                controls,
                List.of(new TrendPoint(OCT1, "C1", 55, 3), new TrendPoint(OCT2, "C1", 65, 4)),
                exceptions,
                new FailureReports(7, 4, 3, 0, 0, List.of(exceptions.get(1))),
                new Completeness(List.of(new SourceCoverage("hb-prod-01", 120, 118, 1, 1),
                        new SourceCoverage("hb-prod-02", 7, 7, 0, 0)), 1, List.of(gap),
                        List.of(new QuarantineCount("audit", 4, "JSON 구문 오류"))),
                List.of(new SampleItem("C1", 1, 25, 120, "RUN", "hb-prod-01/deploy-api#1042", OCT1, "EXCEPTION",
                                "RUN_WITHOUT_APPROVAL", null, "0f".repeat(32)),
                        new SampleItem("C1", 2, 25, 120, "RUN", "hb-prod-02/batch-settle#77", OCT2, "COMPLIANT",
                                null, "CHG-2026-0002", "1a".repeat(32))),
                List.of());
    }

    /** The content with {@code n} exceptions, numbered f-0001 … in order. */
    static ReportContent withExceptions(ReportContent c, int n) {
        ExceptionLine e = c.exceptions().get(0);
        List<ExceptionLine> exceptions = IntStream.rangeClosed(1, n).mapToObj(i -> new ExceptionLine(e.controlId(),
                e.controlName(), e.reasonCode(), e.reason(), e.severity(), e.businessDate(), e.controller(), e.jobName(),
                e.buildNumber() + i, e.approvalNo(), e.actor(), e.occurredAt(), e.detail(), "f-%04d".formatted(i))).toList();
        return new ReportContent(c.month(), c.locale(), c.zone(), c.asOf(), c.softwareVersion(), c.controllers(),
                c.contentSha256(), c.previousManifestSha256(), c.seed(), c.seedSource(), c.controls(), c.trend(),
                exceptions, c.failureReports(), c.completeness(), c.sample(), c.restatements());
    }

    static ReportContent withRestatement(ReportContent c) {
        return new ReportContent(c.month(), c.locale(), c.zone(), c.asOf(), c.softwareVersion(), c.controllers(),
                c.contentSha256(), c.previousManifestSha256(), c.seed(), c.seedSource(), c.controls(), c.trend(),
                c.exceptions(), c.failureReports(), c.completeness(), c.sample(),
                List.of(new Restatement("CHANGED", "f-0002", "C5", "FAILURE_REPORT_UNAPPROVED", OCT2,
                        "hb-prod-02/batch-settle#77", "심각도 MEDIUM", "severity LOW")));
    }

    /** Runs numbered from build 1000, started a minute apart from 00:30 Seoul time. */
    static List<Row> runs(int n) {
        List<Row> runs = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Instant start = LATE_EVENING_UTC.plusSeconds(60L * i);
            runs.add(RowFactory.create(OCT1, "hb-prod-01", "deploy-api", 1000 + i, start, start.plusSeconds(42),
                    42_000L, "SUCCESS", "MANUAL", "배포담당자", i % 3 == 0 ? null : "CHG-2026-0001", "DEPLOY", "APPROVED",
                    "kim.jiwoo", "park.seoyeon", Timestamp.from(start.minusSeconds(3600)), 1, "COMPLIANT", null, null,
                    0, null, true, i % 2 == 1, "builds,audit", "node-1", "b-" + i + ",a-" + i, "batch-20261002"));
        }
        return runs;
    }

    static MonthRows rows(List<Row> runs) {
        List<Row> approvals = List.of(RowFactory.create(java.sql.Date.valueOf(OCT2), "CHG-2026-0001", "DEPLOY",
                "hb-prod-01", "deploy-api", "APPROVED", "kim.jiwoo", "park.seoyeon", Timestamp.from(LATE_EVENING_UTC),
                LATE_EVENING_UTC.minusSeconds(7200), LATE_EVENING_UTC.plusSeconds(86_400), null, 12L, 3L,
                LATE_EVENING_UTC, LATE_EVENING_UTC.plusSeconds(600), 0L, "batch-20261002"));
        Map<String, List<Row>> tables = Map.of(WarehouseTables.RUN, runs, WarehouseTables.APPROVAL, approvals);
        return new MonthRows() {
            @Override
            public StructType schema(String table) {
                return WarehouseTables.schemaOf(table);
            }

            @Override
            public void forEach(String table, Consumer<Row> action) {
                tables.get(table).forEach(action);
            }
        };
    }

    // ---- reading back

    static XSSFWorkbook render(ReportContent c, MonthRows rows, Path file) throws Exception {
        XlsxReport.write(c, rows, file);
        return new XSSFWorkbook(file.toFile());
    }

    static XSSFWorkbook render(ReportContent c, MonthRows rows, Path file, int sheetRows) throws Exception {
        XlsxReport.write(c, rows, file, sheetRows);
        return new XSSFWorkbook(file.toFile());
    }

    static List<String> sheetNames(XSSFWorkbook wb) {
        return IntStream.range(0, wb.getNumberOfSheets()).mapToObj(wb::getSheetName).toList();
    }

    /**
     * {@code name} and its continuations "name (2)" … "name (parts)" each start with the header of the unsplit
     * sheet, frozen and filtered, and their rows one after another are the unsplit sheet's rows, cell for cell.
     */
    static void assertContinues(XSSFSheet whole, XSSFWorkbook split, String name, int parts, String fullFilter,
                                String lastFilter) {
        List<String> rows = new ArrayList<>();
        for (int p = 1; p <= parts; p++) {
            XSSFSheet s = split.getSheet(p == 1 ? name : name + " (" + p + ")");
            assertNotNull(s, name + " part " + p);
            assertEquals(texts(whole.getRow(0)), texts(s.getRow(0)), s.getSheetName() + " repeats the header");
            assertTrue(s.getWorkbook().getFontAt(s.getRow(0).getCell(0).getCellStyle().getFontIndex()).getBold());
            assertEquals(1, s.getPaneInformation().getHorizontalSplitPosition(), s.getSheetName() + " freezes row 1");
            assertEquals(p < parts ? fullFilter : lastFilter, s.getCTWorksheet().getAutoFilter().getRef(), s.getSheetName());
            assertEquals(whole.getColumnWidth(0), s.getColumnWidth(0), s.getSheetName() + " column widths");
            rows.addAll(rowDump(s));
        }
        assertNull(split.getSheet(name + " (" + (parts + 1) + ")"));
        assertEquals(rowDump(whole), rows, name + ": every row once, in order");
    }

    /** Each data row (below the header) as its cells' column:type:value:format, without the sheet or row number. */
    static List<String> rowDump(XSSFSheet s) {
        List<String> rows = new ArrayList<>();
        for (int i = 1; i <= s.getLastRowNum(); i++) {
            StringBuilder b = new StringBuilder();
            for (Cell c : s.getRow(i)) {
                b.append(c.getColumnIndex()).append('=').append(c.getCellType()).append(':').append(switch (c.getCellType()) {
                    case NUMERIC -> Double.toString(c.getNumericCellValue());
                    case BOOLEAN -> Boolean.toString(c.getBooleanCellValue());
                    default -> c.getStringCellValue();
                }).append(':').append(c.getCellStyle().getDataFormatString()).append('|');
            }
            rows.add(b.toString());
        }
        return rows;
    }

    static List<String> headers(List<? extends Column<?>> columns) {
        return columns.stream().map(col -> col.kind() == CellKind.DATE_TIME
                ? col.header() + " (Asia/Seoul)" : col.header()).toList();
    }

    static List<String> schemaHeaders(StructType schema) {
        return Stream.of(schema.fields()).map(f -> f.dataType() instanceof org.apache.spark.sql.types.TimestampType
                ? f.name() + " (Asia/Seoul)" : f.name()).toList();
    }

    static List<String> texts(XSSFRow row) {
        List<String> t = new ArrayList<>();
        for (Cell c : row) t.add(c.getStringCellValue());
        return t;
    }

    /** Label → value cell of the key/value rows below a sheet's table. */
    static Map<String, XSSFCell> facts(XSSFSheet s) {
        Map<String, XSSFCell> facts = new java.util.HashMap<>();
        for (int i = 1; i <= s.getLastRowNum(); i++) {
            XSSFRow r = s.getRow(i);
            if (r != null && r.getCell(0) != null && r.getCell(0).getCellType() == CellType.STRING
                    && r.getLastCellNum() <= 2) {
                facts.put(r.getCell(0).getStringCellValue(), r.getCell(1));
            }
        }
        return facts;
    }

    static int rowStarting(XSSFSheet s, String text, int from) {
        for (int i = from; i <= s.getLastRowNum(); i++) {
            XSSFRow r = s.getRow(i);
            if (r != null && r.getCell(0) != null && text.equals(r.getCell(0).toString())) return i;
        }
        throw new AssertionError(s.getSheetName() + ": no row starting with " + text);
    }

    /** Every cell as sheet!ref=type:value:format, the comparison of two renders. */
    static List<String> dump(XSSFWorkbook wb) {
        List<String> cells = new ArrayList<>();
        wb.forEach(sheet -> sheet.forEach(row -> row.forEach(c -> cells.add(sheet.getSheetName() + "!"
                + c.getAddress() + "=" + c.getCellType() + ":" + switch (c.getCellType()) {
                    case NUMERIC -> Double.toString(c.getNumericCellValue());
                    case BOOLEAN -> Boolean.toString(c.getBooleanCellValue());
                    default -> c.getStringCellValue();
                } + ":" + c.getCellStyle().getDataFormatString()))));
        return cells;
    }

}
