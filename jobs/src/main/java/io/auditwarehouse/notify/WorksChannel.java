package io.auditwarehouse.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.auditwarehouse.config.NotifyTarget;
import io.auditwarehouse.config.RsaPrivateKeys;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A NAVER WORKS bot posting to a channel (Bot API 2.0, {@code POST {api}/bots/{botId}/channels/{channelId}/messages}),
 * with an access token from the service-account JWT grant, fetched once per run and fetched again on a 401.
 */
final class WorksChannel implements Channel {

    static final String GRANT_TYPE = "urn:ietf:params:oauth:grant-type:jwt-bearer";
    static final String SCOPE = "bot";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final NotifyTarget.WorksBot target;
    private final Delivery delivery;
    private String token;

    WorksChannel(NotifyTarget.WorksBot target, Delivery delivery) {
        this.target = target;
        this.delivery = delivery;
    }

    static String body(String text) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("type", "text");
        content.put("text", text);
        try {
            return JSON.writeValueAsString(Map.of("content", content));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void send(String text) throws TargetFailedException {
        URI uri = URI.create(target.apiBase() + "/bots/" + target.botId() + "/channels/" + target.channelId() + "/messages");
        for (int round = 0; ; round++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                    .header("Authorization", "Bearer " + token())
                    .header("Content-Type", "application/json; charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.ofString(body(text), StandardCharsets.UTF_8));
            try {
                delivery.send(request, "bot message");
                return;
            } catch (Delivery.UnexpectedStatus e) {
                // a token can expire or be revoked between runs of one process (the scheduler): fetch one once more
                if (e.status == 401 && round == 0) {
                    token = null;
                    continue;
                }
                throw new TargetFailedException(target.name() + ": bot message refused with " + e.getMessage());
            }
        }
    }

    private String token() throws TargetFailedException {
        if (token != null) return token;
        Map<String, String> form = new LinkedHashMap<>();
        form.put("assertion", WorksJwt.sign(target.clientId(), target.serviceAccount(),
                RsaPrivateKeys.parse(target.privateKey().reveal()), Instant.now()));
        form.put("grant_type", GRANT_TYPE);
        form.put("client_id", target.clientId());
        form.put("client_secret", target.clientSecret().reveal());
        form.put("scope", SCOPE);
        String encoded = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target.authUrl()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encoded, StandardCharsets.UTF_8));
        String answer;
        try {
            answer = delivery.send(request, "access token").body();
        } catch (Delivery.UnexpectedStatus e) {
            throw new TargetFailedException(target.name() + ": the token endpoint refused the service-account grant with "
                    + e.getMessage() + " (check client_id, client_secret, service_account and the private key)");
        }
        try {
            JsonNode access = JSON.readTree(answer).path("access_token");
            if (!access.isTextual() || access.asText().isEmpty()) throw new IOException("no access_token");
            token = access.asText();
            return token;
        } catch (IOException e) {
            throw new TargetFailedException(target.name() + ": the token endpoint answered without an access_token");
        }
    }
}
