package io.auditwarehouse.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.auditwarehouse.testing.ChatReceiver;
import io.auditwarehouse.sinks.MySqlTestConfig;
import io.auditwarehouse.testing.LocalCommands;
import io.auditwarehouse.testing.MySqlServer;
import io.auditwarehouse.testing.RealServices;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Chat alerts through the command line on the worked example, against a real HTTP receiver: a Slack-compatible
 * webhook, a NAVER WORKS bot, and a webhook that is down for the first run. Its one HIGH finding (EXECUTOR_IS_REQUESTER
 * on #12, controls.md) is announced once per target across two nightlies and restatements that withdraw and bring back
 * a HIGH finding (NO_STANDING_APPROVAL on #14 when the registration REG-7 is missing); the target that was down is
 * caught up on the next run and the first batch records {@code notify: partial}. A failed nightly and an issued
 * package are announced too. The MySQL warehouse keeps the ledger as the embedded one does.
 */
@ExtendWith(RealServices.class)
class ChatAlertsIT {

    static final String AS_OF = "2026-10-10T00:00:00+09:00";
    static final String HEAD = "[감사 증적 웨어하우스] ";

    @TempDir
    Path tmp;

    ChatReceiver receiver;
    ChatReceiver late;

    @BeforeEach
    void start() throws Exception {
        receiver = ChatReceiver.start();
    }

    @AfterEach
    void stop() {
        receiver.close();
        if (late != null) late.close();
    }

    private Path config(int downPort) throws Exception {
        String targets = ChatReceiver.webhookTarget("slack", receiver.url("/hooks/slack"), tmp)
                + receiver.worksTarget("works", KeyPairGenerator.getInstance("RSA").generateKeyPair(), "works-client-secret", tmp)
                + ChatReceiver.webhookTarget("late", "http://127.0.0.1:" + downPort + "/hooks/late", tmp);
        return Files.writeString(tmp.resolve("chat.yaml"), "report: {locale: ko}\nnotify:\n  retry: {attempts: 2, max_wait: 10s}\n  targets:\n"
                + targets, StandardCharsets.UTF_8);
    }

    private Path input(boolean withRegistration) throws Exception {
        Path input = tmp.resolve(withRegistration ? "input" : "input-without-reg");
        if (!Files.exists(input)) {
            WorkedExampleTest.copyTree(WorkedExampleTest.resource("worked-example"), input);
            if (!withRegistration) {
                Path approvals = input.resolve("approvals.csv");
                Files.write(approvals, Files.readAllLines(approvals).stream().filter(l -> !l.startsWith("REG-7,")).toList());
            }
        }
        return input;
    }

    private Cli nightly(Path config, Path input, Path out, String date) {
        return Cli.expect(0, "nightly", "--config", config.toString(), "--input", input.toString(), "--out", out.toString(),
                "--date", date, "--as-of", AS_OF);
    }

    private static String finding(Path out, String reason) {
        List<String> rows = Cli.expect(0, "sql", "--out", out.toString(), "--format", "csv",
                "select finding_id from recon_finding where reason_code = '" + reason + "'").csvRows();
        assertEquals(1, rows.size(), reason + ": " + rows);
        return rows.get(0);
    }

    private static String text(ChatReceiver.Request r) throws Exception {
        var body = new ObjectMapper().readTree(r.body());
        return body.has("content") ? body.get("content").get("text").asText() : body.get("text").asText();
    }

    @Test
    void eachHighFindingOncePerTargetAcrossNightliesAndRestatementsAndTheTargetThatWasDownIsCaughtUp() throws Exception {
        int downPort = LocalCommands.freePort();
        Path config = config(downPort);
        Path out = tmp.resolve("out");

        Cli first = nightly(config, input(true), out, "2026-10-01");
        String requester = finding(out, "EXECUTOR_IS_REQUESTER");
        String expected = HEAD + "새 지적사항 1건 (HIGH 이상)\nC2 직무 분리: 1건\n"
                + "- 2026-10-01 C2 HIGH batch-a/payments/settle #12: 실행자가 승인 요청자 본인임 (" + requester + ")";
        List<ChatReceiver.Request> slack = receiver.requests("/hooks/slack");
        assertEquals(1, slack.size());
        assertEquals("{\"text\":" + new ObjectMapper().writeValueAsString(expected) + "}", slack.get(0).body());
        List<ChatReceiver.Request> works = receiver.requests(ChatReceiver.MESSAGES_PATH);
        assertEquals(1, works.size());
        assertEquals("{\"content\":{\"type\":\"text\",\"text\":" + new ObjectMapper().writeValueAsString(expected) + "}}", works.get(0).body());
        String partial = "notify: partial (late: webhook post failed 2 time(s), last unreachable (ConnectException))";
        assertTrue(first.out().contains("chat        " + partial), first.out());
        assertEquals(List.of("\"" + partial + "\""), Cli.expect(0, "sql", "--out", out.toString(), "--format", "csv",
                "select message from recon_batch where kind = 'nightly'").csvRows(), "CSV-quoted for its commas");

        // the second nightly re-reconciles 2026-10-01 in its lookback: nothing new for slack and works; late is up now
        late = ChatReceiver.on(downPort);
        Cli second = nightly(config, input(true), out, "2026-10-02");
        assertEquals(1, receiver.requests("/hooks/slack").size());
        assertEquals(1, receiver.requests(ChatReceiver.MESSAGES_PATH).size());
        assertEquals(1, late.requests("/hooks/late").size());
        assertEquals(expected, text(late.requests("/hooks/late").get(0)));
        assertTrue(second.out().contains("chat        notify: 1 new to 1 of 3 target(s)"), second.out());

        // a restatement without the registration: only the new HIGH finding, to each target
        nightly(config, input(false), out, "2026-10-01");
        String unregistered = finding(out, "NO_STANDING_APPROVAL");
        String restated = HEAD + "새 지적사항 1건 (HIGH 이상)\nC3 스케줄 잡 등록: 1건\n"
                + "- 2026-10-01 C3 HIGH batch-a/payments/settle #14: 잡에 유효한 등록 또는 변경 승인이 없음 (" + unregistered + ")";
        assertEquals(List.of(expected, restated), texts(receiver.requests("/hooks/slack")));
        assertEquals(List.of(expected, restated), texts(receiver.requests(ChatReceiver.MESSAGES_PATH)));
        assertEquals(List.of(expected, restated), texts(late.requests("/hooks/late")));

        // restated back (the finding withdrawn), then again without it: the same finding id, already announced
        nightly(config, input(true), out, "2026-10-01");
        nightly(config, input(false), out, "2026-10-01");
        assertEquals(unregistered, finding(out, "NO_STANDING_APPROVAL"));
        assertEquals(2, receiver.requests("/hooks/slack").size());
        assertEquals(2, receiver.requests(ChatReceiver.MESSAGES_PATH).size());
        assertEquals(2, late.requests("/hooks/late").size());
        assertEquals(2, receiver.requests(ChatReceiver.TOKEN_PATH).size(), "a token for each of the two runs that sent to WORKS");

        assertEquals(List.of("late|" + requester, "late|" + unregistered, "slack|" + requester, "slack|" + unregistered,
                        "works|" + requester, "works|" + unregistered),
                Cli.expect(0, "sql", "--out", out.toString(), "--format", "csv",
                        "select notice_id from recon_notification order by 1").csvRows());
    }

    @Test
    void theMySqlWarehouseKeepsTheLedgerAcrossNightliesAndRestatements(MySqlServer mysql) throws Exception {
        try (MySqlServer.TestDatabase dw = mysql.newDatabase("aw_chat")) {
            Path config = Files.writeString(tmp.resolve("mysql-chat.yaml"), Files.readString(Path.of(MySqlTestConfig.write(tmp, mysql, dw.name())))
                    + "report: {locale: ko}\nnotify:\n  targets:\n" + ChatReceiver.webhookTarget("slack", receiver.url("/hooks/slack"), tmp)
                    + receiver.worksTarget("works", KeyPairGenerator.getInstance("RSA").generateKeyPair(), "works-client-secret", tmp));
            Cli.expect(0, "migrate", "--config", config.toString());
            Path out = tmp.resolve("out");
            nightly(config, input(false), out, "2026-10-01");
            nightly(config, input(false), out, "2026-10-02");
            nightly(config, input(true), out, "2026-10-01");
            nightly(config, input(false), out, "2026-10-01");
            assertEquals(1, receiver.requests("/hooks/slack").size());
            assertEquals(1, receiver.requests(ChatReceiver.MESSAGES_PATH).size());
            String text = text(receiver.requests("/hooks/slack").get(0));
            assertTrue(text.startsWith(HEAD + "새 지적사항 2건 (HIGH 이상)\nC2 직무 분리: 1건\nC3 스케줄 잡 등록: 1건\n"), text);
            List<String> ledger = new ArrayList<>();
            try (Connection c = dw.connect(); Statement st = c.createStatement();
                 ResultSet r = st.executeQuery("SELECT target, kind, COUNT(*) FROM recon_notification GROUP BY target, kind ORDER BY target")) {
                while (r.next()) ledger.add(r.getString(1) + " " + r.getString(2) + " " + r.getInt(3));
            }
            assertEquals(List.of("slack finding 2", "works finding 2"), ledger);
        }
    }

    private static List<String> texts(List<ChatReceiver.Request> requests) throws Exception {
        List<String> t = new java.util.ArrayList<>();
        for (ChatReceiver.Request r : requests) t.add(text(r));
        return t;
    }

    @Test
    void aFailedNightlyIsAnnouncedAtOnceWithItsExitCodeAndReasonAndTheTargetThatWasDownGetsItFirstOnTheNextRun() throws Exception {
        int downPort = LocalCommands.freePort();
        Path config = config(downPort);
        Path missing = tmp.resolve("no-such-input");
        Cli failed = Cli.run("nightly", "--config", config.toString(), "--input", missing.toString(), "--out", tmp.resolve("out").toString(),
                "--date", "2026-10-01", "--as-of", AS_OF);
        assertEquals(ExitCodes.USAGE, failed.exitCode(), failed.err());
        String line = failed.err().lines().filter(l -> l.startsWith("error (")).findFirst().orElseThrow();
        String reason = line.substring(line.indexOf("): ") + 3);
        String expected = HEAD + "배치 실패: nightly 2026-09-24 .. 2026-10-01, 종료 코드 2: " + reason;
        assertEquals(List.of(expected), texts(receiver.requests("/hooks/slack")));
        assertEquals(List.of(expected), texts(receiver.requests(ChatReceiver.MESSAGES_PATH)));

        // late is up for the next nightly: the failure it missed, then the finding; the others only the finding
        late = ChatReceiver.on(downPort);
        nightly(config, input(true), tmp.resolve("out"), "2026-10-01");
        List<String> toLate = texts(late.requests("/hooks/late"));
        assertEquals(2, toLate.size(), toLate.toString());
        assertTrue(toLate.get(0).startsWith(HEAD + "지연 전달 (") && toLate.get(0).endsWith(expected.substring(HEAD.length())), toLate.get(0));
        assertTrue(toLate.get(1).startsWith(HEAD + "새 지적사항 1건"), toLate.get(1));
        assertEquals(2, receiver.requests("/hooks/slack").size());
        assertTrue(texts(receiver.requests("/hooks/slack")).get(1).startsWith(HEAD + "새 지적사항 1건"));
    }

    @Test
    void backfillAnnouncesFindingsAndAnIssuedPackageIsAnnouncedWithItsManifestDigestOnceForTheSameData() throws Exception {
        Path config = config(LocalCommands.freePort());
        Path out = tmp.resolve("out");
        // backfill announces as nightly does
        Cli.expect(0, "backfill", "--config", config.toString(), "--input", input(true).toString(), "--out", out.toString(),
                "--from", "2026-10-01", "--to", "2026-10-01", "--as-of", AS_OF);
        int before = receiver.requests("/hooks/slack").size();
        assertEquals(1, before);
        assertTrue(text(receiver.requests("/hooks/slack").get(0)).startsWith(HEAD + "새 지적사항 1건 (HIGH 이상)\nC2 직무 분리: 1건\n"));
        String[] report = {"report", "--config", config.toString(), "--out", out.toString(), "--month", "2026-10", "--format", "csv"};
        Cli issued = Cli.expect(0, report);
        Path dir = out.resolve("reports/2026-10").toAbsolutePath().normalize();
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(dir.resolve("manifest.json"))));
        assertEquals(sha, Files.readString(dir.resolve("manifest.sha256")).split(" ")[0], "the digest manifest.sha256 holds");
        String expected = HEAD + "2026-10 증적 패키지 발행\nSHA-256 (manifest.json): " + sha + "\n위치: " + dir;
        List<ChatReceiver.Request> slack = receiver.requests("/hooks/slack");
        assertEquals(before + 1, slack.size());
        assertEquals(expected, text(slack.get(slack.size() - 1)));
        assertTrue(issued.out().contains("chat: notify: partial (late: "), issued.out());

        Cli.expect(0, report);
        assertEquals(before + 1, receiver.requests("/hooks/slack").size(), "the same data issued again is not announced again");
    }
}
