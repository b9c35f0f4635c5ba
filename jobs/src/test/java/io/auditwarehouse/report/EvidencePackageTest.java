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
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
        Cli.expect(0, "report", "--out", out.toString(), "--month", "2026-09");
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
    void reRenderingTheSameMonthWritesTheSameBytes() throws Exception {
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
        assertTrue(files.size() >= 8, files.toString());
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

    private static List<byte[]> contents(Path dir) throws Exception {
        List<byte[]> all = new ArrayList<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).sorted().toList()) all.add(Files.readAllBytes(p));
        }
        return all;
    }
}
