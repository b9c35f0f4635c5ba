package io.auditwarehouse.testing;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;

/**
 * The one place integration tests get their servers. {@code bin/run-tests} starts MariaDB and Elasticsearch on
 * loopback and exports AW_TEST_*; where it found a Docker engine instead, Testcontainers runs MySQL 8 and
 * Elasticsearch 8. Without either the test fails loudly: an integration test never skips.
 */
public final class RealServices implements ParameterResolver {

    private static MySqlServer mysql;
    private static ElasticsearchServer elasticsearch;

    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext c) {
        Class<?> type = p.getParameter().getType();
        return type == MySqlServer.class || type == ElasticsearchServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext c) {
        return p.getParameter().getType() == MySqlServer.class ? mysql() : elasticsearch();
    }

    public static synchronized MySqlServer mysql() {
        if (mysql == null) mysql = useContainers() ? Containers.mysql() : localMysql();
        return mysql;
    }

    public static synchronized ElasticsearchServer elasticsearch() {
        if (elasticsearch == null) elasticsearch = useContainers() ? Containers.elasticsearch() : localElasticsearch();
        return elasticsearch;
    }

    private static boolean useContainers() {
        return "testcontainers".equals(System.getenv("AW_TEST_SERVICES"));
    }

    private static MySqlServer localMysql() {
        String url = required("AW_TEST_MYSQL_URL");
        URI uri = URI.create(url.substring("jdbc:".length()));
        MySqlServer server = new MySqlServer(uri.getHost(), uri.getPort(), env("AW_TEST_MYSQL_USER", "root"),
                env("AW_TEST_MYSQL_PASSWORD", ""));
        try (Connection ignored = DriverManager.getConnection(server.jdbcUrl(null), server.user(), server.password())) {
            return server;
        } catch (Exception e) {
            throw new ParameterResolutionException("MySQL-protocol server at " + url + " is not reachable: " + e.getMessage(), e);
        }
    }

    private static ElasticsearchServer localElasticsearch() {
        ElasticsearchServer server = new ElasticsearchServer(required("AW_TEST_ES_URL"));
        try {
            ElasticsearchServer.Response r = server.get("/");
            if (r.status() != 200) throw new IllegalStateException("GET / answered " + r.status());
            return server;
        } catch (Exception e) {
            throw new ParameterResolutionException("Elasticsearch at " + server.url() + " is not reachable: " + e.getMessage(), e);
        }
    }

    private static String required(String name) {
        String v = System.getenv(name);
        if (v == null || v.isBlank()) {
            throw new ParameterResolutionException(name + " is not set and no Docker engine was found: run the tests with "
                    + "bin/run-tests, which starts MariaDB and Elasticsearch on loopback (or set AW_TEST_MYSQL_URL / AW_TEST_ES_URL)");
        }
        return v;
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null ? fallback : v;
    }
}
