package io.auditwarehouse.config;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads the {@code notify.targets} list: each entry a webhook or a NAVER WORKS bot, checked at start. */
final class NotifyTargets {

    static final String WORKS_API_BASE = "https://www.worksapis.com/v1.0";
    static final String WORKS_AUTH_URL = "https://auth.worksmobile.com/oauth2/v2.0/token";
    private static final Set<String> WEBHOOK_FIELDS = Set.of("name", "type", "url_env", "url_file");
    private static final Set<String> WORKS_FIELDS = Set.of("name", "type", "bot_id", "channel_id", "client_id",
            "client_secret_env", "client_secret_file", "service_account", "private_key_file", "api_base", "auth_url");

    private NotifyTargets() {
    }

    static List<NotifyTarget> parse(String key, JsonNode n, Map<String, String> env) {
        List<NotifyTarget> result = new ArrayList<>();
        if (n == null || n.isNull()) return result;
        if (!n.isArray()) throw new ConfigException(key, "expected a list of targets ({name, type: webhook|works, ...})");
        Set<String> names = new HashSet<>();
        for (int i = 0; i < n.size(); i++) {
            String at = key + "[" + i + "]";
            JsonNode t = n.get(i);
            if (!t.isObject()) throw new ConfigException(at, "expected {name, type: webhook|works, ...}");
            String name = text(t, at, "name");
            if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) throw new ConfigException(at + ".name", "a target name of letters, digits, '.', '_' or '-' is required");
            if (!names.add(name)) throw new ConfigException(at + ".name", "target " + name + " is listed twice");
            String type = t.path("type").asText("");
            NotifyTarget target = switch (type) {
                case "webhook" -> webhook(t, at, name, env);
                case "works" -> works(t, at, name, env);
                default -> throw new ConfigException(at + ".type", "expected webhook or works, got '" + type + "'");
            };
            result.add(target);
        }
        return result;
    }

    private static NotifyTarget.Webhook webhook(JsonNode t, String at, String name, Map<String, String> env) {
        known(t, at, WEBHOOK_FIELDS);
        Secret url = Secret.resolve(at + ".url_env", opt(t, "url_env"), at + ".url_file", opt(t, "url_file"), env);
        if (!url.present()) throw new ConfigException(at + ".url_env", "the webhook URL is a secret: give url_env or url_file");
        // the URL is the webhook's credential: the message must not quote it
        if (!httpUrl(url.reveal())) throw new ConfigException(at + ".url_env", "the webhook URL it holds is not an http(s) URL");
        return new NotifyTarget.Webhook(name, url);
    }

    private static NotifyTarget.WorksBot works(JsonNode t, String at, String name, Map<String, String> env) {
        known(t, at, WORKS_FIELDS);
        Secret secret = Secret.resolve(at + ".client_secret_env", opt(t, "client_secret_env"), at + ".client_secret_file",
                opt(t, "client_secret_file"), env);
        if (!secret.present()) throw new ConfigException(at + ".client_secret_env", "the client secret is a secret: give client_secret_env or client_secret_file");
        String keyFile = text(t, at, "private_key_file");
        Secret key = Secret.resolve(at + ".private_key_env", "", at + ".private_key_file", keyFile, env);
        try {
            RsaPrivateKeys.parse(key.reveal());
        } catch (IllegalArgumentException e) {
            throw new ConfigException(at + ".private_key_file", keyFile + " " + e.getMessage());
        }
        String apiBase = t.hasNonNull("api_base") ? t.get("api_base").asText() : WORKS_API_BASE;
        String authUrl = t.hasNonNull("auth_url") ? t.get("auth_url").asText() : WORKS_AUTH_URL;
        if (!httpUrl(apiBase)) throw new ConfigException(at + ".api_base", "expected an http(s) URL, got '" + apiBase + "'");
        if (!httpUrl(authUrl)) throw new ConfigException(at + ".auth_url", "expected an http(s) URL, got '" + authUrl + "'");
        String botId = text(t, at, "bot_id");
        if (!botId.matches("[0-9]{1,19}")) throw new ConfigException(at + ".bot_id", "expected the bot's numeric id, got '" + botId + "'");
        String channelId = text(t, at, "channel_id");
        if (!channelId.matches("[A-Za-z0-9-]{1,128}")) throw new ConfigException(at + ".channel_id", "expected a channel id of letters, digits and '-'");
        return new NotifyTarget.WorksBot(name, apiBase.replaceAll("/+$", ""), authUrl, botId, channelId,
                text(t, at, "client_id"), secret, text(t, at, "service_account"), key);
    }

    private static boolean httpUrl(String v) {
        if (!v.matches("https?://[^\\s@]+")) return false;
        try {
            return URI.create(v).getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static void known(JsonNode t, String at, Set<String> fields) {
        for (Iterator<String> f = t.fieldNames(); f.hasNext(); ) {
            String field = f.next();
            if (!fields.contains(field)) {
                throw new ConfigException(at + "." + field, field.equals("url") || field.equals("client_secret")
                        ? "a secret does not belong in the config file; use " + field + "_env or " + field + "_file" : "unknown configuration key");
            }
        }
    }

    private static String text(JsonNode t, String at, String field) {
        String v = opt(t, field);
        if (v.isEmpty()) throw new ConfigException(at + "." + field, "required");
        return v;
    }

    private static String opt(JsonNode t, String field) {
        JsonNode v = t.get(field);
        return v == null || v.isNull() ? "" : v.asText().strip();
    }
}
