package io.auditwarehouse.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.auditwarehouse.config.AppConfig;
import io.auditwarehouse.config.ConfigLoader;
import io.auditwarehouse.testing.ChatReceiver;
import io.auditwarehouse.testing.ChatReceiver.Answer;
import io.auditwarehouse.testing.LocalCommands;
import io.auditwarehouse.testing.SecretScan;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The wire of each target type against a real HTTP server on loopback: the exact JSON bodies (Korean intact), the
 * NAVER WORKS service-account grant with a JWT verifiable by the test key pair's public key, and the retries: 429 with
 * Retry-After, 500 then success, a wait beyond notify.retry.max_wait not made, a target that is unreachable.
 */
class ChatDeliveryIT {

    static final String REASON = "승인 DB에 연결할 수 없음 (jdbc:mysql://db:3306/approval)";
    static final String FAILED_KO = "[감사 증적 웨어하우스] 배치 실패: nightly 2026-09-24 .. 2026-10-01, 종료 코드 3: " + REASON;

    @TempDir
    Path tmp;

    ChatReceiver receiver;
    final List<String> said = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        receiver = ChatReceiver.start();
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    private Notifier notifier(String targets, String extra) throws Exception {
        Path file = Files.writeString(tmp.resolve("c-" + System.nanoTime() + ".yaml"), "report: {locale: ko}\nnotify:\n  targets:\n"
                + targets + extra, StandardCharsets.UTF_8);
        AppConfig config = ConfigLoader.load(file, tmp, tmp.resolve("out"));
        return Notifier.of(config, said::add);
    }

    private String webhook(String name, String url) throws Exception {
        return ChatReceiver.webhookTarget(name, url, tmp);
    }

    private Notifier.Outcome failedBatch(Notifier n) {
        return n.batchFailed("nightly", LocalDate.parse("2026-09-24"), LocalDate.parse("2026-10-01"), 3, REASON);
    }

    @Test
    void webhookGetsTheSlackJsonWithKoreanIntact() throws Exception {
        Notifier.Outcome o = failedBatch(notifier(webhook("slack", receiver.url("/hooks/T000/B000/XXXX")), ""));
        assertFalse(o.partial(), o.note());
        List<ChatReceiver.Request> r = receiver.requests();
        assertEquals(1, r.size());
        assertEquals("POST", r.get(0).method());
        assertEquals("/hooks/T000/B000/XXXX", r.get(0).path());
        assertEquals("application/json; charset=utf-8", r.get(0).header("Content-Type"));
        // Slack's and Mattermost's incoming-webhook body: one "text" field
        assertEquals("{\"text\":\"" + FAILED_KO + "\"}", r.get(0).body());
    }

    @Test
    void worksBotTakesATokenByTheJwtGrantThenPostsToTheChannel() throws Exception {
        KeyPair keys = KeyPairGenerator.getInstance("RSA").generateKeyPair();
        Instant before = Instant.now().minusSeconds(1);
        Notifier.Outcome o = failedBatch(notifier(works("works", keys), ""));
        assertFalse(o.partial(), o.note());

        List<ChatReceiver.Request> token = receiver.requests(ChatReceiver.TOKEN_PATH);
        assertEquals(1, token.size());
        assertEquals("application/x-www-form-urlencoded", token.get(0).header("Content-Type"));
        Map<String, String> form = form(token.get(0).body());
        assertEquals(List.of("assertion", "grant_type", "client_id", "client_secret", "scope"), List.copyOf(form.keySet()));
        assertEquals("urn:ietf:params:oauth:grant-type:jwt-bearer", form.get("grant_type"));
        assertEquals(ChatReceiver.CLIENT_ID, form.get("client_id"));
        assertEquals("client-secret-xyz", form.get("client_secret"));
        assertEquals("bot", form.get("scope"));

        String[] jwt = form.get("assertion").split("\\.");
        assertEquals(3, jwt.length);
        ObjectMapper json = new ObjectMapper();
        JsonNode header = json.readTree(Base64.getUrlDecoder().decode(jwt[0]));
        assertEquals("RS256", header.get("alg").asText());
        JsonNode claims = json.readTree(Base64.getUrlDecoder().decode(jwt[1]));
        assertEquals(ChatReceiver.CLIENT_ID, claims.get("iss").asText());
        assertEquals(ChatReceiver.SERVICE_ACCOUNT, claims.get("sub").asText());
        long iat = claims.get("iat").asLong();
        assertTrue(iat >= before.getEpochSecond() && iat <= Instant.now().getEpochSecond(), "iat " + iat);
        assertEquals(iat + 3600, claims.get("exp").asLong());
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initVerify(keys.getPublic());
        rs256.update((jwt[0] + "." + jwt[1]).getBytes(StandardCharsets.US_ASCII));
        assertTrue(rs256.verify(Base64.getUrlDecoder().decode(jwt[2])), "the JWT verifies with the public key");
        KeyPair other = KeyPairGenerator.getInstance("RSA").generateKeyPair();
        rs256.initVerify(other.getPublic());
        rs256.update((jwt[0] + "." + jwt[1]).getBytes(StandardCharsets.US_ASCII));
        assertFalse(rs256.verify(Base64.getUrlDecoder().decode(jwt[2])), "... and not with another key");

        List<ChatReceiver.Request> sent = receiver.requests(ChatReceiver.MESSAGES_PATH);
        assertEquals(1, sent.size());
        assertEquals("Bearer " + ChatReceiver.ACCESS_TOKEN, sent.get(0).header("Authorization"));
        assertEquals("application/json; charset=utf-8", sent.get(0).header("Content-Type"));
        assertEquals("{\"content\":{\"type\":\"text\",\"text\":\"" + FAILED_KO + "\"}}", sent.get(0).body());
    }

    @Test
    void worksBotFetchesANewTokenOnceWhenTheApiSays401() throws Exception {
        String messages = ChatReceiver.MESSAGES_PATH;
        receiver.queue(messages, Answer.of(401));
        Notifier.Outcome o = failedBatch(notifier(works("works", KeyPairGenerator.getInstance("RSA").generateKeyPair()), ""));
        assertFalse(o.partial(), o.note());
        assertEquals(2, receiver.requests(ChatReceiver.TOKEN_PATH).size());
        assertEquals(2, receiver.requests(messages).size());
    }

    @Test
    void honoursRetryAfterOn429() throws Exception {
        receiver.queue("/hook", Answer.retryAfter("2"));
        Notifier.Outcome o = failedBatch(notifier(webhook("slack", receiver.url("/hook")), ""));
        assertFalse(o.partial(), o.note());
        List<ChatReceiver.Request> r = receiver.requests("/hook");
        assertEquals(2, r.size());
        Duration gap = Duration.between(r.get(0).at(), r.get(1).at());
        assertTrue(gap.compareTo(Duration.ofSeconds(2)) >= 0, "waited as Retry-After said: " + gap);
        assertEquals(r.get(0).body(), r.get(1).body());
    }

    @Test
    void aFailureAlertATargetDidNotTakeIsDeliveredBeforeItsNextMessageAndOnlyOnce() throws Exception {
        receiver.queue("/flaky", Answer.of(500), Answer.of(500));
        Notifier n = notifier(webhook("flaky", receiver.url("/flaky")) + webhook("fine", receiver.url("/fine")), "  retry: {attempts: 2}\n");
        assertTrue(failedBatch(n).partial());
        assertEquals(2, receiver.requests("/flaky").size(), "both tries answered 500");
        Path owed = tmp.resolve("out/notify/owed/flaky");
        assertEquals(1, Files.list(owed).count(), "kept for flaky");

        Notifier.Outcome next = n.batchFailed("report", null, null, 5, "second");
        assertFalse(next.partial(), next.note());
        List<String> flaky = receiver.requests("/flaky").stream().skip(2).map(ChatReceiver.Request::body).toList();
        String second = "[감사 증적 웨어하우스] 배치 실패: report, 종료 코드 5: second";
        assertEquals(2, flaky.size(), flaky.toString());
        assertTrue(flaky.get(0).startsWith("{\"text\":\"[감사 증적 웨어하우스] 지연 전달 ("), flaky.get(0));
        assertTrue(flaky.get(0).endsWith("에 전달하지 못한 알림)\\n" + FAILED_KO.substring("[감사 증적 웨어하우스] ".length()) + "\"}"), flaky.get(0));
        assertEquals("{\"text\":\"" + second + "\"}", flaky.get(1));
        assertEquals(2, receiver.requests("/fine").size(), "fine took the first at once and is not told it again");
        assertEquals(0, Files.list(owed).count(), "no longer owed");

        n.batchFailed("report", null, null, 5, "third");
        assertEquals(5, receiver.requests("/flaky").size(), "the late alert is not sent twice");
    }

    @Test
    void triesAgainAfterA500() throws Exception {
        receiver.queue("/hook", Answer.of(500));
        Notifier.Outcome o = failedBatch(notifier(webhook("slack", receiver.url("/hook")), ""));
        assertFalse(o.partial(), o.note());
        List<ChatReceiver.Request> r = receiver.requests("/hook");
        assertEquals(2, r.size());
        assertTrue(Duration.between(r.get(0).at(), r.get(1).at()).compareTo(Duration.ofSeconds(1)) >= 0, "backed off a second");
    }

    @Test
    void aRetryAfterBeyondMaxWaitLeavesTheTargetForTheNextRunAndTheOthersAreServed() throws Exception {
        receiver.queue("/slow", Answer.retryAfter("3600"));
        Instant start = Instant.now();
        Notifier.Outcome o = failedBatch(notifier(webhook("slow", receiver.url("/slow")) + webhook("fine", receiver.url("/fine")),
                "  retry: {max_wait: 5s}\n"));
        assertTrue(Duration.between(start, Instant.now()).compareTo(Duration.ofSeconds(60)) < 0, "did not wait the hour");
        assertTrue(o.partial());
        assertEquals(1, o.told());
        assertEquals(1, receiver.requests("/slow").size());
        assertEquals(1, receiver.requests("/fine").size());
        assertTrue(o.note().startsWith("notify: partial (slow: webhook post HTTP 429 with Retry-After 3600 s; waiting 3600 s more would pass notify.retry.max_wait"), o.note());
    }

    @Test
    void anUnreachableTargetIsTriedAttemptsTimesWithoutTheUrlInAnyMessage() throws Exception {
        int port = LocalCommands.freePort();
        String secretPath = "/hooks/T000/B000/AwMarker-hook-" + System.nanoTime();
        Notifier.Outcome o = failedBatch(notifier(webhook("down", "http://127.0.0.1:" + port + secretPath), "  retry: {attempts: 2}\n"));
        assertTrue(o.partial());
        assertEquals("notify: partial (down: webhook post failed 2 time(s), last unreachable (ConnectException))", o.note());
        SecretScan.assertAbsent(List.of(secretPath, "127.0.0.1:" + port), said, List.of());
    }

    @Test
    void aTargetThatHangsIsLeftAfterNotifyTimeoutAndTheOthersAreServed() throws Exception {
        receiver.queue("/hangs", Answer.HANG);
        Instant start = Instant.now();
        Notifier.Outcome o = failedBatch(notifier(webhook("hangs", receiver.url("/hangs")) + webhook("fine", receiver.url("/fine")),
                "  timeout: 500ms\n  retry: {attempts: 1}\n"));
        assertEquals("notify: partial (hangs: webhook post failed 1 time(s), last unreachable (HttpTimeoutException))", o.note());
        assertEquals(1, receiver.requests("/fine").size());
        assertTrue(Duration.between(start, Instant.now()).compareTo(Duration.ofSeconds(30)) < 0, "not held up");
    }

    private String works(String name, KeyPair keys) throws Exception {
        return receiver.worksTarget(name, keys, "client-secret-xyz", tmp);
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return form;
    }
}
