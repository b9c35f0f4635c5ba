package io.auditwarehouse.config;

/**
 * One chat target of {@code notify.targets}. Its {@link #name()} keys the notification ledger, so renaming a target
 * announces everything again to it; the URLs, client secret and private key are {@link Secret}s, never printed.
 */
public sealed interface NotifyTarget permits NotifyTarget.Webhook, NotifyTarget.WorksBot {

    String name();

    /** A Slack-compatible incoming webhook (Slack, Mattermost and others): {@code POST url {"text": ...}}. */
    record Webhook(String name, Secret url) implements NotifyTarget {
    }

    /**
     * A NAVER WORKS bot posting to one channel (Bot API 2.0), authorised by the service-account JWT grant.
     *
     * @param apiBase    e.g. https://www.worksapis.com/v1.0
     * @param authUrl    the token endpoint, e.g. https://auth.worksmobile.com/oauth2/v2.0/token
     * @param privateKey the service account's PKCS#8 PEM private key (read from a file)
     */
    record WorksBot(String name, String apiBase, String authUrl, String botId, String channelId, String clientId,
                    Secret clientSecret, String serviceAccount, Secret privateKey) implements NotifyTarget {
    }
}
