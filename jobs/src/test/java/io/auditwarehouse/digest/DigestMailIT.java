package io.auditwarehouse.digest;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import io.auditwarehouse.cli.Cli;
import io.auditwarehouse.job.BatchPlanner;
import io.auditwarehouse.runtime.SoftwareVersion;
import io.auditwarehouse.runtime.SparkSessions;
import io.auditwarehouse.sinks.BatchRecord;
import io.auditwarehouse.sinks.ParquetWarehouse;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code digest} end to end, in-process through the command line: the files source, the Parquet ledger under --out,
 * and a real SMTP server (GreenMail) on a free loopback port.
 */
class DigestMailIT {

    static final String PASSWORD = "Sm7p-pa55word-never-shown";
    static final String AS_OF = "2026-10-05T09:00:00+09:00";

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("digest@example.com", "digest", PASSWORD))
            .withPerMethodLifecycle(true);

    @TempDir
    Path tmp;

    static final String APPROVALS = """
            approval_no,request_type,controller,job_name,build_number,requester_id,approver_id,status,requested_at,decided_at,valid_from,valid_to,max_runs,reason,updated_at
            FRP-2026-000118,FAILURE_REPORT,batch-a,정산/일마감,118,lee.dev,kim.op,REQUESTED,2026-10-04 20:00:00,,,,,"디스크 부족, 재시도",2026-10-04 20:00:00
            FRP-2026-000101,FAILURE_REPORT,batch-a,정산/일마감,101,lee.dev,kim.op,REQUESTED,2026-10-01 19:30:00,,,,,DB 연결 시간 초과,2026-10-01 19:30:00
            FRP-2026-000007,FAILURE_REPORT,batch-b,payments/settle <daily>,7,choi.dev,park.lead,REQUESTED,2026-10-03 00:00:00,,,,,a < b & c,2026-10-03 00:00:00
            FRP-2026-000120,FAILURE_REPORT,batch-a,운영/백업,120,choi.dev,jung.head,requested,2026-10-02 00:00:00,,,,,,2026-10-02 00:00:00
            FRP-2026-000090,FAILURE_REPORT,batch-a,정산/일마감,90,lee.dev,kim.op,APPROVED,2026-09-30 00:00:00,2026-09-30 03:00:00,,,,,2026-09-30 03:00:00
            CHG-2026-000001,CHANGE,batch-a,정산/일마감,,lee.dev,kim.op,REQUESTED,2026-10-01 00:00:00,,,,,,2026-10-01 00:00:00
            """;

    static final String USERS = """
            user_id,display_name,department,role,active_from,active_to
            kim.op,김운영,운영팀,APPROVER,2025-01-01 00:00:00,
            jung.head,정부장,운영팀,APPROVER,2025-01-01 00:00:00,
            park.lead,박팀장,정산개발팀,APPROVER,2025-01-01 00:00:00,
            lee.dev,이개발,정산개발팀,DEVELOPER,2025-01-01 00:00:00,
            choi.dev,최개발,정산개발팀,DEVELOPER,2025-01-01 00:00:00,
            """;

    private Path input(String approvals) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("input"));
        Files.writeString(dir.resolve("approvals.csv"), approvals, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("users.csv"), USERS, StandardCharsets.UTF_8);
        return dir;
    }

    private Path config(String name, String extra) throws IOException {
        return config(name, SMTP.getSmtp().getPort(), extra);
    }

    private Path config(String name, int port, String extra) throws IOException {
        Path f = tmp.resolve(name);
        Files.writeString(f, """
                mail:
                  smtp: {host: 127.0.0.1, port: %d, security: none%s}
                  from: "감사 창고 <audit@example.com>"
                  to: [head@example.com]
                report: {locale: ko}
                """.formatted(port, extra), StandardCharsets.UTF_8);
        return f;
    }

    private String[] digest(Path config, Path input, Path out, String... more) {
        List<String> args = new ArrayList<>(List.of("digest", "--config", config.toString(), "--input", input.toString(),
                "--out", out.toString(), "--as-of", AS_OF));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    private static List<String> ledger(Path out) {
        return Cli.expect(0, "sql", "--out", out.toString(), "--format", "csv",
                "select batch_id, kind, status, date_from from recon_batch order by batch_id").csvRows();
    }

    private static String text(MimeMessage m) throws Exception {
        return (String) part(m, "text/plain").getContent();
    }

    private static String html(MimeMessage m) throws Exception {
        return (String) part(m, "text/html").getContent();
    }

    private static Part part(MimeMessage m, String type) throws Exception {
        Multipart parts = (Multipart) m.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            if (new ContentType(parts.getBodyPart(i).getContentType()).match(type)) return parts.getBodyPart(i);
        }
        throw new AssertionError("no " + type + " part in " + m.getContentType());
    }

    @Test
    void mailsTheDigestGroupedByApproverOncePerSlot() throws Exception {
        Path input = input(APPROVALS);
        Path out = tmp.resolve("out");
        Path config = config("c.yaml", "");

        Cli first = Cli.expect(0, digest(config, input, out, "--slot", "2026-10-05"));
        assertTrue(first.out().contains("sent        4 failure reports in 3 groups by approver, to 1 recipient"), first.out());
        assertTrue(first.out().contains("ledger      recon_batch digest-2026-10-05 COMPLETED"), first.out());
        assertTrue(SMTP.waitForIncomingEmail(5_000, 1));
        MimeMessage[] received = SMTP.getReceivedMessages();
        assertEquals(1, received.length);
        MimeMessage m = received[0];

        assertTrue(m.getHeader("Subject")[0].startsWith("=?UTF-8?"), "RFC 2047: " + m.getHeader("Subject")[0]);
        assertEquals("[audit-warehouse] 승인 대기 중인 장애 보고 4건 (2026-10-05)", m.getSubject());
        assertEquals("감사 창고", ((InternetAddress) m.getFrom()[0]).getPersonal());
        assertTrue(new ContentType(m.getContentType()).match("multipart/alternative"), m.getContentType());
        assertEquals(2, ((Multipart) m.getContent()).getCount());
        for (String type : List.of("text/plain", "text/html")) {
            assertEquals("utf-8", new ContentType(part(m, type).getContentType()).getParameter("charset").toLowerCase(), type);
        }

        String text = text(m);
        // groups by display name in 가나다 order, each with its count; oldest first within a group
        int kim = text.indexOf("김운영 (kim.op) \u2014 2건");
        int park = text.indexOf("박팀장 (park.lead) \u2014 1건");
        int jung = text.indexOf("정부장 (jung.head) \u2014 1건");
        assertTrue(kim >= 0 && kim < park && park < jung, text);
        assertTrue(text.indexOf("FRP-2026-000101") < text.indexOf("FRP-2026-000118"), "oldest first: " + text);
        assertTrue(text.contains("FRP-2026-000101  경과 3일 4시간  batch-a  정산/일마감 #101"), text);
        assertTrue(text.contains("요청자: 이개발 (lee.dev)"), text);
        assertTrue(text.contains("사유: 디스크 부족, 재시도"), text);
        assertFalse(text.contains("FRP-2026-000090") || text.contains("CHG-2026-000001"), "only requested failure reports");

        String html = html(m);
        assertTrue(html.contains("정산/일마감") && html.contains("김운영 (kim.op) &mdash; 2건"), html);
        assertTrue(html.contains("payments/settle &lt;daily&gt;") && html.contains("a &lt; b &amp; c"), html);
        assertFalse(html.contains("<daily>"), html);
        assertEquals(3, html.split("<table", -1).length - 1, "a table per group");

        Cli again = Cli.expect(0, digest(config, input, out, "--slot", "2026-10-05"));
        assertTrue(again.out().contains("digest for slot 2026-10-05 already sent at "), again.out());
        assertEquals(1, SMTP.getReceivedMessages().length, "never twice for the same slot");

        Cli next = Cli.expect(0, digest(config, input, out, "--slot", "2026-10-06"));
        assertTrue(next.out().contains("digest-2026-10-06 COMPLETED"), next.out());
        assertTrue(SMTP.waitForIncomingEmail(5_000, 2));
        assertEquals(2, SMTP.getReceivedMessages().length, "another slot is another mail");

        assertEquals(List.of("digest-2026-10-05,digest,COMPLETED,2026-10-05", "digest-2026-10-06,digest,COMPLETED,2026-10-06"), ledger(out));
        assertTrue(BatchPlanner.publishedBy(new ParquetWarehouse(SparkSessions.getOrCreate("local[2]"), out.resolve("warehouse")),
                SoftwareVersion.get()).isEmpty(), "a digest row publishes no business date: backfill still reconciles 2026-10-05");
    }

    @Test
    void groupsByTheApproversDepartmentAndSlotsCanBeInstants() throws Exception {
        Path input = input(APPROVALS);
        Path out = tmp.resolve("out");
        Path config = tmp.resolve("dept.yaml");
        Files.writeString(config, Files.readString(config("base.yaml", "")) + "digest: {group_by: department}\n", StandardCharsets.UTF_8);

        String slot = "2026-10-05T09:00:00+09:00";
        Cli r = Cli.expect(0, digest(config, input, out, "--slot", slot));
        assertTrue(r.out().contains("4 failure reports in 2 groups by department"), r.out());
        assertTrue(SMTP.waitForIncomingEmail(5_000, 1));
        MimeMessage m = SMTP.getReceivedMessages()[0];
        assertEquals("[audit-warehouse] 승인 대기 중인 장애 보고 4건 (2026-10-05 09:00)", m.getSubject());
        String text = text(m);
        int ops = text.indexOf("운영팀 \u2014 3건");
        int dev = text.indexOf("정산개발팀 \u2014 1건");
        assertTrue(ops >= 0 && ops < dev, text);
        // oldest first across the department's approvers, each row naming its approver
        assertTrue(text.indexOf("FRP-2026-000101") < text.indexOf("FRP-2026-000120")
                && text.indexOf("FRP-2026-000120") < text.indexOf("FRP-2026-000118"), text);
        assertTrue(text.contains("승인자: 정부장 (jung.head)"), text);
        assertTrue(html(m).contains("<h3 style=\"margin: 20px 0 6px 0;\">운영팀 &mdash; 3건</h3>"), html(m));

        // the same instant written in UTC is the same slot
        assertTrue(Cli.expect(0, digest(config, input, out, "--slot", "2026-10-05T00:00:00Z")).out().contains("already sent"));
        assertEquals(1, SMTP.getReceivedMessages().length);
        assertEquals(List.of("digest-20261005T000000Z,digest,COMPLETED,2026-10-05"), ledger(out));
    }

    @Test
    void nothingToReportSendsNothing() throws Exception {
        String none = APPROVALS.lines().filter(l -> l.startsWith("approval_no") || l.contains("APPROVED") || l.startsWith("CHG"))
                .reduce("", (a, b) -> a + b + "\n");
        Path out = tmp.resolve("out");
        Cli r = Cli.expect(0, digest(config("c.yaml", ""), input(none), out, "--slot", "2026-10-05"));
        assertTrue(r.out().contains("no failure report awaiting approval among 2 approval records; no mail sent"), r.out());
        assertEquals(0, SMTP.getReceivedMessages().length);
        assertEquals(List.of("digest-2026-10-05,digest,SKIPPED,2026-10-05"), ledger(out));
    }

    @Test
    void missingMailSettingsExitTwoNamingTheKey() throws Exception {
        Path input = input(APPROVALS);
        Path noHost = tmp.resolve("no-host.yaml");
        Files.writeString(noHost, "mail: {from: audit@example.com, to: [head@example.com]}\n");
        Cli r = Cli.expect(2, digest(noHost, input, tmp.resolve("out")));
        assertTrue(r.err().contains("mail.smtp.host"), r.err());
        Path noTo = tmp.resolve("no-to.yaml");
        Files.writeString(noTo, "mail: {smtp: {host: 127.0.0.1}, from: audit@example.com}\n");
        assertTrue(Cli.expect(2, digest(noTo, input, tmp.resolve("out"))).err().contains("mail.to"));
        assertEquals(0, SMTP.getReceivedMessages().length);
    }

    @Test
    void anUnreachableServerExitsThreeNamingItAndTheNextRunSends() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        Path input = input(APPROVALS);
        Path out = tmp.resolve("out");
        Cli r = Cli.expect(3, digest(config("down.yaml", closed, ""), input, out, "--slot", "2026-10-05"));
        List<String> errors = r.err().lines().filter(l -> l.startsWith("error")).toList();
        assertEquals(1, errors.size(), r.err());
        assertTrue(errors.get(0).startsWith("error (source unavailable): mail server: ") && errors.get(0).contains("unreachable")
                && errors.get(0).contains("127.0.0.1:" + closed), errors.get(0));
        assertEquals(List.of("digest-2026-10-05,digest,FAILED,2026-10-05"), ledger(out));

        Cli.expect(0, digest(config("up.yaml", ""), input, out, "--slot", "2026-10-05"));
        assertTrue(SMTP.waitForIncomingEmail(5_000, 1));
        assertEquals(List.of("digest-2026-10-05,digest,COMPLETED,2026-10-05"), ledger(out));
    }

    @Test
    void aLedgerThatCannotBeWrittenExitsFourAndSendsNothing() throws Exception {
        Path out = tmp.resolve("out-is-a-file");
        Files.writeString(out, "not a folder");
        Cli r = Cli.expect(4, digest(config("c.yaml", ""), input(APPROVALS), out, "--slot", "2026-10-05"));
        List<String> errors = r.err().lines().filter(l -> l.startsWith("error")).toList();
        assertEquals(1, errors.size(), r.err());
        assertTrue(errors.get(0).contains("write failed"), errors.get(0));
        assertEquals(0, SMTP.getReceivedMessages().length, "no mail without its ledger row");
    }

    @Test
    void anAttemptThatNeverFinishedIsNotRepeatedUnlessForced() throws Exception {
        Path input = input(APPROVALS);
        Path out = tmp.resolve("out");
        // what a process killed while sending leaves behind
        Instant now = Instant.now();
        new ParquetWarehouse(SparkSessions.getOrCreate("local[2]"), out.resolve("warehouse")).recordBatch(BatchRecord.started(
                "digest-2026-10-05", "digest", LocalDate.of(2026, 10, 5), LocalDate.of(2026, 10, 5), now, now, SoftwareVersion.get(), "x")
                .reading(BatchRecord.SourcesRead.approvals(6, 5, 0)).noting("sending 4 failure report(s)"));
        Path config = config("c.yaml", "");
        Cli refused = Cli.expect(1, digest(config, input, out, "--slot", "2026-10-05"));
        assertTrue(refused.err().contains("did not finish") && refused.err().contains("--force"), refused.err());
        assertEquals(0, SMTP.getReceivedMessages().length);

        Cli.expect(0, digest(config, input, out, "--slot", "2026-10-05", "--force"));
        assertTrue(SMTP.waitForIncomingEmail(5_000, 1));
        assertEquals(List.of("digest-2026-10-05,digest,COMPLETED,2026-10-05"), ledger(out));
        assertTrue(Cli.expect(0, digest(config, input, out, "--slot", "2026-10-05", "--force")).out().contains("already sent"),
                "--force never resends a completed slot");
        assertEquals(1, SMTP.getReceivedMessages().length);
    }

    @Test
    void logsInWithThePasswordFromAFileAndNeverShowsIt() throws Exception {
        Path input = input(APPROVALS);
        Path out = tmp.resolve("out");
        Path secret = tmp.resolve("smtp-password");
        Files.writeString(secret, PASSWORD + "\n");
        Path wrong = tmp.resolve("wrong-password");
        Files.writeString(wrong, "not-" + PASSWORD + "\n");
        List<Cli> runs = new ArrayList<>();

        Cli refused = Cli.expect(2, digest(config("wrong.yaml", ", user: digest, password_file: \"" + wrong + "\""), input, out,
                "--slot", "2026-10-05", "--verbose"));
        runs.add(refused);
        assertTrue(refused.err().contains("mail.smtp.user") && refused.err().contains("refused the login of digest"), refused.err());
        assertEquals(0, SMTP.getReceivedMessages().length);

        Path good = config("good.yaml", ", user: digest, password_file: \"" + secret + "\"");
        runs.add(Cli.expect(0, digest(good, input, out, "--slot", "2026-10-05", "--verbose")));
        assertTrue(SMTP.waitForIncomingEmail(5_000, 1));
        runs.add(Cli.expect(0, digest(good, input, out, "--slot", "2026-10-05", "--verbose")));
        assertEquals(1, SMTP.getReceivedMessages().length);

        for (Cli r : runs) {
            assertFalse(r.out().contains(PASSWORD) || r.err().contains(PASSWORD), r.out() + r.err());
        }
        Cli all = Cli.expect(0, "sql", "--out", out.toString(), "--format", "json", "select * from recon_batch");
        assertTrue(all.out().contains("digest-2026-10-05") && all.out().contains("COMPLETED"), all.out());
        assertFalse(all.out().contains(PASSWORD), all.out());
        try (Stream<Path> files = Files.walk(out)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertFalse(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1).contains(PASSWORD), "password written to " + f);
            }
        }
        String wire = new String(SMTP.getReceivedMessages()[0].getRawInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        assertFalse(wire.contains(PASSWORD));
    }
}
