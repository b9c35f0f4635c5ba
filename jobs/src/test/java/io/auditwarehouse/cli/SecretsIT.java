package io.auditwarehouse.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.auditwarehouse.testing.ChatReceiver;
import io.auditwarehouse.testing.CliProcess;
import io.auditwarehouse.testing.ElasticsearchServer;
import io.auditwarehouse.testing.MySqlServer;
import io.auditwarehouse.testing.MySqlServer.TestDatabase;
import io.auditwarehouse.testing.MySqlServer.TestUser;
import io.auditwarehouse.testing.RealServices;
import io.auditwarehouse.testing.WrittenTexts;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every password, the Elasticsearch API key, a chat webhook URL and a NAVER WORKS client secret and private key set to
 * unique markers; migrate, nightly, report and digest run as an
 * operator runs them (JVMs of their own, Spark event logs on) against real MySQL, Elasticsearch and SMTP servers. No
 * byte they wrote holds a marker: stdout, stderr, the output folder (CSV, manifests, PDF text, workbook XML), the Spark
 * event logs, the JVM's temporary folder, every warehouse table (the ledger among them), the documents indexed in
 * Elasticsearch and the mail as it arrived.
 */
@ExtendWith(RealServices.class)
class SecretsIT {

    static final String READER_PASSWORD = marker("reader");
    static final String WRITER_PASSWORD = marker("writer");
    static final String ES_API_KEY = marker("apikey");
    static final String SMTP_PASSWORD = marker("smtp");
    static final String HOOK_PATH = "/hooks/" + marker("hook");
    static final String WORKS_CLIENT_SECRET = marker("works");
    static final String PSEUDONYM_KEY = marker("pseudonymkey");

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("digest@example.com", "digest", SMTP_PASSWORD));

    @TempDir
    Path tmp;

    /** Not a word of Spark's redaction pattern (secret, password, token), which would hide a leak from the scan. */
    private static String marker(String what) {
        return "AwMarker-" + what + "-" + UUID.randomUUID();
    }

    @Test
    void noPasswordOrApiKeyInAnythingTheCommandsWrite(MySqlServer mysql, ElasticsearchServer es) throws Exception {
        String prefix = ElasticsearchServer.uniquePrefix("aw-secret");
        try (TestDatabase source = mysql.newDatabase("aw_secret_src"); TestDatabase dw = mysql.newDatabase("aw_secret_dw");
             TestUser reader = mysql.newUser("aw_reader", READER_PASSWORD); TestUser writer = mysql.newUser("aw_writer", WRITER_PASSWORD);
             ChatReceiver chat = ChatReceiver.start()) {
            String asOf = generate(mysql, source, es, prefix);
            reader.grant("SELECT", source);
            writer.grant("ALL", dw);
            Path writerPassword = Files.writeString(tmp.resolve("writer-password"), WRITER_PASSWORD);
            // chat targets: a webhook whose URL is a secret (env) and a NAVER WORKS bot (client secret and key in files)
            KeyPair works = KeyPairGenerator.getInstance("RSA").generateKeyPair();
            String keyLine = ChatReceiver.pem(works).lines().toList().get(5);
            String chatTargets = "    - {name: hook, type: webhook, url_env: AW_CHAT_HOOK}\n"
                    + chat.worksTarget("works", works, WORKS_CLIENT_SECRET, Files.createDirectories(tmp.resolve("chat-secrets")));
            Path config = Files.writeString(tmp.resolve("marked.yaml"), String.join("\n",
                    "sources:",
                    "  approvals: {jdbc_url: \"" + source.jdbcUrl() + "\", user: " + reader.name() + ", password_env: AW_READER_PASSWORD}",
                    "  builds: {index: \"" + prefix + "-builds-*\"}",
                    "  audit: {index: \"" + prefix + "-audit-*\"}",
                    "elasticsearch: {url: \"" + es.url() + "\", api_key_env: AW_ES_API_KEY}",
                    "outputs: {kibana: {index_prefix: " + prefix + "-recon}}",
                    "report: {pseudonymise: true, pseudonym_key_env: AW_PSEUDONYM_KEY}",
                    "warehouse: {jdbc_url: \"jdbc:mysql://" + mysql.host() + ":" + mysql.port() + "/\", schema: " + dw.name()
                            + ", user: " + writer.name() + ", password_file: \"" + writerPassword + "\"}",
                    "mail:",
                    "  smtp: {host: 127.0.0.1, port: " + SMTP.getSmtp().getPort() + ", security: none, user: digest, password_env: AW_SMTP_PASSWORD}",
                    "  from: \"Audit Warehouse <audit@example.com>\"",
                    "  to: [heads@example.com]",
                    "notify:",
                    "  targets:",
                    chatTargets));
            Map<String, String> env = Map.of("AW_READER_PASSWORD", READER_PASSWORD, "AW_ES_API_KEY", ES_API_KEY,
                    "AW_SMTP_PASSWORD", SMTP_PASSWORD, "AW_CHAT_HOOK", chat.url(HOOK_PATH),
                    "AW_PSEUDONYM_KEY", PSEUDONYM_KEY);
            Path printed = Files.createDirectories(tmp.resolve("printed"));
            Path events = Files.createDirectories(tmp.resolve("spark-events"));
            Path jvmTmp = Files.createDirectories(tmp.resolve("jvm-tmp"));
            List<String> jvm = List.of("-Xmx1g", "-Dspark.eventLog.enabled=true", "-Dspark.eventLog.dir=" + events.toUri(),
                    "-Djava.io.tmpdir=" + jvmTmp);
            Path out = tmp.resolve("out");
            String[] common = {"--config", config.toString(), "--input", tmp.resolve("no-files").toString(), "--out", out.toString()};
            run(printed, "migrate", jvm, env, common);
            run(printed, "nightly", jvm, env, common, "--date", "2026-10-20", "--as-of", asOf);
            run(printed, "report", jvm, env, common, "--month", "2026-10");
            run(printed, "digest", jvm, env, common, "--slot", "2026-11-02", "--as-of", asOf);
            CliProcess.expect(1, printed, "reveal", jvm, env, withCommon("reveal", common, "U-00000000"));
            // the digest went out, so the SMTP login with the marked password took place
            assertEquals(1, SMTP.getReceivedMessages().length, "one digest mail");

            Map<String, String> written = new TreeMap<>();
            for (Path dir : List.of(printed, out, events, jvmTmp)) written.putAll(WrittenTexts.of(dir));
            written.putAll(tables(dw));
            written.putAll(documents(es, prefix + "-recon-*"));
            for (MimeMessage m : SMTP.getReceivedMessages()) written.put("mail " + m.getSubject(), GreenMailUtil.getWholeMessage(m));
            // the chat messages as they arrived (the token request is where the client secret and the signed key must go)
            assertTrue(chat.requests(HOOK_PATH).size() >= 2, "the webhook was told of the findings and the package");
            assertTrue(chat.requests(ChatReceiver.MESSAGES_PATH).size() >= 2, "so was the WORKS bot");
            for (ChatReceiver.Request r : chat.requests()) {
                if (!r.path().equals(ChatReceiver.TOKEN_PATH)) written.merge("chat " + r.path(), r.body() + "\n", String::concat);
            }

            // the scan reads what was really written: the event logs, the PDF's text, the ledger and the indexed runs
            assertTrue(written.entrySet().stream().anyMatch(e -> e.getKey().startsWith(events.toString())
                    && e.getValue().contains("SparkListenerEnvironmentUpdate")), "Spark wrote event logs: " + written.keySet());
            assertTrue(written.keySet().stream().anyMatch(k -> k.endsWith(".pdf")), "the PDF was read: " + written.keySet());
            assertTrue(Files.readString(out.resolve("reports/2026-10/manifest.json")).contains("\"key_fingerprint\""),
                    "the package was pseudonymised with the key");
            assertTrue(written.getOrDefault("table recon_batch", "").contains("COMPLETED"), "the ledger was read");
            assertTrue(written.keySet().stream().anyMatch(k -> k.startsWith("index " + prefix + "-recon-runs")), "indexed runs: " + written.keySet());

            List<String> leaks = new ArrayList<>();
            for (String secret : List.of(READER_PASSWORD, WRITER_PASSWORD, ES_API_KEY, SMTP_PASSWORD, HOOK_PATH, WORKS_CLIENT_SECRET, keyLine, PSEUDONYM_KEY)) {
                for (String form : List.of(secret, base64(secret), base64("digest:" + secret), base64("\0digest\0" + secret))) {
                    written.forEach((where, text) -> {
                        if (text.contains(form)) leaks.add((secret.contains("AwMarker-") ? secret.split("-")[1] : "the WORKS private key") + " in " + where);
                    });
                }
            }
            System.out.printf("[SecretsIT] %d places scanned (%,d characters) for 8 markers: %s%n", written.size(),
                    written.values().stream().mapToLong(String::length).sum(), leaks.isEmpty() ? "none found" : leaks);
            assertEquals(List.of(), leaks);
        } finally {
            es.deleteIndices(prefix + "-*");
        }
    }

    /** A small month loaded into the servers with the administrator's account; returns its as-of. */
    private String generate(MySqlServer mysql, TestDatabase source, ElasticsearchServer es, String prefix) throws Exception {
        Path adminPassword = Files.writeString(tmp.resolve("admin-password"), mysql.password());
        Path config = Files.writeString(tmp.resolve("admin.yaml"), String.join("\n",
                "sources:",
                "  approvals: {jdbc_url: \"" + source.jdbcUrl() + "\", user: " + mysql.user() + ", password_file: \"" + adminPassword + "\"}",
                "  builds: {index: \"" + prefix + "-builds-*\"}",
                "  audit: {index: \"" + prefix + "-audit-*\"}",
                "elasticsearch: {url: \"" + es.url() + "\"}", ""));
        Path input = tmp.resolve("generated");
        Cli.expect(0, "generate", "--month", "2026-10", "--runs", "1500", "--seed", "11", "--out", input.toString(),
                "--to", "mysql,es", "--config", config.toString());
        return new ObjectMapper().readTree(input.resolve("generation.json").toFile()).get("as_of").asText();
    }

    private static void run(Path printed, String command, List<String> jvm, Map<String, String> env, String[] common,
                            String... more) throws Exception {
        CliProcess.expect(0, printed, command, jvm, env, withCommon(command, common, more));
    }

    private static String[] withCommon(String command, String[] common, String... more) {
        List<String> args = new ArrayList<>(List.of(command));
        args.addAll(List.of(common));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    /** Every table of the warehouse schema, the recon_batch ledger and Quartz's tables among them, as text. */
    private static Map<String, String> tables(TestDatabase dw) throws Exception {
        Map<String, String> tables = new TreeMap<>();
        try (Connection c = dw.connect(); Statement s = c.createStatement()) {
            List<String> names = new ArrayList<>();
            try (ResultSet r = c.getMetaData().getTables(dw.name(), null, "%", new String[]{"TABLE", "VIEW"})) {
                while (r.next()) names.add(r.getString("TABLE_NAME"));
            }
            for (String table : names) {
                StringBuilder text = new StringBuilder();
                try (ResultSet r = s.executeQuery("SELECT * FROM `" + table + "`")) {
                    int columns = r.getMetaData().getColumnCount();
                    while (r.next()) {
                        for (int i = 1; i <= columns; i++) text.append(r.getString(i)).append('\t');
                        text.append('\n');
                    }
                }
                tables.put("table " + table, text.toString());
            }
        }
        return tables;
    }

    /** The documents the nightly indexed, per index. */
    private static Map<String, String> documents(ElasticsearchServer es, String pattern) throws Exception {
        es.refresh(pattern);
        Map<String, String> docs = new TreeMap<>();
        var hits = new ObjectMapper().readTree(es.get("/" + pattern + "/_search?size=10000").body()).path("hits").path("hits");
        for (var hit : hits) docs.merge("index " + hit.path("_index").asText(), hit.toString() + "\n", String::concat);
        return docs;
    }

    private static String base64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
