package io.auditwarehouse.config;

import java.util.List;

/**
 * Where and how the failure-report digest is mailed. Validated at start like every key; only {@code digest}
 * needs the server, the sender and the recipients ({@link #requireForSending()}).
 *
 * @param host     SMTP server, empty when not configured
 * @param security {@link #NONE}, {@link #STARTTLS} or {@link #TLS}
 * @param user     SMTP account, empty = no authentication
 * @param password its password (from an environment variable or a file, never printed)
 * @param from     sender address as configured (RFC 5322, may carry a display name)
 * @param to       recipient addresses
 * @param groupBy  {@link #BY_APPROVER} or {@link #BY_DEPARTMENT}
 */
public record MailSettings(String host, int port, String security, String user, Secret password, String from,
                           List<String> to, String groupBy) {

    public static final String NONE = "none";
    public static final String STARTTLS = "starttls";
    public static final String TLS = "tls";
    public static final String BY_APPROVER = "approver";
    public static final String BY_DEPARTMENT = "department";

    public MailSettings {
        to = List.copyOf(to);
    }

    /** The keys {@code digest} cannot do without: exit 2 naming the first one missing. */
    public void requireForSending() {
        if (host.isEmpty()) throw new ConfigException(ConfigKey.MAIL_SMTP_HOST.key(), "required to send the digest (the SMTP server's host name)");
        if (from.isEmpty()) throw new ConfigException(ConfigKey.MAIL_FROM.key(), "required to send the digest (the sender address)");
        if (to.isEmpty()) throw new ConfigException(ConfigKey.MAIL_TO.key(), "required to send the digest (a list of recipient addresses)");
    }

    public boolean authenticates() {
        return !user.isEmpty();
    }

    /** {@code host:port (security)}, for messages and the ledger: never the account's password. */
    public String server() {
        return host + ":" + port + " (" + security + ")";
    }
}
