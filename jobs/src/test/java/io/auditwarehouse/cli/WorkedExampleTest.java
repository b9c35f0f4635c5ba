package io.auditwarehouse.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** spec README: `nightly --input <worked-example>/input --date 2026-10-01 --as-of ...` reproduces the expected files. */
class WorkedExampleTest {

    @TempDir
    Path out;

    @Test
    void nightlyReproducesTheExpectedFindingsAndRunStatuses() throws Exception {
        Path input = resource("worked-example");
        Cli nightly = Cli.expect(0, "nightly", "--input", input.toString(), "--out", out.toString(),
                "--date", "2026-10-01", "--as-of", "2026-10-10T00:00:00+09:00");
        assertTrue(nightly.out().contains("runs        4"), nightly.out());

        Cli findings = Cli.expect(0, "sql", "--out", out.toString(), "--format", "csv",
                "select reason_code, controller, job_name, build_number from recon_finding order by 1, 2, 3, 4");
        assertEquals(expected("expected_findings.csv"), findings.out().lines().toList());

        Cli runs = Cli.expect(0, "sql", "--out", out.toString(), "--format", "csv",
                "select controller, job_name, build_number, control_status from recon_run order by 1, 2, 3");
        assertEquals(expected("expected_runs.csv"), runs.out().lines().toList());

        Cli quarantine = Cli.expect(0, "sql", "--out", out.toString(), "--format", "csv", "select count(*) from recon_quarantine");
        assertEquals(List.of("0"), quarantine.csvRows());

        // recon_batch.source_watermark: the latest @timestamp among the build records and audit lines read
        Cli watermark = Cli.expect(0, "sql", "--out", out.toString(), "--format", "csv", "select source_watermark from recon_batch");
        assertEquals(List.of(latestTimestamp(input)), watermark.csvRows().stream().map(t -> Instant.parse(t)).toList());
    }

    /** The latest {@code @timestamp} written in the input's build records and audit-trail files, read as text. */
    private static Instant latestTimestamp(Path input) throws IOException {
        DateTimeFormatter jenkins = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss[.SSS]Z");
        Pattern stamp = Pattern.compile("\"@timestamp\":\\s*\"([^\"]+)\"");
        Instant latest = null;
        List<Path> files = new java.util.ArrayList<>(List.of(input.resolve("builds.ndjson")));
        try (var audit = Files.list(input.resolve("audit"))) {
            files.addAll(audit.toList());
        }
        for (Path file : files) {
            for (String line : Files.readAllLines(file)) {
                Matcher m = stamp.matcher(line);
                while (m.find()) {
                    Instant t = OffsetDateTime.parse(m.group(1), jenkins).toInstant();
                    if (latest == null || t.isAfter(latest)) latest = t;
                }
            }
        }
        return latest;
    }

    @Test
    void malformedLinesAreQuarantinedWhileTheLinesAroundThemAreReconciled() throws Exception {
        Path input = out.resolve("input");
        copyTree(resource("worked-example"), input);
        interleave(input.resolve("builds.ndjson"), List.of(
                "{\"data\": {\"fullProjectName\": \"payments/settle\", \"buildNum\": 99, ",
                "{\"data\": {\"fullProjectName\": \"payments/settle\", \"result\": \"SUCCESS\"}, \"source_host\": \"https://batch-a.jenkins.example/\", \"@buildTimestamp\": \"2026-10-01T02:00:00.000+0900\", \"@timestamp\": \"2026-10-01T02:00:00.000+0900\"}"));
        interleave(input.resolve("audit/batch-a.ndjson"), List.of(
                "{\"message\": \"job/payments/job/settle/ #15 Started by timer, Parameters:[]\", \"@timestamp\": \"yesterday at noon\"}"));
        Path warehouse = out.resolve("with-bad-lines");
        Cli nightly = Cli.expect(0, "nightly", "--input", input.toString(), "--out", warehouse.toString(),
                "--date", "2026-10-01", "--as-of", "2026-10-10T00:00:00+09:00");
        assertTrue(nightly.err().contains("3 quarantined"), nightly.err());
        assertTrue(nightly.out().contains("quarantined 3"), nightly.out());

        Cli findings = Cli.expect(0, "sql", "--out", warehouse.toString(), "--format", "csv",
                "select reason_code, controller, job_name, build_number from recon_finding order by 1, 2, 3, 4");
        assertEquals(expected("expected_findings.csv"), findings.out().lines().toList());
        Cli quarantine = Cli.expect(0, "sql", "--out", warehouse.toString(), "--format", "csv",
                "select source, document_id, reason from recon_quarantine order by 1, 2");
        List<String> rows = quarantine.csvRows();
        assertEquals(3, rows.size(), quarantine.out());
        assertTrue(rows.stream().anyMatch(r -> r.startsWith("builds,") && r.toLowerCase().contains("json")), quarantine.out());
        assertTrue(rows.stream().anyMatch(r -> r.startsWith("builds,") && r.toLowerCase().contains("build number")), quarantine.out());
        assertTrue(rows.stream().anyMatch(r -> r.startsWith("audit,") && r.toLowerCase().contains("time")), quarantine.out());
        assertEquals(List.of("3"), Cli.expect(0, "sql", "--out", warehouse.toString(), "--format", "csv",
                "select quarantined from recon_batch").csvRows());
    }

    /** Puts each bad line after the first line of the file, so valid lines stand on both sides. */
    private static void interleave(Path file, List<String> badLines) throws IOException {
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(file));
        lines.addAll(1, badLines);
        Files.write(file, lines);
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (var paths = Files.walk(from)) {
            for (Path p : paths.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target);
            }
        }
    }

    private static List<String> expected(String file) throws IOException, URISyntaxException {
        return Files.readAllLines(resource("worked-example-expected").resolve(file));
    }

    static Path resource(String name) throws URISyntaxException {
        return Path.of(WorkedExampleTest.class.getResource("/" + name).toURI());
    }
}
