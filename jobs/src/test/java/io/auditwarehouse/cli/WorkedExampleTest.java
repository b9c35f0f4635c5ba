package io.auditwarehouse.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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
    }

    private static List<String> expected(String file) throws IOException, URISyntaxException {
        return Files.readAllLines(resource("worked-example-expected").resolve(file));
    }

    static Path resource(String name) throws URISyntaxException {
        return Path.of(WorkedExampleTest.class.getResource("/" + name).toURI());
    }
}
