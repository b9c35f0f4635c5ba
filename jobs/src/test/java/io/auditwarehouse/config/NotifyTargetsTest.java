package io.auditwarehouse.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.auditwarehouse.model.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** notify.*: the targets, their secrets from env or file only, and the retry bounds, checked at start. */
class NotifyTargetsTest {

    static final String HOOK = "https://hooks.slack.com/services/T000/B000/AwHookSecret";

    @TempDir
    Path dir;

    private AppConfig load(String yaml, Map<String, String> env) throws IOException {
        Path f = Files.writeString(dir.resolve("c.yaml"), yaml);
        Map<String, JsonNode> values = ConfigLoader.read(f);
        return ConfigLoader.build(values, null, null, env);
    }

    private ConfigException failure(String yaml, Map<String, String> env) {
        return assertThrows(ConfigException.class, () -> load(yaml, env));
    }

    private Path key() throws IOException, NoSuchAlgorithmException {
        byte[] der = KeyPairGenerator.getInstance("RSA").generateKeyPair().getPrivate().getEncoded();
        return Files.writeString(dir.resolve("works.pem"), "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(der) + "\n-----END PRIVATE KEY-----\n");
    }

    private String works(Path key, String more) {
        return "notify: {targets: [{name: ops, type: works, bot_id: '2000001', channel_id: abc-123, client_id: cid,"
                + " client_secret_env: WORKS_SECRET, service_account: sa@example.com, private_key_file: '" + key + "'" + more + "}]}\n";
    }

    @Test
    void offByDefaultWithHighAndBoundedRetries() throws IOException {
        NotifySettings n = load("", Map.of()).chat();
        assertFalse(n.enabled());
        assertEquals(Severity.HIGH, n.minSeverity());
        assertEquals(4, n.attempts());
        assertEquals(Duration.ofSeconds(60), n.maxWait());
        assertEquals(Duration.ofSeconds(10), n.timeout());
    }

    @Test
    void aWebhookUrlComesFromTheEnvironmentOrAFileAndIsNeverPrinted() throws IOException {
        NotifySettings n = load("notify: {min_severity: MEDIUM, targets: [{name: slack, type: webhook, url_env: SLACK_HOOK}]}\n",
                Map.of("SLACK_HOOK", HOOK)).chat();
        NotifyTarget.Webhook w = assertInstanceOf(NotifyTarget.Webhook.class, n.targets().get(0));
        assertEquals(HOOK, w.url().reveal());
        assertEquals(Severity.MEDIUM, n.minSeverity());
        assertFalse(n.toString().contains("AwHookSecret"), n.toString());

        Path file = Files.writeString(dir.resolve("hook"), HOOK + "\n");
        assertEquals(HOOK, ((NotifyTarget.Webhook) load("notify: {targets: [{name: s, type: webhook, url_file: '" + file + "'}]}",
                Map.of()).chat().targets().get(0)).url().reveal());

        assertEquals("notify.targets[0].url", failure("notify: {targets: [{name: s, type: webhook, url: '" + HOOK + "'}]}", Map.of()).key());
        assertEquals("notify.targets[0].url_env", failure("notify: {targets: [{name: s, type: webhook, url_env: NOPE}]}", Map.of()).key());
        ConfigException notUrl = failure("notify: {targets: [{name: s, type: webhook, url_env: H}]}", Map.of("H", "AwNotAUrl"));
        assertFalse(notUrl.getMessage().contains("AwNotAUrl"), notUrl.getMessage());
    }

    @Test
    void aWorksBotNeedsItsIdsASecretFromEnvOrFileAndAReadableRsaKey() throws Exception {
        Path key = key();
        NotifyTarget.WorksBot b = assertInstanceOf(NotifyTarget.WorksBot.class,
                load(works(key, ""), Map.of("WORKS_SECRET", "AwClientSecret")).chat().targets().get(0));
        assertEquals("https://www.worksapis.com/v1.0", b.apiBase());
        assertEquals("https://auth.worksmobile.com/oauth2/v2.0/token", b.authUrl());
        assertEquals("AwClientSecret", b.clientSecret().reveal());
        assertFalse(b.toString().contains("AwClientSecret") || b.toString().contains("PRIVATE KEY"), b.toString());

        NotifyTarget.WorksBot local = (NotifyTarget.WorksBot) load(works(key, ", api_base: 'http://127.0.0.1:9/v1.0/', auth_url: 'http://127.0.0.1:9/token'"),
                Map.of("WORKS_SECRET", "s")).chat().targets().get(0);
        assertEquals("http://127.0.0.1:9/v1.0", local.apiBase());
        assertEquals("http://127.0.0.1:9/token", local.authUrl());

        assertEquals("notify.targets[0].client_secret_env", failure(works(key, ""), Map.of()).key());
        Path pkcs1 = Files.writeString(dir.resolve("rsa.pem"), "-----BEGIN RSA PRIVATE KEY-----\nMIIE\n-----END RSA PRIVATE KEY-----\n");
        ConfigException wrongKey = failure(works(pkcs1, ""), Map.of("WORKS_SECRET", "s"));
        assertEquals("notify.targets[0].private_key_file", wrongKey.key());
        assertTrue(wrongKey.getMessage().contains("openssl pkcs8"), wrongKey.getMessage());
        assertEquals("notify.targets[0].bot_id", failure(works(key, "").replace("'2000001'", "bot"), Map.of("WORKS_SECRET", "s")).key());
    }

    @Test
    void targetsHaveUniqueNamesAKnownTypeAndTheBoundsAreChecked() {
        assertEquals("notify.targets[1].name", failure("notify: {targets: [{name: a, type: webhook, url_env: H}, {name: a, type: webhook, url_env: H}]}",
                Map.of("H", HOOK)).key());
        assertEquals("notify.targets[0].name", failure("notify: {targets: [{name: 'a|b', type: webhook, url_env: H}]}", Map.of("H", HOOK)).key());
        assertEquals("notify.targets[0].type", failure("notify: {targets: [{name: a, type: teams}]}", Map.of()).key());
        assertEquals("notify.min_severity", failure("notify: {min_severity: CRITICAL}", Map.of()).key());
        assertEquals("notify.retry.attempts", failure("notify: {retry: {attempts: 0}}", Map.of()).key());
        assertEquals("notify.timeout", failure("notify: {timeout: 1ms}", Map.of()).key());
    }
}
