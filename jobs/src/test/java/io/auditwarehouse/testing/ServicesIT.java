package io.auditwarehouse.testing;

import io.auditwarehouse.runtime.SparkTestSession;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The servers are real, and milliseconds survive the MySQL protocol, plain JDBC and Spark's JDBC source alike. */
@ExtendWith(RealServices.class)
class ServicesIT {

    @Test
    void millisecondsSurviveJdbcAndSparkReads(MySqlServer server) throws Exception {
        try (MySqlServer.TestDatabase db = server.newDatabase("aw_services")) {
            try (Connection c = db.connect(); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE t (id INT PRIMARY KEY, at DATETIME(3))");
                s.execute("INSERT INTO t VALUES (1, '2026-10-01 01:50:00.123')");
                try (ResultSet r = s.executeQuery("SELECT at FROM t")) {
                    r.next();
                    assertEquals("2026-10-01T01:50:00.123", r.getTimestamp(1).toLocalDateTime().toString());
                }
            }
            Properties props = new Properties();
            props.setProperty("user", server.user());
            props.setProperty("password", server.password());
            props.setProperty("driver", MySqlServer.DRIVER);
            List<Row> rows = SparkTestSession.get().read().jdbc(db.jdbcUrl(), "t", props).collectAsList();
            assertEquals(1, rows.size(), "Spark's MySQL dialect reads the rows");
            assertEquals(123_000_000, rows.get(0).getInstant(1).getNano(), "fractional seconds kept");
        }
    }

    @Test
    void elasticsearchAnswers(ElasticsearchServer es) throws Exception {
        ElasticsearchServer.Response r = es.get("/");
        assertEquals(200, r.status());
        assertTrue(r.body().contains("\"number\""), r.body());
    }
}
