package io.auditwarehouse.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.auditwarehouse.cli.Cli;
import io.auditwarehouse.testing.PackageWorkbook;
import io.auditwarehouse.testing.SecretScan;
import io.auditwarehouse.testing.WrittenTexts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * report.pseudonymise on the worked example (issue 12 §3), plus quarantined audit lines that print display names,
 * Korean among them: no user id or display name of users.csv anywhere in the package, pseudonyms as the issue defines
 * them (HMAC-SHA-256 of the user id, truncated), stable across months, different under another key; verify,
 * reproduce and reveal work on it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PseudonymisedPackageTest {

    static final String KEY = "test-pseudonym-key-0123456789";
    static final String OTHER_KEY = "another-pseudonym-key-9876543210";
    /** users.csv of the worked example: ids and display names. */
    static final List<String> USER_IDS = List.of("kim.op", "choi.op", "lee.dev", "park.lead", "jung.old");
    static final List<String> DISPLAY_NAMES = List.of("Kim Operator", "최운영", "Lee Developer", "Park Lead", "Jung Former");

    @TempDir
    static Path tmp;
    Path out;
    Path config;
    Path input;
    Path october;

    @BeforeAll
    void reconcileTwoMonthsAndReport() throws Exception {
        out = tmp.resolve("out");
        config = config("pseudo.yaml", KEY);
        input = tmp.resolve("input-october");
        copy(Path.of(getClass().getResource("/worked-example").toURI()), input, Map.of());
        // lines the job rejects, printing display names (the audit trail's "Started by user <name>"), kept as raw excerpts
        Files.writeString(input.resolve("audit/batch-a.ndjson"), String.join("\n",
                "{\"message\": \"job/payments/job/settle/ #15 Started by user Kim Operator, Parameters:[]\", \"@timestamp\": \"not a time\"}",
                "{\"message\": \"job/payments/job/settle/ #16 Started by user 최운영, Parameters:[]\", \"@timestamp\": \"yesterday\"}",
                "{\"message\": \"job/payments/job/settle/ #17 Started by user Jung Former (jung.old)\", \"@timestamp\": \"soon\"}", ""),
                java.nio.file.StandardOpenOption.APPEND);
        Cli.expect(0, "nightly", "--input", input.toString(), "--out", out.toString(), "--date", "2026-10-01",
                "--as-of", "2026-10-10T00:00:00+09:00");
        Cli.expect(0, "report", "--config", config.toString(), "--input", input.toString(), "--out", out.toString(), "--month", "2026-10");
        october = out.resolve("reports/2026-10");

        // the same runs a month later: the worked example with its dates moved on by one month
        Path november = tmp.resolve("input-november");
        copy(Path.of(getClass().getResource("/worked-example").toURI()), november,
                Map.of("2026-10-01", "2026-11-01", "2026-09-30", "2026-10-31", "2026.10.01", "2026.11.01"));
        Cli.expect(0, "nightly", "--input", november.toString(), "--out", out.toString(), "--date", "2026-11-01",
                "--as-of", "2026-11-10T00:00:00+09:00");
        // November is first issued with real names, then pseudonymised: the findings are the same, so nothing is restated
        Cli.expect(0, "report", "--input", november.toString(), "--out", out.toString(), "--month", "2026-11");
        Cli.expect(0, "report", "--config", config.toString(), "--input", november.toString(), "--out", out.toString(), "--month", "2026-11");
    }

    @Test
    void noUserIdOrDisplayNameAnywhereInThePackage() throws Exception {
        Map<String, String> texts = WrittenTexts.of(october);
        assertTrue(texts.keySet().stream().anyMatch(k -> k.endsWith(".pdf (text)")), texts.keySet().toString());
        assertTrue(texts.keySet().stream().anyMatch(k -> k.contains(".xlsx!xl/")), texts.keySet().toString());
        assertTrue(texts.get(october.resolve("csv/recon_quarantine.csv").toString()).contains("Started by user U-"),
                "the quarantined lines are in the package, their names replaced");
        List<String> leaks = new ArrayList<>();
        texts.forEach((where, text) -> {
            String lower = new String(text.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
            for (String name : names()) {
                if (text.toLowerCase(Locale.ROOT).contains(name.toLowerCase(Locale.ROOT))
                        || lower.contains(name.toLowerCase(Locale.ROOT))) leaks.add(name + " in " + where);
            }
        });
        // the workbook as POI reads it: every cell's shown value
        for (List<String> row : PackageWorkbook.cells(october.resolve("evidence-2026-10.xlsx"))) {
            for (String cell : row) {
                for (String name : names()) if (cell.toLowerCase(Locale.ROOT).contains(name.toLowerCase(Locale.ROOT))) leaks.add(name + " in " + row);
            }
        }
        assertEquals(List.of(), leaks);
        SecretScan.assertAbsent(List.of(KEY), List.of(), List.of(out.resolve("reports")));
    }

    @Test
    void pseudonymisingAMonthIssuedWithNamesRestatesNothingAndLeaksNothing() throws Exception {
        Path november = out.resolve("reports/2026-11");
        assertEquals(List.of("change,finding_id,control_id,reason_code,business_date,subject,before,after"),
                Files.readAllLines(november.resolve("csv/restatements.csv")).stream().map(l -> l.replace("\uFEFF", "")).toList());
        List<String> leaks = new ArrayList<>();
        WrittenTexts.of(november).forEach((where, text) -> {
            for (String name : names()) if (text.toLowerCase(Locale.ROOT).contains(name.toLowerCase(Locale.ROOT))) leaks.add(name + " in " + where);
        });
        assertEquals(List.of(), leaks);
    }

    @Test
    void pseudonymsAreTheKeyedHmacOfTheUserId() throws Exception {
        String runs = Files.readString(october.resolve("csv/recon_run.csv"));
        // settle #12: executor lee.dev, approval CHG-1 requested by lee.dev and approved by park.lead
        assertTrue(runs.contains(pseudonym(KEY, "lee.dev") + ",CHG-1,EXECUTE,APPROVED," + pseudonym(KEY, "lee.dev") + ","
                + pseudonym(KEY, "park.lead")), runs);
        String findings = Files.readString(october.resolve("csv/recon_finding.csv"));
        assertTrue(findings.contains(pseudonym(KEY, "lee.dev") + " requested CHG-1 and executed the run"), findings);
        String quarantine = Files.readString(october.resolve("csv/recon_quarantine.csv"));
        assertTrue(quarantine.contains("Started by user " + pseudonym(KEY, "choi.op")), quarantine);
        assertTrue(quarantine.contains(pseudonym(KEY, "jung.old") + " (" + pseudonym(KEY, "jung.old") + ")"), quarantine);
    }

    @Test
    void theManifestRecordsTheKeysFingerprintNotTheKey() throws Exception {
        JsonNode m = new ObjectMapper().readTree(october.resolve("manifest.json").toFile());
        assertTrue(m.path("pseudonymisation").path("pseudonymised").asBoolean(), m.toString());
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(KEY.getBytes(StandardCharsets.UTF_8)));
        assertEquals("sha256:" + sha.substring(0, 16), m.path("pseudonymisation").path("key_fingerprint").asText());
    }

    @Test
    void theSameKeyGivesTheSamePseudonymsNextMonth() throws Exception {
        String november = Files.readString(out.resolve("reports/2026-11/csv/recon_run.csv"));
        for (String id : List.of("kim.op", "lee.dev", "park.lead")) {
            String p = pseudonym(KEY, id);
            assertTrue(Files.readString(october.resolve("csv/recon_run.csv")).contains(p), id);
            assertTrue(november.contains(p), id + " is " + p + " in November too:\n" + november);
        }
        assertEquals(List.of(), PackageVerifier.verify(out.resolve("reports/2026-11")), "November verifies, chained to October");
    }

    @Test
    void anotherKeyGivesOtherPseudonyms() throws Exception {
        Path other = tmp.resolve("other-key-out");
        Cli.expect(0, "nightly", "--input", input.toString(), "--out", other.toString(), "--date", "2026-10-01",
                "--as-of", "2026-10-10T00:00:00+09:00");
        Cli.expect(0, "report", "--config", config("other.yaml", OTHER_KEY).toString(), "--input", input.toString(),
                "--out", other.toString(), "--month", "2026-10");
        String runs = Files.readString(other.resolve("reports/2026-10/csv/recon_run.csv"));
        for (String id : List.of("kim.op", "lee.dev", "park.lead")) {
            assertNotEquals(pseudonym(KEY, id), pseudonym(OTHER_KEY, id));
            assertTrue(runs.contains(pseudonym(OTHER_KEY, id)) && !runs.contains(pseudonym(KEY, id)), runs);
        }
    }

    @Test
    void thePackageVerifiesAndReproduces() {
        assertEquals(List.of(), assertDoesNotThrowVerify(october));
        Cli r = Cli.expect(0, "report", "--config", config.toString(), "--input", input.toString(), "--out", out.toString(),
                "--month", "2026-10", "--reproduce");
        assertTrue(r.out().startsWith("reproduced: identical"), r.out());
        Cli noKey = Cli.expect(2, "report", "--out", out.toString(), "--month", "2026-10", "--reproduce");
        assertTrue(noKey.err().contains("pseudonymised"), noKey.err());
    }

    @Test
    void revealMapsPseudonymsBackWithTheKey() throws Exception {
        Cli r = Cli.expect(0, "reveal", "--config", config.toString(), "--input", input.toString(), "--out", out.toString(),
                pseudonym(KEY, "lee.dev"), pseudonym(KEY, "kim.op").toLowerCase(Locale.ROOT));
        assertEquals(List.of(pseudonym(KEY, "lee.dev") + "  lee.dev  Lee Developer",
                pseudonym(KEY, "kim.op").toLowerCase(Locale.ROOT) + "  kim.op  Kim Operator"), r.out().lines().toList());
        // a user the warehouse names but the users relation does not (an input folder without users.csv)
        Path noUsers = Files.createDirectories(tmp.resolve("no-users"));
        Files.copy(input.resolve("approvals.csv"), noUsers.resolve("approvals.csv"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Cli fromWarehouse = Cli.expect(0, "reveal", "--config", config.toString(), "--input", noUsers.toString(),
                "--out", out.toString(), pseudonym(KEY, "park.lead"));
        assertEquals(List.of(pseudonym(KEY, "park.lead") + "  park.lead"), fromWarehouse.out().lines().toList());
        Cli unknown = Cli.expect(1, "reveal", "--config", config.toString(), "--input", input.toString(), "--out", out.toString(),
                pseudonym(OTHER_KEY, "lee.dev"));
        assertTrue(unknown.out().contains("not found"), unknown.out());
    }

    @Test
    void aMissingKeyIsAOneLineConfigError() throws Exception {
        Path noKey = Files.writeString(tmp.resolve("no-key.yaml"), "report: {pseudonymise: true}\n");
        Cli r = Cli.expect(2, "report", "--config", noKey.toString(), "--out", out.toString(), "--month", "2026-10");
        assertEquals(List.of("error (configuration error): report.pseudonymise: needs a key: set report.pseudonym_key_env or "
                + "report.pseudonym_key_file", "(run with --verbose for details)"), r.err().lines().toList());
        Cli reveal = Cli.expect(2, "reveal", "--out", out.toString(), "U-12345678");
        assertTrue(reveal.err().contains("report.pseudonym_key_env"), reveal.err());
    }

    private static List<String> names() {
        List<String> all = new ArrayList<>(USER_IDS);
        all.addAll(DISPLAY_NAMES);
        return all;
    }

    private static List<String> assertDoesNotThrowVerify(Path dir) {
        try {
            return PackageVerifier.verify(dir);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    /** issue 12: "U-" and the HMAC-SHA-256 of the user id under the key, truncated (to 8 hex digits here). */
    static String pseudonym(String key, String userId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "U-" + HexFormat.of().withUpperCase().formatHex(mac.doFinal(userId.getBytes(StandardCharsets.UTF_8))).substring(0, 8);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private Path config(String name, String key) throws Exception {
        Path keyFile = Files.writeString(tmp.resolve(name + ".key"), key + "\n");
        return Files.writeString(tmp.resolve(name), "report: {pseudonymise: true, pseudonym_key_file: \"" + keyFile + "\"}\n");
    }

    /** Copies a folder, replacing text in every file. */
    static void copy(Path from, Path to, Map<String, String> replacements) throws Exception {
        try (var paths = Files.walk(from)) {
            for (Path p : paths.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                    continue;
                }
                String text = Files.readString(p);
                for (var r : replacements.entrySet()) text = text.replace(r.getKey(), r.getValue());
                Files.writeString(target, text);
            }
        }
    }
}
