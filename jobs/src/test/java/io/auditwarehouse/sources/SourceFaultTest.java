package io.auditwarehouse.sources;

import io.auditwarehouse.sources.SourceFault.Kind;
import org.apache.spark.SparkException;
import org.elasticsearch.hadoop.EsHadoopIllegalArgumentException;
import org.elasticsearch.hadoop.rest.EsHadoopInvalidRequest;
import org.elasticsearch.hadoop.rest.EsHadoopNoNodesLeftException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import javax.net.ssl.SSLHandshakeException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.http.HttpConnectTimeoutException;
import java.security.cert.CertPathValidatorException;
import java.sql.SQLException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTransientConnectionException;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The classification table: which failures are retried and which are refusals, from the exceptions the MariaDB driver,
 * Elasticsearch-Hadoop, the JDK's HTTP client and Spark throw (their messages as the servers word them).
 */
class SourceFaultTest {

    static Stream<Arguments> faults() {
        return Stream.of(
                // MySQL / MariaDB: vendor code and SQLState
                row("wrong password", new SQLInvalidAuthorizationSpecException(
                        "(conn=14) Access denied for user 'reader'@'127.0.0.1' (using password: YES)", "28000", 1045), Kind.AUTHENTICATION),
                row("no rights on the database", new SQLSyntaxErrorException(
                        "(conn=3) Access denied for user 'reader'@'%' to database 'approval'", "42000", 1044), Kind.PERMISSION),
                row("SELECT command denied", new SQLSyntaxErrorException(
                        "(conn=3) SELECT command denied to user 'reader'@'127.0.0.1' for table `approval`.`approval_record`",
                        "42000", 1142), Kind.PERMISSION),
                row("unknown database", new SQLSyntaxErrorException("(conn=19) Unknown database 'approvl'", "42000", 1049),
                        Kind.NO_SUCH_DATABASE),
                row("missing table", new SQLSyntaxErrorException("(conn=24) Table 'approval.approval_recrd' doesn't exist",
                        "42S02", 1146), Kind.NO_SUCH_TABLE),
                row("connection refused", new SQLNonTransientConnectionException("Socket fail to connect to host:address=(host=127.0.0.1)"
                        + "(port=1)(type=primary). Connection refused", "08000", -1, new ConnectException("Connection refused")), Kind.TRANSIENT),
                row("server restarting", new SQLException("(conn=7) Server shutdown in progress", "08S01", 1053), Kind.TRANSIENT),
                row("too many connections", new SQLTransientConnectionException("Too many connections", "08004", 1040), Kind.TRANSIENT),
                row("deadlock", new SQLException("Deadlock found when trying to get lock", "40001", 1213), Kind.TRANSIENT),
                row("an unknown SQL error", new SQLException("something else", "HY000", 1105), Kind.UNRECOGNISED),
                // the same, wrapped as Spark reports a failed task
                row("a task's missing table", new SparkException("Job aborted due to stage failure: Task 0 in stage 1.0 failed 1 times",
                        new SQLSyntaxErrorException("Table 'approval.x' doesn't exist", "42S02", 1146)), Kind.NO_SUCH_TABLE),
                row("a task's lost connection", new SparkException("Job aborted due to stage failure",
                        new SQLNonTransientConnectionException("Socket error", "08000", -1, new SocketException("Connection reset"))),
                        Kind.TRANSIENT),
                // the JDK's HTTP client (the index listing and mappings)
                row("ES connection refused", new UncheckedIOException("cannot reach http://127.0.0.1:1", new ConnectException()), Kind.TRANSIENT),
                row("ES connect timeout", new UncheckedIOException("cannot reach", new HttpConnectTimeoutException("HTTP connect timed out")),
                        Kind.TRANSIENT),
                row("socket timeout", new SocketTimeoutException("Read timed out"), Kind.TRANSIENT),
                row("connection reset", new SocketException("Connection reset"), Kind.TRANSIENT),
                row("HTTP 401", new SourceHttpStatusException("GET _cat/indices/jenkins-*", 401), Kind.AUTHENTICATION),
                row("HTTP 403", new SourceHttpStatusException("GET _cat/indices/jenkins-*", 403), Kind.PERMISSION),
                row("HTTP 429", new SourceHttpStatusException("GET _cat/indices/jenkins-*", 429), Kind.TRANSIENT),
                row("HTTP 500", new SourceHttpStatusException("GET _cat/indices/jenkins-*", 500), Kind.TRANSIENT),
                row("HTTP 502", new SourceHttpStatusException("GET _cat/indices/jenkins-*", 502), Kind.TRANSIENT),
                row("HTTP 503", new SourceHttpStatusException("GET _cat/indices/jenkins-*", 503), Kind.TRANSIENT),
                row("HTTP 400", new SourceHttpStatusException("GET _cat/indices/jenkins-*", 400), Kind.UNRECOGNISED),
                // TLS: what the JDK, the MariaDB driver and a TLS proxy say (as seen against nginx and MariaDB in the TLS ITs)
                row("plain http to an https port", new SourceHttpStatusException("GET _cat/indices/jenkins-*", 400,
                        "<html><head><title>400 The plain HTTP request was sent to HTTPS port</title></head>"), Kind.TLS),
                row("es-hadoop plain http to an https port", new EsHadoopInvalidRequest("[GET] on [] failed; server[127.0.0.1:9443] "
                        + "returned [400|Bad Request:]\n<title>400 The plain HTTP request was sent to HTTPS port</title>"), Kind.TLS),
                row("ES certificate from another CA", new UncheckedIOException("cannot reach https://es:9200", new SSLHandshakeException(
                        "PKIX path building failed")), Kind.TLS),
                row("MariaDB certificate from another CA", tlsCause(new SQLNonTransientConnectionException("(conn=49) Could not connect "
                        + "to 127.0.0.1:3306 : PKIX path building failed", "08000", -1), new CertPathValidatorException("untrusted")), Kind.TLS),
                row("a handshake cut by a restarting server", new SQLNonTransientConnectionException("Socket error", "08000", -1,
                        new SSLHandshakeException("Remote host terminated the handshake")), Kind.TRANSIENT),
                row("MySQL 8 requires TLS", new SQLException("Connections using insecure transport are prohibited while "
                        + "--require_secure_transport=ON.", "08004", 3159), Kind.TLS),
                // Elasticsearch-Hadoop: the reason Elasticsearch gave, or the status when there was none
                row("es-hadoop 401 status", new EsHadoopInvalidRequest("[GET] on [_nodes/http] failed; server[127.0.0.1:9200] "
                        + "returned [401|Unauthorized:]"), Kind.AUTHENTICATION),
                row("es-hadoop 401 reason", new EsHadoopIllegalArgumentException("Cannot detect ES version - typically this happens if "
                        + "the network/Elasticsearch cluster is not accessible", new EsHadoopInvalidRequest(
                        "unable to authenticate user [reader] for REST request [/]")), Kind.AUTHENTICATION),
                row("es-hadoop 403 reason", new EsHadoopInvalidRequest("action [indices:data/read/search] is unauthorized for user "
                        + "[reader] with effective roles [viewer] on indices [jenkins-builds-2026.10]"), Kind.PERMISSION),
                row("es-hadoop missing index", new EsHadoopInvalidRequest("no such index [jenkins-builds-2026.10]"), Kind.NO_SUCH_TABLE),
                row("es-hadoop expired scroll", new EsHadoopInvalidRequest("[POST] on [_search/scroll] failed; server[127.0.0.1:9200] "
                        + "returned [404|Not Found:]"), Kind.UNRECOGNISED),
                row("es-hadoop 503 status", new EsHadoopInvalidRequest("[POST] on [_search/scroll] failed; server[127.0.0.1:9200] "
                        + "returned [503|Service Unavailable:]"), Kind.TRANSIENT),
                row("es-hadoop rejected", new EsHadoopInvalidRequest("rejected execution of coordinating operation"), Kind.TRANSIENT),
                row("es-hadoop no nodes left", new SparkException("Job aborted", new EsHadoopNoNodesLeftException()), Kind.TRANSIENT),
                // nothing that tells
                row("a bug", new IllegalStateException("unreadable answer from Elasticsearch"), Kind.UNRECOGNISED),
                row("a wrapper only", new RuntimeException(new RuntimeException("inner")), Kind.UNRECOGNISED));
    }

    /** A driver's exception over a handshake failure caused by a certificate check, as the MariaDB driver chains them. */
    private static SQLException tlsCause(SQLException outer, Exception certificateFault) {
        SSLHandshakeException handshake = new SSLHandshakeException("PKIX path building failed");
        handshake.initCause(certificateFault);
        outer.initCause(handshake);
        return outer;
    }

    private static Arguments row(String name, Throwable failure, Kind expected) {
        return Arguments.of(name, failure, expected);
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("faults")
    void classifiesByTheCauseChain(String name, Throwable failure, Kind expected) {
        SourceFault fault = SourceFault.of(failure);
        assertEquals(expected, fault.kind(), name);
        assertEquals(expected == Kind.TRANSIENT || expected == Kind.UNRECOGNISED, fault.kind().retried(), name);
    }
}
