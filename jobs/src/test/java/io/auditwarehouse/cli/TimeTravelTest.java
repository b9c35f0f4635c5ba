package io.auditwarehouse.cli;

import io.auditwarehouse.sinks.BatchRecord;
import io.auditwarehouse.sinks.WarehouseViews;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Time travel on the worked example: a first nightly and its October package, then the approver raises CHG-1's
 * max_runs and a second nightly restates the month. {@code sql --batch} of the first shows the first's rows, and
 * {@code report --reproduce} re-renders the issued package from the snapshot its manifest names, identically.
 */
class TimeTravelTest {

    private static final String OVERUSE = "select count(*) as n from recon_finding where reason_code = 'APPROVAL_OVERUSED'";

    @TempDir
    Path tmp;

    @Test
    void sqlOfABatchShowsItsRowsAndTheIssuedPackageIsReproducedFromItsSnapshotAfterTheDataChanged() throws Exception {
        Path input = Files.createDirectories(tmp.resolve("input"));
        WorkedExampleTest.copyTree(WorkedExampleTest.resource("worked-example"), input);
        Path out = tmp.resolve("out");
        String[] day = {"--input", input.toString(), "--out", out.toString(), "--date", "2026-10-01", "--as-of", "2026-10-10T00:00:00+09:00"};
        Cli.expect(ExitCodes.OK, concat("nightly", day));
        Cli.expect(ExitCodes.OK, "report", "--out", out.toString(), "--month", "2026-10");
        Path issued = out.resolve("reports/2026-10");
        byte[] issuedManifest = Files.readAllBytes(issued.resolve("manifest.json"));
        assertTrue(new String(issuedManifest).contains("\"snapshot_version\" : 1"), new String(issuedManifest));

        Path approvals = input.resolve("approvals.csv");
        Files.writeString(approvals, Files.readString(approvals).replace("2026-09-30 21:00:00.000,1,,", "2026-09-30 21:00:00.000,3,,"));
        Cli.expect(ExitCodes.OK, concat("nightly", day));

        List<BatchRecord> batches = OwedKibanaIndexesTest.ledger(out).values().stream()
                .sorted(Comparator.comparing(BatchRecord::startedAt)).toList();
        assertEquals(2, batches.size());
        assertEquals(1L, batches.get(0).snapshotVersion(), "the ledger records what each batch committed");
        assertEquals(2L, batches.get(1).snapshotVersion());
        String o = out.toString();
        assertEquals(List.of("2"), Cli.expect(ExitCodes.OK, "sql", "--out", o, "--format", "csv", "--batch", batches.get(0).batchId(), OVERUSE).csvRows());
        assertEquals(List.of("0"), Cli.expect(ExitCodes.OK, "sql", "--out", o, "--format", "csv", OVERUSE).csvRows());
        assertEquals(List.of("2"), Cli.expect(ExitCodes.OK, "sql", "--out", o, "--format", "csv", "--engine", "spark",
                "--batch", batches.get(0).batchId(), OVERUSE).csvRows());

        // a batch id pasted from CSV output keeps its CRLF's carriage return: the error line shows it instead of breaking
        Cli unknown = Cli.expect(ExitCodes.USAGE, "sql", "--out", o, "--batch", batches.get(0).batchId() + "\r", "select 1");
        assertEquals(1, unknown.err().lines().filter(l -> l.startsWith("error")).count(), unknown.err());
        assertTrue(unknown.err().contains("--batch: batch '" + batches.get(0).batchId() + "\\r' committed no snapshot kept under"),
                unknown.err());

        Cli same = Cli.expect(ExitCodes.OK, "report", "--out", o, "--month", "2026-10", "--reproduce");
        assertTrue(same.out().startsWith("reproduced: identical ("), same.out());
        Path reproduced = out.resolve("reports/reproduced/2026-10");
        for (String f : List.of("csv/recon_finding.csv", "csv/recon_run.csv", "evidence-2026-10.xlsx", "csv/auditor_sample.csv")) {
            assertEquals(-1, Files.mismatch(issued.resolve(f), reproduced.resolve(f)), f + " byte for byte");
        }
        assertTrue(Files.exists(reproduced.resolve("evidence-2026-10.pdf")));
        assertEquals(-1, java.util.Arrays.mismatch(issuedManifest, Files.readAllBytes(issued.resolve("manifest.json"))), "issued package untouched");
        assertFalse(Files.exists(out.resolve("reports/superseded")), "nothing superseded");
        assertEquals(List.of("0"), Cli.expect(ExitCodes.OK, "sql", "--out", o, "--format", "csv", OVERUSE).csvRows(),
                "the current snapshot is still the second batch's");
        assertTrue(WarehouseViews.snapshot(out.resolve("warehouse")).version() == 2);

        // the comparison can fail: an issued file changed after the fact is named
        Path findings = issued.resolve("csv/recon_finding.csv");
        byte[] original = Files.readAllBytes(findings);
        try {
            Files.writeString(findings, Files.readString(findings) + "\n");
            Cli differs = Cli.expect(ExitCodes.FAILURE, "report", "--out", o, "--month", "2026-10", "--reproduce");
            assertTrue(differs.out().startsWith("reproduced: DIFFERS in csv/recon_finding.csv ("), differs.out());
        } finally {
            Files.write(findings, original);
        }

        // a package issued before recon_finding had detail_fields: its CSV is reproduced with the columns it had
        try {
            Files.writeString(findings, withoutColumn(Files.readString(findings), "detail_fields"));
            Cli older = Cli.expect(ExitCodes.FAILURE, "report", "--out", o, "--month", "2026-10", "--reproduce");
            assertFalse(older.out().contains("csv/recon_finding.csv"), older.out());
            assertEquals(-1, Files.mismatch(findings, reproduced.resolve("csv/recon_finding.csv")), "the issued columns, byte for byte");
        } finally {
            Files.write(findings, original);
        }
    }

    /** The CSV text without one column (our CSVs: BOM, RFC 4180, CRLF). */
    private static String withoutColumn(String csv, String column) throws Exception {
        java.io.StringWriter out = new java.io.StringWriter();
        var records = org.apache.commons.csv.CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new java.io.StringReader(csv.substring(1)));
        List<String> header = records.getHeaderNames().stream().filter(h -> !h.equals(column)).toList();
        out.write('\uFEFF');
        var printer = new org.apache.commons.csv.CSVPrinter(out, org.apache.commons.csv.CSVFormat.RFC4180.builder()
                .setHeader(header.toArray(String[]::new)).get());
        for (var r : records) printer.printRecord(header.stream().map(r::get).toList());
        printer.flush();
        return out.toString();
    }

    @Test
    void timeTravelAgainstAMySqlWarehouseIsOneLineSayingItNeedsTheEmbeddedOne() throws Exception {
        // refused from the configuration alone, before any connection: no server is needed to show it
        Path config = Files.writeString(tmp.resolve("mysql.yaml"), "warehouse:\n  jdbc_url: jdbc:mysql://dw.invalid:3306/\n");
        String o = tmp.resolve("out").toString();
        for (Cli r : List.of(Cli.expect(ExitCodes.USAGE, "sql", "--config", config.toString(), "--out", o, "--batch", "nightly-1", "select 1"),
                Cli.expect(ExitCodes.USAGE, "report", "--config", config.toString(), "--out", o, "--month", "2026-10", "--reproduce"))) {
            List<String> errors = r.err().lines().filter(l -> l.startsWith("error")).toList();
            assertEquals(1, errors.size(), r.err());
            assertTrue(errors.get(0).contains("time travel needs the embedded warehouse"), errors.get(0));
        }
    }

    private static String[] concat(String command, String[] args) {
        String[] all = new String[args.length + 1];
        all[0] = command;
        System.arraycopy(args, 0, all, 1, args.length);
        return all;
    }
}
