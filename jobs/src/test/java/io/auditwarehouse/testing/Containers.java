package io.auditwarehouse.testing;

import org.testcontainers.containers.MySQLContainer;
import org.testcontainers.elasticsearch.ElasticsearchContainer;

/** Testcontainers servers, started once per test JVM, for machines that have a Docker engine. */
final class Containers {

    private Containers() {
    }

    static MySqlServer mysql() {
        MySQLContainer<?> c = new MySQLContainer<>("mysql:8.4").withUsername("root").withPassword("test");
        c.start();
        return new MySqlServer(c.getHost(), c.getMappedPort(3306), "root", "test");
    }

    static ElasticsearchServer elasticsearch() {
        ElasticsearchContainer c = new ElasticsearchContainer("docker.elastic.co/elasticsearch/elasticsearch:8.19.7")
                .withEnv("xpack.security.enabled", "false").withEnv("ES_JAVA_OPTS", "-Xms512m -Xmx512m");
        c.start();
        return new ElasticsearchServer("http://" + c.getHttpHostAddress());
    }
}
