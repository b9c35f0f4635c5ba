package io.auditwarehouse.portal;

import io.auditwarehouse.cli.Cli;
import io.auditwarehouse.config.ConfigLoader;
import io.auditwarehouse.sinks.MySqlTestConfig;
import io.auditwarehouse.sinks.WorkedExample;
import io.auditwarehouse.testing.MySqlServer;
import io.auditwarehouse.testing.RealServices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The portal on a MySQL warehouse (warehouse.jdbc_url): the worked example's findings, summary and access log, and
 * portal_access (migration V009) keeping events in order, once each, with milliseconds.
 */
@ExtendWith(RealServices.class)
class PortalMySqlIT {

    @TempDir
    Path tmp;

    @Test
    void findingsSummaryAndAccessLogReadTheMySqlWarehouse(MySqlServer server) throws Exception {
        try (MySqlServer.TestDatabase db = server.newDatabase("aw_portal_dw")) {
            String config = migrated(server, db);
            Cli.expect(0, "nightly", "--config", config, "--input", WorkedExample.input().toString(), "--out", tmp.resolve("out").toString(),
                    "--date", "2026-10-01", "--as-of", "2026-10-10T00:00:00+09:00");
            List<String> expected = new ArrayList<>();
            try (Connection c = db.connect(); Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("SELECT finding_id FROM recon_finding ORDER BY business_date, finding_id")) {
                while (r.next()) expected.add(r.getString(1));
            }
            assertFalse(expected.isEmpty(), "the worked example has findings");
            try (PortalFixture portal = new PortalFixture(tmp.resolve("out"), Files.readString(Path.of(config)), "", null)) {
                PortalFixture.Session alice = portal.http("alice");
                HttpResponse<String> findings = portal.get(alice, "/findings?month=2026-10");
                assertEquals(200, findings.statusCode());
                List<String> shown = new ArrayList<>();
                Matcher m = Pattern.compile("class=\"finding-id\" href=\"/findings/([0-9a-f]+)\"").matcher(findings.body());
                while (m.find()) shown.add(m.group(1));
                assertEquals(expected, shown);
                assertEquals(200, portal.get(alice, "/findings/" + expected.get(0)).statusCode());
                HttpResponse<String> summary = portal.get(alice, "/summary");
                assertTrue(summary.body().contains("id=\"control-C1\""), "the control summary from recon_daily_summary");
                assertEquals(200, portal.get(alice, "/findings.csv?control_id=C1").statusCode());
            }
            try (Connection c = db.connect(); Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("SELECT action FROM portal_access WHERE user_name = 'alice' ORDER BY appended_seq")) {
                List<String> actions = new ArrayList<>();
                while (r.next()) actions.add(r.getString(1));
                assertEquals(List.of("SIGN_IN", "EXPORT"), actions, "the access log is in the MySQL warehouse");
            }
        }
    }

    @Test
    void accessEventsAreAppendedOnceEachAndReadBackInOrder(MySqlServer server) throws Exception {
        try (MySqlServer.TestDatabase db = server.newDatabase("aw_portal")) {
            AccessLog log = PortalAccessLog.of(ConfigLoader.load(Path.of(migrated(server, db)), null, null));
            AccessEvent download = new AccessEvent("a2", Instant.parse("2026-11-10T01:02:03.456Z"), "kim", "auditor",
                    AccessEvent.Action.DOWNLOAD, "2026-10/evidence-2026-10.pdf", "ab".repeat(32), "127.0.0.1", "Mozilla/5.0 (감사)", "189934 bytes");
            AccessEvent failed = new AccessEvent("a1", Instant.parse("2026-11-10T01:02:04Z"), "lee", null,
                    AccessEvent.Action.SIGN_IN_FAILED, null, null, "10.0.0.7", "curl/8", "wrong name or password");
            log.record(download);
            log.record(failed);
            log.record(download); // the same event twice (a retry) is kept once
            assertEquals(List.of(download, failed), log.all());
            try (Connection c = db.connect(); Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("SELECT count(*) FROM portal_access")) {
                r.next();
                assertEquals(2, r.getInt(1));
            }
        }
    }

    /** A config file naming the test database, its schema migrated. */
    private String migrated(MySqlServer server, MySqlServer.TestDatabase db) throws Exception {
        String config = MySqlTestConfig.write(tmp, server, db.name());
        Cli.expect(0, "migrate", "--config", config);
        return config;
    }
}
