package io.auditwarehouse.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.auditwarehouse.model.ReasonCode;
import io.auditwarehouse.testing.PackageWorkbook;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A generated month of 20,000+ runs with every reason code planted: reconciled findings equal the ground truth
 * exactly, whatever the order of the days, and re-running a day changes nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GeneratedMonthTest {

    static final String MONTH = "2026-10";
    static final String PROJECTION = "select reason_code, cast(business_date as string), controller, coalesce(job_name, ''), "
            + "coalesce(cast(build_number as string), ''), "
            + "case when reason_code = 'APPROVAL_UNUSED' then approval_no else '' end, "
            + "case when reason_code in ('UNAPPROVED_CONFIG_CHANGE', 'UNREVIEWED_EMERGENCY_TOGGLE') "
            // portable (DuckDB and Spark SQL): a UTC timestamp cast to string is 'yyyy-MM-dd HH:mm:ss[.ffffff]'
            + "then concat(replace(substr(cast(occurred_at as string), 1, 19), ' ', 'T'), 'Z') else '' end from recon_finding";

    @TempDir
    static Path tmp;
    Path input;
    Path backfilled;
    String asOf;
    JsonNode generation;

    @BeforeAll
    void generateAndBackfill() throws IOException {
        input = tmp.resolve("input");
        Cli.expect(0, "generate", "--month", MONTH, "--runs", "20000", "--seed", "42", "--out", input.toString());
        generation = new ObjectMapper().readTree(input.resolve("generation.json").toFile());
        asOf = generation.get("as_of").asText();
        backfilled = tmp.resolve("backfill");
        Cli.expect(0, "backfill", "--input", input.toString(), "--out", backfilled.toString(), "--from", MONTH + "-01",
                "--to", MONTH + "-31", "--as-of", asOf);
    }

    @Test
    void findingsEqualTheGroundTruthExactly() throws IOException {
        List<String> truth = Files.readAllLines(input.resolve("ground-truth.csv"));
        List<String> expected = new ArrayList<>(truth.subList(1, truth.size()));
        Collections.sort(expected);
        List<String> actual = new ArrayList<>(Cli.expect(0, "sql", "--out", backfilled.toString(), "--format", "csv", PROJECTION).csvRows());
        Collections.sort(actual);

        TreeSet<String> missing = new TreeSet<>(expected);
        actual.forEach(missing::remove);
        TreeSet<String> extra = new TreeSet<>(actual);
        expected.forEach(extra::remove);
        assertTrue(missing.isEmpty() && extra.isEmpty(), "missing " + missing.size() + ": " + head(missing)
                + "\nextra " + extra.size() + ": " + head(extra));
        assertEquals(expected, actual, "same findings, no duplicates");

        Map<String, Long> perCode = expected.stream().collect(Collectors.groupingBy(l -> l.substring(0, l.indexOf(',')), TreeMap::new, Collectors.counting()));
        for (ReasonCode code : ReasonCode.values()) {
            assertTrue(perCode.getOrDefault(code.name(), 0L) >= 5, code + " planted only " + perCode.get(code.name()) + " times");
        }
        long runs = Long.parseLong(Cli.expect(0, "sql", "--out", backfilled.toString(), "--format", "csv",
                "select count(*) from recon_run").csvRows().get(0));
        assertTrue(runs >= 20_000, "runs " + runs);
    }

    /**
     * Ten days published one by one, forward and in reverse, give the backfill's rows for those days: a date's results
     * do not depend on which other dates are published, or when. Ten days keep CI short and still hold every code.
     */
    @Test
    void dayByDayForwardAndInReverseGiveTheBackfillTables() throws IOException {
        Path config = tmp.resolve("no-lookback.yaml");
        Files.writeString(config, "rules:\n  lookback: 0d\n");
        Path forward = tmp.resolve("forward");
        Path reverse = tmp.resolve("reverse");
        List<LocalDate> days = LocalDate.parse(MONTH + "-11").datesUntil(LocalDate.parse(MONTH + "-21")).toList();
        for (LocalDate d : days) nightly(config, forward, d);
        List<LocalDate> backwards = new ArrayList<>(days);
        Collections.reverse(backwards);
        for (LocalDate d : backwards) nightly(config, reverse, d);
        Map<String, List<String>> expected = WarehouseSnapshot.of(backfilled, false, days);
        assertTrue(expected.get("recon_run").size() >= 6_000, "runs compared " + expected.get("recon_run").size());
        for (ReasonCode code : ReasonCode.values()) {
            assertTrue(expected.get("recon_finding").stream().anyMatch(row -> row.contains("," + code.name() + ",")),
                    code + " is among the findings compared");
        }
        assertEquals(expected, WarehouseSnapshot.of(forward, false, days));
        assertEquals(expected, WarehouseSnapshot.of(reverse, false, days));
    }

    @Test
    void theSameDateTwiceGivesIdenticalTablesAndKeepsTheFirstBatch() throws IOException {
        Path config = tmp.resolve("no-lookback-twice.yaml");
        Files.writeString(config, "rules:\n  lookback: 0d\n");
        Path twice = tmp.resolve("twice");
        LocalDate d = LocalDate.parse(MONTH + "-15");
        nightly(config, twice, d);
        Map<String, List<String>> first = WarehouseSnapshot.of(twice, false);
        String firstBatches = Cli.expect(0, "sql", "--out", twice.toString(), "--format", "csv",
                "select distinct first_batch_id from recon_finding order by 1").out();
        nightly(config, twice, d);
        assertEquals(first, WarehouseSnapshot.of(twice, false));
        assertEquals(firstBatches, Cli.expect(0, "sql", "--out", twice.toString(), "--format", "csv",
                "select distinct first_batch_id from recon_finding order by 1").out(), "a re-run keeps the batch that first found each finding");
        assertEquals(List.of("0"), Cli.expect(0, "sql", "--out", twice.toString(), "--format", "csv",
                "select count(*) - count(distinct finding_id) from recon_finding").csvRows(), "no duplicate findings");
        assertEquals(List.of("2"), Cli.expect(0, "sql", "--out", twice.toString(), "--format", "csv",
                "select count(*) from recon_batch where status = 'COMPLETED'").csvRows());
    }

    @Test
    void malformedLinesAreQuarantinedAndCounted() {
        long planted = 0;
        for (JsonNode n : generation.get("malformed_lines")) planted += n.get("total").asLong();
        assertTrue(planted > 0);
        assertEquals(List.of(Long.toString(planted)), Cli.expect(0, "sql", "--out", backfilled.toString(), "--format", "csv",
                "select count(*) from recon_quarantine").csvRows());
        assertEquals(List.of(Long.toString(planted)), Cli.expect(0, "sql", "--out", backfilled.toString(), "--format", "csv",
                "select max(quarantined) from recon_batch").csvRows());
    }

    @Test
    void sqlPrintsCountsPerReasonCodeAsCsv() throws IOException {
        Cli counts = Cli.expect(0, "sql", "--out", backfilled.toString(), "--format", "csv",
                "select reason_code, count(*) from recon_finding group by 1");
        List<String> truth = Files.readAllLines(input.resolve("ground-truth.csv"));
        Map<String, Long> expected = truth.subList(1, truth.size()).stream()
                .collect(Collectors.groupingBy(l -> l.substring(0, l.indexOf(',')), TreeMap::new, Collectors.counting()));
        Map<String, Long> printed = new TreeMap<>();
        counts.csvRows().forEach(l -> printed.put(l.split(",")[0], Long.parseLong(l.split(",")[1])));
        assertEquals(expected, printed);
        // an unnamed column takes the engine's name for it: DuckDB's (the default engine) here, Spark's would be count(1)
        assertEquals("reason_code,count_star()", counts.out().lines().findFirst().orElseThrow());
    }

    @Test
    void theMonthsPdfNamesEveryControlWithTheWarehousesCountsInKorean() throws Exception {
        Cli.expect(0, "report", "--out", backfilled.toString(), "--month", MONTH, "--format", "pdf");
        Path pdf = backfilled.resolve("reports/" + MONTH + "/evidence-" + MONTH + ".pdf");
        List<String> pages = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            PDFTextStripper stripper = new PDFTextStripper();
            for (int i = 1; i <= doc.getNumberOfPages(); i++) {
                stripper.setStartPage(i);
                stripper.setEndPage(i);
                pages.add(stripper.getText(doc));
            }
        }
        String text = String.join("\n", pages);
        for (String l : Cli.expect(0, "sql", "--out", backfilled.toString(), "--format", "csv",
                "select c.control_name_ko, sum(s.population), sum(s.exceptions) from recon_daily_summary s join "
                        + "(select distinct control_id, control_name_ko from control_catalog) c on s.control_id = c.control_id "
                        + "group by 1").csvRows()) {
            String[] f = l.split(",");
            assertTrue(text.contains(f[0]), "control name " + f[0]);
            String counts = String.format("%,d", Long.parseLong(f[1]));
            assertTrue(text.contains(counts), f[0] + " population " + counts);
            assertTrue(text.contains(String.format("%,d", Long.parseLong(f[2]))), f[0] + " exceptions " + f[2]);
        }
        String koreanJob = Cli.expect(0, "sql", "--out", backfilled.toString(), "--format", "csv",
                "select min(job_name) from recon_finding where job_name like '정산%'").csvRows().get(0);
        assertTrue(text.contains(koreanJob), "Korean job name " + koreanJob + " intact");
        assertTrue(text.contains("통제") && text.contains("승인"), "Korean labels");
        for (int i = 0; i < pages.size(); i++) {
            assertTrue(pages.get(i).contains((i + 1) + " / " + pages.size()), "page " + (i + 1) + " says n / total");
        }
    }

    @Test
    void theMonthsWorkbookAgreesWithTheWarehouseAndRendersTheSameCellsTwice() throws Exception {
        Cli.expect(0, "report", "--out", backfilled.toString(), "--month", MONTH, "--format", "xlsx,csv");
        Path xlsx = backfilled.resolve("reports/" + MONTH + "/evidence-" + MONTH + ".xlsx");
        List<List<String>> first = PackageWorkbook.cells(xlsx);
        try (Workbook wb = WorkbookFactory.create(xlsx.toFile(), null, true)) {
            Map<String, String> totals = new TreeMap<>();
            Sheet summary = wb.getSheet("Summary");
            Map<String, Integer> col = PackageWorkbook.header(summary);
            for (int i = 1; i <= 6; i++) {
                Row r = summary.getRow(i);
                totals.put(r.getCell(col.get("control_id")).getStringCellValue(), (long) r.getCell(col.get("population")).getNumericCellValue()
                        + "," + (long) r.getCell(col.get("exceptions")).getNumericCellValue()
                        + "," + (long) r.getCell(col.get("pending")).getNumericCellValue());
            }
            Map<String, String> warehouse = new TreeMap<>();
            for (String l : Cli.expect(0, "sql", "--out", backfilled.toString(), "--format", "csv",
                    "select control_id, sum(population), sum(exceptions), sum(pending) from recon_daily_summary group by 1").csvRows()) {
                warehouse.put(l.substring(0, l.indexOf(',')), l.substring(l.indexOf(',') + 1));
            }
            assertEquals(warehouse, totals, "Summary equals the warehouse per control");
            assertEquals(count("recon_finding"), wb.getSheet("Exceptions").getLastRowNum());
            assertEquals(count("recon_run"), wb.getSheet("Runs").getLastRowNum());
            Cell date = wb.getSheet("Runs").getRow(1).getCell(PackageWorkbook.header(wb.getSheet("Runs")).get("business_date"));
            assertTrue(DateUtil.isCellDateFormatted(date), "dates are date cells");
            assertEquals(LocalDate.parse(MONTH + "-01"), date.getLocalDateTimeCellValue().toLocalDate());
        }
        Cli.expect(0, "report", "--out", backfilled.toString(), "--month", MONTH, "--format", "xlsx,csv");
        assertEquals(first, PackageWorkbook.cells(xlsx), "identical cell values when rendered again");
    }

    private long count(String table) {
        return Long.parseLong(Cli.expect(0, "sql", "--out", backfilled.toString(), "--format", "csv",
                "select count(*) from " + table).csvRows().get(0));
    }

    private void nightly(Path config, Path out, LocalDate d) {
        Cli.expect(0, "nightly", "--config", config.toString(), "--input", input.toString(), "--out", out.toString(),
                "--date", d.toString(), "--as-of", asOf);
    }

    private static String head(TreeSet<String> s) {
        return s.stream().limit(15).collect(Collectors.joining("\n  ", "\n  ", ""));
    }
}
