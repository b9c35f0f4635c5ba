package io.auditwarehouse.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Exit codes, zones, resumable backfill and output formats, on the worked example. */
class CommandBehaviourTest {

    static final String AS_OF = "2026-10-10T00:00:00+09:00";

    @TempDir
    Path tmp;

    private Path workedExample() throws Exception {
        Path input = tmp.resolve("input");
        WorkedExampleTest.copyTree(WorkedExampleTest.resource("worked-example"), input);
        return input;
    }

    private static void assertOneLineError(Cli r, String... fragments) {
        List<String> lines = r.err().lines().filter(l -> l.startsWith("error")).toList();
        assertEquals(1, lines.size(), r.err());
        for (String f : fragments) assertTrue(lines.get(0).contains(f), lines.get(0));
        assertFalse(r.err().contains("\tat "), "no stack trace without --verbose: " + r.err());
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "rules: {failure_report_sla: 3d, gap_lookbak: 10d}                    | rules.gap_lookbak",
            "sources: {approvals: {partitions: [4]}}                             | sources.approvals.partitions",
            "sources: {approvals: {table: \"approval_record; DROP TABLE x\"}}   | sources.approvals.table"})
    void anUnknownKeyABadTypeOrABadIdentifierExitsTwoNamingTheKey(String yaml, String key) throws Exception {
        Path config = Files.writeString(tmp.resolve("bad.yaml"), yaml + "\n");
        Cli r = Cli.expect(2, "nightly", "--config", config.toString(), "--input", workedExample().toString(),
                "--out", tmp.resolve("out").toString(), "--date", "2026-10-01");
        assertOneLineError(r, key);
    }

    @Test
    void badUsageExitsTwo() {
        assertOneLineError(Cli.expect(2, "nightly", "--date", "yesterday-ish"), "--date");
        assertEquals(2, Cli.run("nightly", "--no-such-flag").exitCode());
        assertEquals(2, Cli.run("backfill", "--from", "2026-10-02", "--to", "2026-10-01").exitCode());
    }

    @Test
    void aMissingInputFolderOrFileExitsTwoAtOnceNamingItAndTheKeyAndPublishesNothing() throws Exception {
        Path out = tmp.resolve("out");
        Path nowhere = tmp.resolve("nowhere");
        Cli r = Cli.expect(2, "nightly", "--input", nowhere.toString(), "--out", out.toString(), "--date", "2026-10-01");
        assertOneLineError(r, "configuration error", "input folder " + nowhere + " does not exist", "--input", "input.dir");
        // no --input: the folder comes from input.dir (default ./data), as in a folder without ./data
        Path config = Files.writeString(tmp.resolve("data.yaml"), "input:\n  dir: " + tmp.resolve("data") + "\n");
        assertOneLineError(Cli.expect(2, "nightly", "--config", config.toString(), "--out", out.toString(), "--date", "2026-10-01"),
                "input.dir: input folder " + tmp.resolve("data") + " does not exist");
        Path input = workedExample();
        Files.delete(input.resolve("approvals.csv"));
        assertOneLineError(Cli.expect(2, "nightly", "--input", input.toString(), "--out", out.toString(), "--date", "2026-10-01"),
                "approvals.csv not found in " + input, "input.dir");
        assertFalse(Files.exists(out.resolve("warehouse/recon_run")), "nothing published");
        assertTrue(Cli.expect(0, "sql", "--out", out.toString(), "--format", "csv",
                "select status, message from recon_batch").out().contains("FAILED"), "the failed batch is in the ledger");
    }

    @Test
    void anUnwritableOutputExitsFour() throws Exception {
        Path out = tmp.resolve("out-is-a-file");
        Files.writeString(out, "not a folder");
        Cli r = Cli.expect(4, "nightly", "--input", workedExample().toString(), "--out", out.toString(),
                "--date", "2026-10-01", "--as-of", AS_OF);
        assertOneLineError(r, "write failed");
    }

    @Test
    void failOnExitsFiveWhenAFindingIsAtOrAboveTheThreshold() throws Exception {
        Path input = workedExample();
        Cli.expect(5, "nightly", "--input", input.toString(), "--out", tmp.resolve("a").toString(), "--date", "2026-10-01",
                "--as-of", AS_OF, "--fail-on", "HIGH");
        Cli.expect(0, "nightly", "--input", input.toString(), "--out", tmp.resolve("b").toString(), "--date", "2026-09-30",
                "--as-of", AS_OF, "--fail-on", "LOW");
        String help = Cli.expect(0, "nightly", "--help").out();
        for (String code : List.of("0 ", "1 ", "2 ", "3 ", "4 ", "5 ", "6 ", "7 ")) assertTrue(help.contains("  " + code), help);
    }

    @Test
    void approvalsStoredInKoreanWallClockTimeReconcileTheSame() throws Exception {
        Path input = workedExample();
        shiftApprovalTimes(input.resolve("approvals.csv"), 9);
        Path config = tmp.resolve("kst.yaml");
        Files.writeString(config, "sources:\n  approvals:\n    zone: Asia/Seoul\n");
        Path out = tmp.resolve("out");
        Cli.expect(0, "nightly", "--config", config.toString(), "--input", input.toString(), "--out", out.toString(),
                "--date", "2026-10-01", "--as-of", AS_OF);
        Cli findings = Cli.expect(0, "sql", "--out", out.toString(), "--format", "csv",
                "select reason_code, controller, job_name, build_number from recon_finding order by 1, 2, 3, 4");
        assertEquals(Files.readAllLines(WorkedExampleTest.resource("worked-example-expected").resolve("expected_findings.csv")),
                findings.out().lines().toList());
    }

    @Test
    void backfillSkipsDatesAlreadyPublishedUnlessForced() throws Exception {
        Path input = workedExample();
        Path out = tmp.resolve("out");
        String[] args = {"backfill", "--input", input.toString(), "--out", out.toString(), "--from", "2026-09-30",
                "--to", "2026-10-01", "--as-of", AS_OF};
        assertTrue(Cli.expect(0, args).out().contains("runs        4"));
        assertTrue(Cli.expect(0, args).out().contains("nothing to do"));
        List<String> forced = new ArrayList<>(List.of(args));
        forced.add("--force");
        assertTrue(Cli.expect(0, forced.toArray(String[]::new)).out().contains("runs        4"));
        assertEquals(List.of("2"), Cli.expect(0, "sql", "--out", out.toString(), "--format", "csv",
                "select count(*) from recon_batch where status = 'COMPLETED'").csvRows());
    }

    @Test
    void sqlPrintsAlignedTablesAndJsonLines() throws Exception {
        Path out = tmp.resolve("out");
        Cli.expect(0, "nightly", "--input", workedExample().toString(), "--out", out.toString(), "--date", "2026-10-01", "--as-of", AS_OF);
        String table = Cli.expect(0, "sql", "--out", out.toString(),
                "select build_number, control_status from recon_run order by 1").out();
        assertTrue(table.contains("build_number | control_status"), table);
        assertTrue(table.contains("10           | COMPLIANT"), table);
        assertTrue(table.contains("(4 rows)"), table);
        List<String> json = Cli.expect(0, "sql", "--out", out.toString(), "--format", "json",
                "select build_number, reason_codes from recon_run where build_number = 12").out().lines().toList();
        assertEquals(List.of("{\"build_number\":12,\"reason_codes\":\"APPROVAL_OVERUSED,EXECUTOR_IS_REQUESTER,EXECUTOR_NOT_AUTHORIZED,OUTSIDE_APPROVAL_WINDOW\"}"), json);
        assertOneLineError(Cli.expect(2, "sql", "--out", out.toString(), "select * from no_such_table"), "no_such_table");
    }

    /** Rewrites the MySQL-style times of approvals.csv as wall-clock time {@code hours} ahead (UTC to KST). */
    private static void shiftApprovalTimes(Path csv, int hours) throws IOException {
        DateTimeFormatter f = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(csv)) {
            StringBuilder b = new StringBuilder();
            for (String cell : line.split(",", -1)) {
                if (b.length() > 0) b.append(',');
                b.append(cell.matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3}")
                        ? f.format(LocalDateTime.parse(cell, f).plusHours(hours)) : cell);
            }
            out.add(b.toString());
        }
        Files.write(csv, out);
    }
}
