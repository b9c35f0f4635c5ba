package io.auditwarehouse.sources;

import io.auditwarehouse.config.AppConfig;
import io.auditwarehouse.config.ConfigKey;
import io.auditwarehouse.config.Secret;
import io.auditwarehouse.config.ServerSettings;

import java.util.List;

/**
 * For one source read: the configuration keys that fix each kind of refusal, and the secrets its messages must never
 * show (a driver's message is quoted in the error line).
 */
public record RefusalKeys(String credentials, String account, String location, String relation, String tls,
                          List<Secret> secrets) {

    /** The approval database, reading {@code table} (named by {@code tableKey}). */
    public static RefusalKeys approvals(ServerSettings s, ConfigKey tableKey) {
        String user = ConfigKey.APPROVALS_USER.key();
        return new RefusalKeys(user + " and " + ConfigKey.APPROVALS_PASSWORD_ENV.key() + " (or password_file)"
                        + (tlsDisabled(s.approvalsJdbcUrl()) ? noTls(ConfigKey.APPROVALS_JDBC_URL, ConfigKey.APPROVALS_CA_FILE) : ""),
                user + " (the account needs SELECT on the table: sql/source/reader_grants.sql)",
                ConfigKey.APPROVALS_JDBC_URL.key(), tableKey.key(), ConfigKey.APPROVALS_CA_FILE.key()
                        + " (the CA that signed the server's certificate; the server may require TLS)", List.of(s.approvalsPassword()));
    }

    /** The URL turns TLS off; a MariaDB that requires TLS then answers "access denied", as to a wrong password. */
    static boolean tlsDisabled(String jdbcUrl) {
        return jdbcUrl.matches("(?i).*[?&](sslMode=disable|useSsl=false|useSSL=false)(&.*)?");
    }

    private static String noTls(ConfigKey url, ConfigKey ca) {
        return "; a server that requires TLS (require_secure_transport) answers the same to a connection without it: "
                + "remove the TLS-disabling option from " + url.key() + " and set " + ca.key();
    }

    public static RefusalKeys elasticsearch(ServerSettings s) {
        String credentials;
        if (s.esApiKey().present()) {
            credentials = ConfigKey.ES_API_KEY_ENV.key() + " (or api_key_file)";
        } else if (!s.esUser().isEmpty()) {
            credentials = ConfigKey.ES_USER.key() + " and " + ConfigKey.ES_PASSWORD_ENV.key() + " (or password_file)";
        } else {
            credentials = ConfigKey.ES_API_KEY_ENV.key() + " or " + ConfigKey.ES_USER.key() + " (neither is set)";
        }
        String account = (s.esApiKey().present() ? "the API key of " + ConfigKey.ES_API_KEY_ENV.key() : credentials)
                + " (it needs read and view_index_metadata on the indices)";
        return new RefusalKeys(credentials, account, ConfigKey.ES_URL.key(),
                ConfigKey.BUILDS_INDEX.key() + " or " + ConfigKey.AUDIT_INDEX.key(),
                ConfigKey.ES_URL.key() + " (http or https) and " + ConfigKey.ES_CA_FILE.key() + " (the CA that signed the server's certificate)",
                List.of(s.esPassword(), s.esApiKey()));
    }

    /** Build records and audit trail: Elasticsearch when configured, else the files of --input. */
    public static RefusalKeys evidence(AppConfig config) {
        if (config.servers().evidenceFromElasticsearch()) return elasticsearch(config.servers());
        String input = ConfigKey.INPUT_DIR.key() + " (or --input)";
        return new RefusalKeys(input, input, input, input, input, List.of());
    }

    /** The key to fix for a refusal of this kind. */
    public String forKind(SourceFault.Kind kind) {
        return switch (kind) {
            case AUTHENTICATION -> credentials;
            case PERMISSION -> account;
            case NO_SUCH_DATABASE -> location;
            case NO_SUCH_TABLE -> relation;
            case TLS -> tls;
            case TRANSIENT, UNRECOGNISED -> throw new IllegalArgumentException(kind + " is retried, not refused");
        };
    }

    /** {@code text} with every secret of this source replaced by "(secret)". */
    public String scrub(String text) {
        String out = text;
        for (Secret s : secrets) {
            if (s.present() && !s.reveal().isEmpty()) out = out.replace(s.reveal(), "(secret)");
        }
        return out;
    }
}
