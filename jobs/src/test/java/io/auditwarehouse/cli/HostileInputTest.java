package io.auditwarehouse.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.auditwarehouse.model.Approval;
import io.auditwarehouse.model.AuditBuildLine;
import io.auditwarehouse.model.BuildDocument;
import io.auditwarehouse.model.Decoded;
import io.auditwarehouse.model.QuarantineRecord;
import io.auditwarehouse.sources.files.ApprovalsCsv;
import io.auditwarehouse.sources.files.NdjsonLine;
import io.auditwarehouse.sources.files.Parsed;
import io.auditwarehouse.sources.jenkins.AuditTrailDecoder;
import io.auditwarehouse.sources.jenkins.ColumnWidths;
import io.auditwarehouse.sources.jenkins.ControllerIds;
import io.auditwarehouse.sources.jenkins.LogstashBuildDecoder;
import io.auditwarehouse.testing.HostileInput;
import io.auditwarehouse.testing.HostileInput.Mutant;
import io.auditwarehouse.testing.HostileInput.Mutation;
import io.auditwarehouse.testing.LoggedThrowables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hostile input at scale (issue 10): 10,500 mutants of real-format build documents, audit-trail lines and approval rows,
 * from a fixed seed, mixed into a small generated month. Nothing crashes, every document is either read or quarantined
 * with a reason, and the month's own findings stay exactly those of the month without the noise.
 * <p>
 * "Ignored" (neither read nor quarantined, inputs.md §4, §6): a blank line, and an audit-trail message that is neither a
 * build line nor a request on a job ({@code /configure}, log-ins, ...). Everything else is a document that is read or
 * quarantined. The mutants stay in their own namespace ({@link HostileInput}), so the real controllers' findings cannot move.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputTest {

    private static final long SEED = 20_261_010L;
    private static final int BUILD_MUTANTS = 4_500;
    private static final int AUDIT_MUTANTS = 4_000;
    private static final int APPROVAL_MUTANTS = 2_000;
    private static final String MONTH = "2026-10";
    private static final String FINDINGS = "select reason_code, cast(business_date as string), controller, coalesce(job_name, ''), "
            + "coalesce(cast(build_number as string), ''), coalesce(approval_no, ''), coalesce(actor, ''), "
            + "coalesce(cast(occurred_at as string), ''), coalesce(detail, '') from recon_finding";

    @TempDir
    static Path tmp;
    Path valid;
    Path mixed;
    String asOf;
    List<String> controllers;
    List<Mutant> builds;
    List<Mutant> audit;
    List<Mutant> approvals;
    Cli cleanRun;
    Cli mixedRun;
    List<String> loggedThrowables;

    @BeforeAll
    void generateMutateAndBackfill() throws IOException {
        valid = tmp.resolve("valid");
        Cli.expect(0, "generate", "--month", MONTH, "--runs", "300", "--seed", "7", "--out", valid.toString());
        JsonNode generation = new ObjectMapper().readTree(valid.resolve("generation.json").toFile());
        asOf = generation.get("as_of").asText();
        controllers = new ArrayList<>();
        generation.get("controllers").forEach(c -> controllers.add(c.asText()));
        assertFalse(controllers.contains(HostileInput.CONTROLLER));

        HostileInput fuzzer = new HostileInput(SEED);
        List<String> auditSeeds = new ArrayList<>();
        for (Path f : auditFiles(valid)) auditSeeds.addAll(Files.readAllLines(f));
        builds = fuzzer.builds(Files.readAllLines(valid.resolve("builds.ndjson")), BUILD_MUTANTS);
        audit = fuzzer.audit(auditSeeds, AUDIT_MUTANTS);
        approvals = fuzzer.approvals(Files.readAllLines(valid.resolve("approvals.csv")), APPROVAL_MUTANTS);

        mixed = tmp.resolve("mixed");
        Files.createDirectories(mixed.resolve("audit"));
        Files.copy(valid.resolve("users.csv"), mixed.resolve("users.csv"));
        for (Path f : auditFiles(valid)) Files.copy(f, mixed.resolve("audit").resolve(f.getFileName()));
        Random mix = new Random(SEED);
        Files.write(mixed.resolve("builds.ndjson"), interleave(lines(valid.resolve("builds.ndjson")), builds, 0, mix));
        Files.write(mixed.resolve("audit").resolve(HostileInput.CONTROLLER + ".ndjson"), interleave(List.of(), audit, 0, mix));
        Files.write(mixed.resolve("approvals.csv"), interleave(lines(valid.resolve("approvals.csv")), approvals, 1, mix));

        try (LoggedThrowables logged = LoggedThrowables.capture()) {
            cleanRun = backfill(valid, tmp.resolve("clean-out"));
            mixedRun = backfill(mixed, tmp.resolve("mixed-out"));
            loggedThrowables = logged.seen();
        }
    }

    /** (1) Each decoder on each mutant, directly: a document, a quarantine row with a reason, or (audit only) ignored. */
    @Test
    void everyMutantIsDecodedOrQuarantinedWithAReasonAndNothingThrows() {
        assertTrue(builds.size() + audit.size() + approvals.size() >= 10_000);
        LogstashBuildDecoder buildDecoder = new LogstashBuildDecoder(ControllerIds.derived());
        AuditTrailDecoder auditDecoder = new AuditTrailDecoder();
        Map<Mutation, int[]> quarantinedOfKind = new EnumMap<>(Mutation.class);
        Map<Mutation, int[]> jsonQuarantinedOfKind = new EnumMap<>(Mutation.class);
        for (Mutant m : builds) {
            Decoded d = ndjson(m.line(), LogstashBuildDecoder.SOURCE, text -> buildDecoder.decode(text, "builds.ndjson@0"));
            assertTrue(d.event() != null || d.quarantine() != null, "a build document is never ignored: " + excerpt(m));
            if (d.event() instanceof BuildDocument doc) {
                assertFits(m, doc.controller(), ColumnWidths.CONTROLLER, doc.jobName(), ColumnWidths.JOB_NAME, doc.approvalNo(),
                        ColumnWidths.APPROVAL_NO, doc.result(), ColumnWidths.RESULT, doc.node(), ColumnWidths.PERSON_OR_NODE);
            }
            if (d.quarantine() != null) assertReason(d.quarantine(), m);
            tally(quarantinedOfKind, m, d.quarantine() != null);
            tally(jsonQuarantinedOfKind, m, d.quarantine() != null);
        }
        int ignoredAudit = 0;
        for (Mutant m : audit) {
            Decoded d = ndjson(m.line(), AuditTrailDecoder.SOURCE, text -> auditDecoder.decode(text, "audit/fuzz.ndjson@0", "fuzz"));
            if (d.quarantine() != null) assertReason(d.quarantine(), m);
            if (d.event() == null && d.quarantine() == null) ignoredAudit++;
            if (d.event() instanceof AuditBuildLine line) {
                assertFits(m, line.controller(), ColumnWidths.CONTROLLER, line.jobName(), ColumnWidths.JOB_NAME, line.approvalNo(),
                        ColumnWidths.APPROVAL_NO, line.result(), ColumnWidths.RESULT, line.node(), ColumnWidths.PERSON_OR_NODE);
            }
            tally(quarantinedOfKind, m, d.quarantine() != null);
            tally(jsonQuarantinedOfKind, m, d.quarantine() != null);
        }
        for (Mutant m : approvals) {
            Parsed<Approval> p = approvalRows(m.line());
            assertEquals(1, p.rows().size() + p.rejected().size(), "one row in, one row out: " + excerpt(m));
            p.rejected().forEach(q -> assertReason(q, m));
            p.rows().forEach(a -> assertFits(m, a.controller(), ColumnWidths.CONTROLLER, a.jobName(), ColumnWidths.JOB_NAME,
                    a.approvalNo(), ColumnWidths.APPROVAL_NO));
            tally(quarantinedOfKind, m, !p.rejected().isEmpty());
        }
        // each mutation was applied, and the ones that break the format by construction are always quarantined
        assertEquals(Mutation.values().length, quarantinedOfKind.size(), "every mutation applied: " + quarantinedOfKind.keySet());
        // (a truncated approval row may still be a valid one: "2026-10-12 02:57:05" cut to "2026-10-12 02:57")
        for (Mutation always : List.of(Mutation.INVALID_UTF8, Mutation.UNBALANCED_QUOTE, Mutation.EXTRA_COLUMNS)) {
            int[] n = quarantinedOfKind.get(always);
            assertEquals(n[0], n[1], always + ": quarantined of applied");
        }
        int[] truncatedJson = jsonQuarantinedOfKind.get(Mutation.TRUNCATED);
        assertEquals(truncatedJson[0], truncatedJson[1], "truncated JSON: quarantined of applied");
        assertTrue(ignoredAudit < audit.size() / 10, "ignored audit mutants " + ignoredAudit);
    }

    /** (2) The whole backfill on the valid month mixed with the mutants. */
    @Test
    void theBackfillReadsOrQuarantinesEveryDocumentAndTheMonthsFindingsDoNotMove() throws IOException {
        for (Cli run : List.of(cleanRun, mixedRun)) {
            assertFalse((run.out() + run.err()).contains("\tat ") || (run.out() + run.err()).contains("Exception"),
                    "no stack trace:\n" + run.out() + run.err());
        }
        assertEquals(List.of(), loggedThrowables, "nothing logged a stack trace (Spark, Hadoop, the job)");
        Path out = tmp.resolve("mixed-out");
        // documents read + quarantined (+ ignored) = the lines fed, per source, counted by decoding each line on its own
        Tally b = tallyNdjson(List.of(mixed.resolve("builds.ndjson")), LogstashBuildDecoder.SOURCE);
        Tally a = tallyNdjson(auditFiles(mixed), AuditTrailDecoder.SOURCE);
        assertEquals(b.nonBlankLines, b.read + b.quarantined, "every non-blank build line is a document");
        assertEquals(a.nonBlankLines, a.read + a.quarantined + a.ignored, "every non-blank audit line is read, quarantined or ignored");
        Parsed<Approval> csv;
        try (Reader r = new InputStreamReader(Files.newInputStream(mixed.resolve("approvals.csv")), StandardCharsets.UTF_8)) {
            csv = ApprovalsCsv.read(r, ZoneOffset.UTC, "approvals.csv");
        }
        long approvalLines = Files.readAllLines(mixed.resolve("approvals.csv"), StandardCharsets.ISO_8859_1).stream()
                .skip(1).filter(l -> !l.isBlank()).count();
        assertEquals(approvalLines, csv.rows().size() + csv.rejected().size(), "every approval line is one row, read or quarantined");

        assertEquals(List.of(b.read + "," + a.read + "," + csv.rows().size() + "," + (b.quarantined + a.quarantined + csv.rejected().size())),
                sql(out, "select distinct builds_read, audit_read, approvals_read, quarantined from recon_batch"), "recon_batch, every chunk");
        Map<String, String> perSource = new TreeMap<>(Map.of(LogstashBuildDecoder.SOURCE, Long.toString(b.quarantined),
                AuditTrailDecoder.SOURCE, Long.toString(a.quarantined), ApprovalsCsv.SOURCE, Integer.toString(csv.rejected().size())));
        assertEquals(perSource.entrySet().stream().map(e -> e.getKey() + "," + e.getValue()).toList(),
                sql(out, "select source, count(*) from recon_quarantine group by source order by source"), "quarantine rows per source");
        assertEquals(List.of("0"), sql(out, "select count(*) from recon_quarantine where reason is null or trim(reason) = ''"));
        assertTrue(mixedRun.err().contains(String.format("%,d quarantined", b.quarantined + a.quarantined + csv.rejected().size())),
                "the progress line: " + mixedRun.err());

        String real = " where controller in ('" + String.join("', '", controllers) + "')";
        List<String> expected = sorted(sql(tmp.resolve("clean-out"), FINDINGS + real));
        assertTrue(expected.size() >= 10, "the month has findings to compare: " + expected.size());
        assertEquals(expected, sorted(sql(out, FINDINGS + real)), "the real controllers' findings");
        assertEquals(List.of(Integer.toString(expected.size())), sql(tmp.resolve("clean-out"), "select count(*) from recon_finding"),
                "without the noise, every finding is on a real controller");
    }

    // ---- helpers ----

    private Cli backfill(Path input, Path out) {
        return Cli.expect(0, "backfill", "--input", input.toString(), "--out", out.toString(), "--from", MONTH + "-01",
                "--to", MONTH + "-31", "--as-of", asOf);
    }

    private static List<String> sql(Path out, String query) {
        return Cli.expect(0, "sql", "--out", out.toString(), "--format", "csv", query).csvRows();
    }

    private static List<String> sorted(List<String> rows) {
        List<String> s = new ArrayList<>(rows);
        Collections.sort(s);
        return s;
    }

    private static Decoded ndjson(byte[] line, String source, java.util.function.Function<String, Decoded> decoder) {
        return NdjsonLine.decode(line, line.length, source, source + "@0", decoder);
    }

    private static Parsed<Approval> approvalRows(byte[] row) {
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        csv.writeBytes((String.join(",", "approval_no", "request_type", "controller", "job_name", "build_number", "requester_id",
                "approver_id", "status", "requested_at", "decided_at", "valid_from", "valid_to", "max_runs", "reason", "updated_at")
                + "\n").getBytes(StandardCharsets.UTF_8));
        csv.writeBytes(row);
        return ApprovalsCsv.read(new InputStreamReader(new ByteArrayInputStream(csv.toByteArray()), StandardCharsets.UTF_8),
                ZoneOffset.UTC, "approvals.csv");
    }

    private static void assertReason(QuarantineRecord q, Mutant m) {
        assertNotNull(q.reason(), "reason for " + excerpt(m));
        assertFalse(q.reason().isBlank(), "reason for " + excerpt(m));
        assertFalse(q.reason().contains("\n"), "one-line reason: " + q.reason());
    }

    /** What is read fits the warehouse columns (value, width, value, width, ...): the MySQL warehouse refuses more. */
    private static void assertFits(Mutant m, Object... valuesAndWidths) {
        for (int i = 0; i < valuesAndWidths.length; i += 2) {
            String v = (String) valuesAndWidths[i];
            assertTrue(v == null || v.length() <= (Integer) valuesAndWidths[i + 1], "too long for its column: " + excerpt(m));
        }
    }

    private static void tally(Map<Mutation, int[]> tally, Mutant m, boolean quarantined) {
        int[] n = tally.computeIfAbsent(m.mutation(), k -> new int[2]);
        n[0]++;
        if (quarantined) n[1]++;
    }

    private static String excerpt(Mutant m) {
        String s = new String(m.line(), StandardCharsets.UTF_8);
        return m.mutation() + " " + (s.length() > 300 ? s.substring(0, 300) + "..." : s);
    }

    private record Tally(long nonBlankLines, long read, long quarantined, long ignored) {
    }

    private static Tally tallyNdjson(List<Path> files, String source) throws IOException {
        LogstashBuildDecoder buildDecoder = new LogstashBuildDecoder(ControllerIds.derived());
        AuditTrailDecoder auditDecoder = new AuditTrailDecoder();
        long lines = 0, read = 0, quarantined = 0, ignored = 0;
        for (Path f : files) {
            String controller = ControllerIds.derived().forAuditFile(f.getFileName().toString());
            for (byte[] line : lines(f)) {
                if (new String(line, StandardCharsets.ISO_8859_1).isBlank()) continue;
                lines++;
                Decoded d = ndjson(line, source, text -> source.equals(LogstashBuildDecoder.SOURCE)
                        ? buildDecoder.decode(text, "x") : auditDecoder.decode(text, "x", controller));
                if (d.event() != null) read++;
                else if (d.quarantine() != null) quarantined++;
                else ignored++;
            }
        }
        return new Tally(lines, read, quarantined, ignored);
    }

    private static List<Path> auditFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir.resolve("audit"))) {
            return s.filter(p -> p.toString().endsWith(".ndjson")).sorted().collect(Collectors.toList());
        }
    }

    /** The file's lines as bytes, split at LF only. */
    private static List<byte[]> lines(Path file) throws IOException {
        byte[] all = Files.readAllBytes(file);
        List<byte[]> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= all.length; i++) {
            if (i == all.length || all[i] == '\n') {
                if (i > start || i < all.length) lines.add(java.util.Arrays.copyOfRange(all, start, i));
                start = i + 1;
            }
        }
        return lines;
    }

    /** The valid lines (the first {@code keep} of them in place) with the mutants at random places among them. */
    private static byte[] interleave(List<byte[]> valid, List<Mutant> mutants, int keep, Random rng) {
        List<byte[]> lines = new ArrayList<>(valid);
        for (Mutant m : mutants) {
            for (byte b : m.line()) if (b == '\n') throw new IllegalStateException("a mutant is one line: " + m.mutation());
            lines.add(keep + rng.nextInt(lines.size() - keep + 1), m.line());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] l : lines) {
            out.writeBytes(l);
            out.write('\n');
        }
        return out.toByteArray();
    }
}
