package io.auditwarehouse.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.auditwarehouse.config.NotifyTarget;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** A Slack-compatible incoming webhook: {@code {"text": ...}}, the one body Slack and Mattermost both take as it is. */
final class WebhookChannel implements Channel {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final NotifyTarget.Webhook target;
    private final Delivery delivery;

    WebhookChannel(NotifyTarget.Webhook target, Delivery delivery) {
        this.target = target;
        this.delivery = delivery;
    }

    static String body(String text) {
        try {
            return JSON.writeValueAsString(Map.of("text", text));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void send(String text) throws TargetFailedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target.url().reveal()))
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body(text), StandardCharsets.UTF_8));
        try {
            delivery.send(request, "webhook post");
        } catch (Delivery.UnexpectedStatus e) {
            throw new TargetFailedException(target.name() + ": webhook post refused with " + e.getMessage());
        }
    }
}
