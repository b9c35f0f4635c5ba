package io.auditwarehouse.sinks.kibana;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.auditwarehouse.config.ServerSettings;
import io.auditwarehouse.elasticsearch.EsConnection;
import io.auditwarehouse.sinks.WriteFailedException;

import java.io.IOException;

/**
 * A minimal JSON-over-HTTP client for one Elasticsearch: API-key or basic auth, https trusting a PEM CA file.
 * Every failure is a {@link WriteFailedException} with one readable line that never carries a credential.
 */
final class ElasticsearchHttp {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_REASON = 300;

    private final EsConnection connection;
    private final String shownUrl;

    ElasticsearchHttp(ServerSettings settings) {
        this.connection = new EsConnection(settings);
        this.shownUrl = connection.where(); // config refuses credentials in elasticsearch.url
    }

    String url() {
        return shownUrl;
    }

    /** An answer of any status. */
    record Answer(int status, JsonNode json, String body) {
    }

    /** Sends one request; a status outside 2xx fails with Elasticsearch's own reason. */
    JsonNode send(String method, String path, String body) {
        return check(method, path, exchange(method, path, body));
    }

    /** Fails with Elasticsearch's own reason unless the status is 2xx. */
    JsonNode check(String method, String path, Answer answer) {
        if (answer.status() / 100 != 2) {
            throw failed("Elasticsearch at " + shownUrl + " answered " + answer.status() + " to " + what(method, path) + ": "
                    + reason(answer.json(), answer.body()), null);
        }
        return answer.json();
    }

    private static String what(String method, String path) {
        return method + " " + path.replaceAll("\\?.*", "");
    }

    /** Sends one request and returns the answer whatever its status; only a failure to talk to the server throws. */
    Answer exchange(String method, String path, String body) {
        String what = what(method, path);
        EsConnection.Response response;
        try {
            response = connection.request(method, path, body);
        } catch (IllegalArgumentException e) {
            throw failed("elasticsearch.url is not a usable URL: " + shownUrl, null);
        } catch (IOException e) {
            throw failed("cannot reach Elasticsearch at " + shownUrl + " (" + what + "): " + describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failed("interrupted during " + what + " at " + shownUrl, e);
        }
        return new Answer(response.status(), parse(response.body()), response.body());
    }

    static WriteFailedException failed(String message, Throwable cause) {
        return new WriteFailedException("Kibana indexes: " + message, cause);
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

}
