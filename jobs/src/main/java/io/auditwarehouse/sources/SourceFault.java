package io.auditwarehouse.sources;

import org.elasticsearch.hadoop.rest.EsHadoopInvalidRequest;
import org.elasticsearch.hadoop.rest.EsHadoopRemoteException;
import org.elasticsearch.hadoop.rest.EsHadoopTransportException;

import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import java.io.EOFException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a failed source read means for the next attempt: a transient fault another attempt may get past, or a refusal
 * that repeats until the configuration or the source's grants change. Found by walking the cause chain from the
 * outside in (Spark and the drivers wrap the fault that tells); the first exception that tells decides.
 */
public record SourceFault(Kind kind, Throwable cause) {

    public enum Kind {
        /** Connection refused or reset, a timeout, HTTP 429 or 5xx, a server restarting: worth another attempt. */
        TRANSIENT(true, "transient"),
        /** Nothing in the chain tells: retried, as it might be transient, within the same bounded time. */
        UNRECOGNISED(true, "unrecognised"),
        AUTHENTICATION(false, "authentication failed"),
        PERMISSION(false, "permission refused"),
        NO_SUCH_DATABASE(false, "no such database"),
        NO_SUCH_TABLE(false, "no such table or index"),
        /**
         * The TLS the source demands or offers does not match the configuration: its certificate is not signed by the
         * configured CA (or names another host), plain http went to an https port, or the server requires TLS.
         */
        TLS(false, "TLS refused");

        private final boolean retried;
        private final String words;

        Kind(boolean retried, String words) {
            this.retried = retried;
            this.words = words;
        }

        public boolean retried() {
            return retried;
        }

        /** How a refusal reads in the error line, e.g. "authentication failed". */
        public String words() {
            return words;
        }
    }

    // MySQL/MariaDB server error numbers (the SQLException vendor code)
    private static final Set<Integer> AUTHENTICATION_CODES = Set.of(
            1045,  // ER_ACCESS_DENIED_ERROR: wrong user or password
            1698,  // ER_ACCESS_DENIED_NO_PASSWORD_ERROR
            1862,  // ER_MUST_CHANGE_PASSWORD_LOGIN: expired password
            1820); // ER_MUST_CHANGE_PASSWORD
    private static final Set<Integer> PERMISSION_CODES = Set.of(
            1044,  // ER_DBACCESS_DENIED_ERROR: no rights on the database
            1142,  // ER_TABLEACCESS_DENIED_ERROR: SELECT command denied
            1143,  // ER_COLUMNACCESS_DENIED_ERROR
            1227,  // ER_SPECIFIC_ACCESS_DENIED_ERROR
            1370); // ER_PROCACCESS_DENIED_ERROR
    private static final Set<Integer> NO_SUCH_DATABASE_CODES = Set.of(1049); // ER_BAD_DB_ERROR
    private static final Set<Integer> NO_SUCH_TABLE_CODES = Set.of(1146);    // ER_NO_SUCH_TABLE
    private static final Set<Integer> TRANSIENT_CODES = Set.of(
            1040,  // ER_CON_COUNT_ERROR: too many connections
            1053,  // ER_SERVER_SHUTDOWN: the server is restarting
            1205,  // ER_LOCK_WAIT_TIMEOUT
            1213,  // ER_LOCK_DEADLOCK
            1927,  // ER_CONNECTION_KILLED (MariaDB)
            2002, 2003, 2006, 2013); // client: cannot connect, server gone away, lost connection

    // the server refuses a connection without TLS: MySQL 8 says so (ER_SECURE_TRANSPORT_REQUIRED); MariaDB 10.11 answers
    // a plain 1045 "Access denied", which stays AUTHENTICATION (RefusalKeys then names the TLS settings as well)
    private static final Set<Integer> TLS_CODES = Set.of(3159);

    /** Elasticsearch-Hadoop reports a failed request as "... returned [401|Unauthorized:...]" when the body has no reason. */
    private static final Pattern RETURNED_STATUS = Pattern.compile("returned \\[(\\d{3})\\|");

    public static SourceFault of(Throwable failure) {
        // a failed certificate check sits deep in the chain, under wrappers that would call it a lost connection
        Throwable tls = certificateFailure(failure);
        if (tls != null) return new SourceFault(Kind.TLS, tls);
        Throwable t = failure;
        for (int depth = 0; t != null && depth < 32; depth++, t = t.getCause()) { // depth: a chain may loop
            Kind k = tells(t);
            if (k != null) return new SourceFault(k, t);
        }
        return new SourceFault(Kind.UNRECOGNISED, failure);
    }

    /**
     * The TLS handshake failure in the chain that a certificate check caused (an unknown CA, a certificate for another
     * host), or null. A handshake cut by a restarting server has no certificate cause and stays transient.
     */
    private static Throwable certificateFailure(Throwable failure) {
        Throwable handshake = null;
        Throwable t = failure;
        for (int depth = 0; t != null && depth < 32; depth++, t = t.getCause()) {
            if (t instanceof SSLHandshakeException || t instanceof SSLPeerUnverifiedException) handshake = t;
            if (handshake != null && (t instanceof CertificateException || t instanceof CertPathBuilderException
                    || t instanceof CertPathValidatorException)) {
                return handshake;
            }
            String m = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
            if (m.contains("pkix path") || m.contains("unable to find valid certification path")
                    || m.contains("no subject alternative") || m.contains("no name matching")) {
                return t;
            }
        }
        return null;
    }

    /** The kind this one exception tells of, or null when it only wraps. */
    private static Kind tells(Throwable t) {
        if (t instanceof SourceHttpStatusException h) return h.plainHttpToHttps() ? Kind.TLS : ofStatus(h.status());
        if (t instanceof SQLException s) return ofSql(s);
        if (t instanceof EsHadoopInvalidRequest || t instanceof EsHadoopRemoteException) return ofEsMessage(t.getMessage());
        if (t instanceof EsHadoopTransportException) return Kind.TRANSIENT; // no node answered, connection refused or reset
        if (t instanceof ConnectException || t instanceof NoRouteToHostException || t instanceof SocketTimeoutException
                || t instanceof HttpTimeoutException || t instanceof SocketException || t instanceof EOFException
                || t instanceof UnknownHostException) {
            return Kind.TRANSIENT; // DNS may be briefly out too: a typo in a host name costs the bounded retry time, then exit 3
        }
        return null;
    }

    static Kind ofStatus(int status) {
        if (status == 401) return Kind.AUTHENTICATION;
        if (status == 403) return Kind.PERMISSION;
        // 404 alone does not tell: an expired scroll answers it too; a missing index is recognised by its reason
        if (status == 408 || status == 429 || status >= 500) return Kind.TRANSIENT;
        return null;
    }

    private static Kind ofSql(SQLException s) {
        int code = s.getErrorCode();
        if (TLS_CODES.contains(code) || insecureTransportRefused(s.getMessage())) return Kind.TLS;
        if (AUTHENTICATION_CODES.contains(code)) return Kind.AUTHENTICATION;
        if (PERMISSION_CODES.contains(code)) return Kind.PERMISSION;
        if (NO_SUCH_DATABASE_CODES.contains(code)) return Kind.NO_SUCH_DATABASE;
        if (NO_SUCH_TABLE_CODES.contains(code)) return Kind.NO_SUCH_TABLE;
        if (TRANSIENT_CODES.contains(code)) return Kind.TRANSIENT;
        String state = s.getSQLState() == null ? "" : s.getSQLState();
        if (state.startsWith("28")) return Kind.AUTHENTICATION;  // invalid authorization specification
        if (state.equals("42S02")) return Kind.NO_SUCH_TABLE;
        if (state.startsWith("08") || state.startsWith("40") || state.equals("HYT00")) return Kind.TRANSIENT; // connection, rollback, timeout
        if (s instanceof SQLTransientException || s instanceof SQLRecoverableException) return Kind.TRANSIENT;
        return null; // a wrapper of the driver's (its cause may tell) or a fault we do not know
    }

    /** MariaDB's and MySQL's words for a connection refused because it is not encrypted. */
    private static boolean insecureTransportRefused(String message) {
        return message != null && message.toLowerCase(Locale.ROOT).contains("insecure transport are prohibited");
    }

    private static Kind ofEsMessage(String message) {
        if (message == null) return null;
        if (message.toLowerCase(Locale.ROOT).contains("plain http request was sent to https port")) return Kind.TLS;
        Matcher m = RETURNED_STATUS.matcher(message);
        if (m.find()) return ofStatus(Integer.parseInt(m.group(1)));
        String text = message.toLowerCase(Locale.ROOT);
        // the reasons Elasticsearch gives for 401, 403 and a missing index
        if (text.contains("unable to authenticate") || text.contains("missing authentication credentials")
                || text.contains("failed to authenticate")) {
            return Kind.AUTHENTICATION;
        }
        if (text.contains("is unauthorized for")) return Kind.PERMISSION;
        if (text.contains("no such index") || text.contains("index_not_found")) return Kind.NO_SUCH_TABLE;
        if (text.contains("rejected execution") || text.contains("es_rejected_execution") || text.contains("circuit_breaking")
                || text.contains("too many requests")) {
            return Kind.TRANSIENT;
        }
        return null;
    }
}
