package io.auditwarehouse.report;

import io.auditwarehouse.cli.Cli;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The CSV files and hash-chained manifest of the monthly package, on the worked example. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EvidencePackageTest {

    @TempDir
    static Path tmp;
    Path out;
    Path october;
    Path september;

    @BeforeAll
    void reconcileAndReport() throws Exception {
        out = tmp.resolve("out");
        Path input = Path.of(EvidencePackageTest.class.getResource("/worked-example").toURI());
        Cli.expect(0, "nightly", "--input", input.toString(), "--out", out.toString(), "--date", "2026-10-01",
                "--as-of", "2026-10-10T00:00:00+09:00");
        report(out, "2026-09");
        Cli.expect(0, "report", "--out", out.toString(), "--month", "2026-10");
        october = out.resolve("reports/2026-10");
        september = out.resolve("reports/2026-09");
    }

    @Test
    void csvFilesReadBackEqualTheWarehouseAndCarryABom() throws Exception {
        Path findings = october.resolve("csv/recon_finding.csv");
        byte[] bytes = Files.readAllBytes(findings);
        assertArrayEquals(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, java.util.Arrays.copyOf(bytes, 3), "UTF-8 BOM");
        List<String> fromCsv = new ArrayList<>();
        try (Reader r = Files.newBufferedReader(findings, StandardCharsets.UTF_8)) {
            r.read(); // the BOM
            CSVParser csv = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r);
            for (CSVRecord rec : csv) fromCsv.add(rec.get("finding_id") + "," + rec.get("reason_code") + "," + rec.get("build_number"));
        }
        List<String> fromWarehouse = Cli.expect(0, "sql", "--out", out.toString(), "--format", "csv",
                "select finding_id, reason_code, build_number from recon_finding order by business_date, control_id, reason_code, finding_id")
                .csvRows().stream().map(String::strip).toList();
        assertEquals(fromWarehouse, fromCsv);
        assertEquals(6, fromCsv.size());
        String users = Files.readString(october.resolve("csv/control_catalog.csv"), StandardCharsets.UTF_8);
        assertTrue(users.contains("승인된 실행"), "Korean text intact");
    }

    @Test
    void reRenderingTheSameMonthWritesTheSameCsvAndWorkbookBytes() throws Exception {
        List<byte[]> before = contents(october);
        Cli.expect(0, "report", "--out", out.toString(), "--month", "2026-10");
        List<byte[]> after = contents(october);
        assertEquals(before.size(), after.size());
        for (int i = 0; i < before.size(); i++) assertArrayEquals(before.get(i), after.get(i));
    }

    @Test
    void verifyPassesUntouchedAndNamesAnyChangedByte() throws Exception {
        assertTrue(Cli.expect(0, "verify", october.toString()).out().contains("every digest and the chain match"));
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.walk(october)) {
            s.filter(Files::isRegularFile).sorted().forEach(files::add);
        }
        files.add(september.resolve("manifest.json"));
        assertTrue(files.size() >= 12, files.toString());
        assertTrue(files.stream().anyMatch(f -> f.toString().endsWith(".pdf")) && files.stream().anyMatch(f -> f.toString().endsWith(".xlsx")));
        for (Path f : files) {
            byte[] original = Files.readAllBytes(f);
            byte[] changed = original.clone();
            changed[changed.length / 2] ^= 0x01;
            Files.write(f, changed);
            try {
                Cli r = Cli.expect(1, "verify", october.toString());
                String name = f.getFileName().toString();
                String expectedName = name.equals("manifest.sha256") ? "manifest" : name;
                assertTrue(r.out().contains(expectedName), "changing " + f + " is reported: " + r.out());
            } finally {
                Files.write(f, original);
            }
        }
        Cli.expect(0, "verify", october.toString());
    }

    @Test
    void theSameSeedDrawsTheSameSampleAnotherSeedAnotherAndSizesFollowTheConfiguration() throws Exception {
        Path o = tmp.resolve("sample");
        copyWarehouse(o);
        Path sample = o.resolve("reports/2026-10/" + EvidencePackage.SAMPLE_CSV);
        report(o, "2026-10", "--seed", "7");
        String first = Files.readString(sample);
        report(o, "2026-10", "--seed", "7");
        assertEquals(first, Files.readString(sample), "same seed, same data: same sample");
        report(o, "2026-10", "--seed", "8");
        assertNotEquals(first, Files.readString(sample), "another seed draws another sample");
        assertEquals(8, Manifest.read(o.resolve("reports/2026-10")).path("sampling").path("seed").asLong());

        Path config = Files.writeString(tmp.resolve("sizes.yaml"), "report:\n  sample:\n    sizes: {daily: 2, weekly: 1}\n"
                + "    frequency: {C6: weekly}\n");
        report(o, "2026-10", "--seed", "7", "--config", config.toString());
        Map<String, Long> drawn = new TreeMap<>();
        Map<String, Long> population = new TreeMap<>();
        for (CSVRecord r : records(sample)) {
            drawn.merge(r.get("control_id"), 1L, Long::sum);
            population.put(r.get("control_id"), Long.parseLong(r.get("population")));
        }
        population.forEach((control, members) -> assertEquals(Math.min(members, control.equals("C6") ? 1 : 2),
                drawn.get(control), control + " of " + members));
        assertEquals(4, population.get("C6"), "C6 draws from all four runs");
    }

    @Test
    void aRetroactiveApprovalChangeIsListedAsExactlyTheChangedFindings() throws Exception {
        Path o = tmp.resolve("restated");
        Path input = Files.createDirectories(tmp.resolve("restated-input"));
        copyTree(Path.of(EvidencePackageTest.class.getResource("/worked-example").toURI()), input);
        String[] day = {"--input", input.toString(), "--out", o.toString(), "--date", "2026-10-01", "--as-of", "2026-10-10T00:00:00+09:00"};
        Cli.expect(0, concat(new String[]{"nightly"}, day));
        report(o, "2026-10");
        Path issued = o.resolve("reports/2026-10");
        assertEquals(List.of(), records(issued.resolve(EvidencePackage.RESTATEMENTS_CSV)), "a first package restates nothing");
        String issuedManifest = Manifest.sha256(issued.resolve(Manifest.FILE));

        // the approver raises CHG-1's max_runs from 1 to 3 after the fact: runs 11 and 12 are no longer overuse
        Path approvals = input.resolve("approvals.csv");
        Files.writeString(approvals, Files.readString(approvals).replace(
                "2026-09-30 21:00:00.000,1,,", "2026-09-30 21:00:00.000,3,,"));
        Cli.expect(0, concat(new String[]{"nightly"}, day));
        Cli r = report(o, "2026-10");

        List<String> listed = records(issued.resolve(EvidencePackage.RESTATEMENTS_CSV)).stream()
                .map(c -> c.get("change") + " " + c.get("reason_code") + " " + c.get("subject")).toList();
        assertEquals(List.of("REMOVED APPROVAL_OVERUSED batch-a/payments/settle#11",
                "REMOVED APPROVAL_OVERUSED batch-a/payments/settle#12"), listed);
        // the package is Korean (report.locale's default): what a removed finding said is the ko template, filled
        List<String> before = records(issued.resolve(EvidencePackage.RESTATEMENTS_CSV)).stream().map(c -> c.get("before")).toList();
        assertEquals(List.of("MEDIUM: CHG-1에 따른 2번째 실행으로, 허용 횟수 1회를 초과함", "MEDIUM: CHG-1에 따른 3번째 실행으로, 허용 횟수 1회를 초과함"),
                before);
        assertTrue(r.out().contains("2 findings restated"), r.out());
        var m = Manifest.read(issued).path("restatements");
        assertEquals(issuedManifest, m.path("against_manifest_sha256").asText());
        assertEquals(2, m.path("removed").asLong());
        Path kept = o.resolve("reports/superseded/2026-10-" + issuedManifest.substring(0, 12));
        assertEquals(issuedManifest, Manifest.sha256(kept.resolve(Manifest.FILE)), "the issued package is kept, untouched");
        Cli.expect(0, "verify", issued.toString());

        // rendering again without further change keeps the listing: the package is re-issued unchanged
        report(o, "2026-10");
        assertEquals(listed.size(), records(issued.resolve(EvidencePackage.RESTATEMENTS_CSV)).size());
    }

    private static Cli report(Path out, String month, String... more) {
        return Cli.expect(0, concat(new String[]{"report", "--out", out.toString(), "--month", month, "--format", "csv"}, more));
    }

    private void copyWarehouse(Path to) throws Exception {
        copyTree(out.resolve("warehouse"), to.resolve("warehouse"));
    }

    private static void copyTree(Path from, Path to) throws Exception {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target);
            }
        }
    }

    private static List<CSVRecord> records(Path csv) throws Exception {
        try (Reader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            r.read(); // the BOM
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r).getRecords();
        }
    }

    private static String[] concat(String[] a, String... b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private static List<byte[]> contents(Path dir) throws Exception {
        List<byte[]> all = new ArrayList<>();
        try (Stream<Path> s = Files.walk(dir)) {
            // the PDF prints when it was generated, and the manifest lists the PDF's digest
            for (Path p : s.filter(Files::isRegularFile).filter(p -> !p.toString().endsWith(".pdf"))
                    .filter(p -> !p.getFileName().toString().startsWith("manifest")).sorted().toList()) {
                all.add(Files.readAllBytes(p));
            }
        }
        return all;
    }
}
