package io.auditwarehouse.sinks.kibana;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.auditwarehouse.config.ServerSettings;
import io.auditwarehouse.sinks.WriteFailedException;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Base64;

/**
 * A minimal JSON-over-HTTP client for one Elasticsearch: API-key or basic auth, https trusting a PEM CA file.
 * Every failure is a {@link WriteFailedException} with one readable line that never carries a credential.
 */
final class ElasticsearchHttp {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_REASON = 300;

    private final String baseUrl;
    private final String shownUrl;
    private final String authorization;
    private final HttpClient http;

    ElasticsearchHttp(ServerSettings settings) {
        this.baseUrl = settings.esUrl().replaceAll("/+$", "");
        this.shownUrl = withoutUserInfo(baseUrl);
        this.authorization = authorization(settings);
        HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10));
        if (!settings.esCaFile().isEmpty()) b.sslContext(trusting(Path.of(settings.esCaFile())));
        this.http = b.build();
    }

    String url() {
        return shownUrl;
    }

    /** Sends one request; a status outside 2xx fails with Elasticsearch's own reason. */
    JsonNode send(String method, String path, String body) {
        HttpRequest.Builder r = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofMinutes(5))
                .header("Content-Type", path.contains("_bulk") ? "application/x-ndjson" : "application/json")
                .header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (authorization != null) r.header("Authorization", authorization);
        String what = method + " " + path.replaceAll("\\?.*", "");
        HttpResponse<String> response;
        try {
            response = http.send(r.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw failed("cannot reach Elasticsearch at " + shownUrl + " (" + what + "): " + describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failed("interrupted during " + what + " at " + shownUrl, e);
        }
        JsonNode answer = parse(response.body());
        if (response.statusCode() / 100 != 2) {
            throw failed("Elasticsearch at " + shownUrl + " answered " + response.statusCode() + " to " + what + ": "
                    + reason(answer, response.body()), null);
        }
        return answer;
    }

    private URI uri(String path) {
        try {
            return URI.create(baseUrl + path);
        } catch (IllegalArgumentException e) {
            throw failed("elasticsearch.url is not a usable URL: " + shownUrl, null);
        }
    }

    static WriteFailedException failed(String message, Throwable cause) {
        return new WriteFailedException("Kibana indexes: " + message, cause);
    }

    private static String authorization(ServerSettings s) {
        if (s.esApiKey().present()) return "ApiKey " + s.esApiKey().reveal();
        if (!s.esUser().isEmpty()) {
            String pair = s.esUser() + ":" + s.esPassword().reveal();
            return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
        }
        return null;
    }

    private static SSLContext trusting(Path caFile) {
        try (InputStream in = Files.newInputStream(caFile)) {
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            int n = 0;
            for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) trust.setCertificateEntry("ca-" + n++, c);
            if (n == 0) throw failed("no certificate in the CA file " + caFile, null);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext ssl = SSLContext.getInstance("TLS");
            ssl.init(null, tmf.getTrustManagers(), null);
            return ssl;
        } catch (IOException | GeneralSecurityException e) {
            throw failed("cannot use the CA file " + caFile + ": " + describe(e), e);
        }
    }

    private static JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? JSON.nullNode() : JSON.readTree(body);
        } catch (IOException e) {
            return JSON.nullNode();
        }
    }

    /** Elasticsearch's error type and reason, or the start of the body when it is not an error document. */
    static String reason(JsonNode answer, String body) {
        JsonNode error = answer.path("error");
        if (error.isObject()) {
            JsonNode root = error.path("root_cause").path(0);
            return errorText(root.isObject() ? root : error);
        }
        if (error.isTextual()) return shorten(error.asText());
        return shorten(body == null ? "" : body.strip());
    }

    /** An Elasticsearch error object ({@code type}, {@code reason}) on one line. */
    static String errorText(JsonNode error) {
        return shorten(error.path("type").asText() + ": " + error.path("reason").asText());
    }

    static String shorten(String s) {
        String oneLine = s.replaceAll("\\s+", " ");
        return oneLine.length() <= MAX_REASON ? oneLine : oneLine.substring(0, MAX_REASON) + "...";
    }

    private static String describe(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : shorten(e.getMessage());
    }

    private static String withoutUserInfo(String url) {
        try {
            URI u = new URI(url);
            return new URI(u.getScheme(), null, u.getHost(), u.getPort(), u.getPath(), null, null).toString();
        } catch (URISyntaxException | RuntimeException e) {
            return "(the configured elasticsearch.url)";
        }
    }
}
