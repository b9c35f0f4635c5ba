package io.auditwarehouse.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Base64;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A real HTTP server on a loopback port that records every request (the chat targets' side: webhooks, the WORKS token
 * endpoint and Bot API). Answers 200 by default (the token path a token, the Bot API 201), or what a test queued per path.
 */
public final class ChatReceiver implements AutoCloseable {

    public static final String TOKEN_PATH = "/oauth2/v2.0/token";
    public static final String ACCESS_TOKEN = "test-access-token-1";
    public static final String BOT = "2000001";
    public static final String CHANNEL = "12345a12-b12c-12d3-e123fghijkl";
    public static final String MESSAGES_PATH = "/v1.0/bots/" + BOT + "/channels/" + CHANNEL + "/messages";
    public static final String CLIENT_ID = "client-abc";
    public static final String SERVICE_ACCOUNT = "bot.sa@example.com";

    /** One request as it arrived. */
    public record Request(Instant at, String method, String path, Map<String, List<String>> headers, String body) {
        public String header(String name) {
            for (var e : headers.entrySet()) if (e.getKey().equalsIgnoreCase(name)) return e.getValue().get(0);
            return null;
        }
    }

    /** A scripted answer. */
    public record Answer(int status, Map<String, String> headers, String body) {
        public static Answer of(int status) {
            return new Answer(status, Map.of(), "");
        }

        /** No answer at all until the receiver is closed: a target that takes the connection and hangs. */
        public static final Answer HANG = new Answer(-1, Map.of(), "");

        public static Answer retryAfter(String seconds) {
            return new Answer(429, Map.of("Retry-After", seconds), "rate limited");
        }
    }

    private final HttpServer server;
    private final java.util.concurrent.CountDownLatch closed = new java.util.concurrent.CountDownLatch(1);
    private final List<Request> requests = new ArrayList<>();
    private final Map<String, Deque<Answer>> queued = new HashMap<>();

    private ChatReceiver(HttpServer server) {
        this.server = server;
        server.createContext("/", this::handle);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    public static ChatReceiver start() throws IOException {
        return on(0);
    }

    /** On a given port: a test that had a target "down" on that port brings it up. */
    public static ChatReceiver on(int port) throws IOException {
        return new ChatReceiver(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0));
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** A {@code notify.targets} entry (YAML flow line) for a webhook at {@code url}, its URL in a file under {@code dir}. */
    public static String webhookTarget(String name, String url, Path dir) throws IOException {
        Path secret = Files.writeString(dir.resolve(name + ".url"), url + "\n");
        return "    - {name: " + name + ", type: webhook, url_file: \"" + secret + "\"}\n";
    }

    /**
     * A {@code notify.targets} entry for a NAVER WORKS bot served by this receiver (token endpoint and Bot API),
     * its private key written as PKCS#8 PEM and its client secret to files under {@code dir}.
     */
    public String worksTarget(String name, KeyPair keys, String clientSecret, Path dir) throws IOException {
        Path key = dir.resolve(name + ".pem");
        Files.writeString(key, pem(keys));
        Path secret = Files.writeString(dir.resolve(name + ".secret"), clientSecret + "\n");
        return "    - {name: " + name + ", type: works, bot_id: \"" + BOT + "\", channel_id: " + CHANNEL + ", client_id: " + CLIENT_ID + ","
                + " client_secret_file: \"" + secret + "\", service_account: " + SERVICE_ACCOUNT + ", private_key_file: \"" + key + "\","
                + " api_base: \"" + url("/v1.0") + "\", auth_url: \"" + url(TOKEN_PATH) + "\"}\n";
    }

    public static String pem(KeyPair keys) {
        return "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(keys.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n";
    }

    /** The next requests to {@code path} get these answers, in order; then the default again. */
    public synchronized void queue(String path, Answer... answers) {
        queued.computeIfAbsent(path, p -> new ArrayDeque<>()).addAll(List.of(answers));
    }

    public synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    public synchronized List<Request> requests(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String path = exchange.getRequestURI().getPath();
        Answer answer;
        synchronized (this) {
            requests.add(new Request(Instant.now(), exchange.getRequestMethod(), path, Map.copyOf(exchange.getRequestHeaders()), body));
            Deque<Answer> q = queued.get(path);
            answer = q != null && !q.isEmpty() ? q.poll() : defaultAnswer(path);
        }
        if (answer == Answer.HANG) {
            try {
                closed.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
            return;
        }
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        answer.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static Answer defaultAnswer(String path) {
        if (path.equals(TOKEN_PATH)) {
            return new Answer(200, Map.of("Content-Type", "application/json"), "{\"access_token\":\"" + ACCESS_TOKEN
                    + "\",\"refresh_token\":\"r\",\"scope\":\"bot\",\"token_type\":\"Bearer\",\"expires_in\":\"86400\"}");
        }
        if (path.startsWith("/v1.0/bots/")) return new Answer(201, Map.of(), "");
        return new Answer(200, Map.of(), "ok");
    }

    @Override
    public void close() {
        closed.countDown();
        server.stop(0);
    }
}
