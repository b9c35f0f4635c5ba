package io.auditwarehouse.portal;

import io.auditwarehouse.cli.Cli;
import io.auditwarehouse.config.ConfigLoader;
import io.auditwarehouse.sinks.MySqlTestConfig;
import io.auditwarehouse.testing.MySqlServer;
import io.auditwarehouse.testing.RealServices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** portal_access in a real MariaDB warehouse (migration V009): events kept in order, once each, with milliseconds. */
@ExtendWith(RealServices.class)
class PortalAccessMySqlIT {

    @TempDir
    Path tmp;

    @Test
    void eventsAreAppendedOnceEachAndReadBackInOrder(MySqlServer server) throws Exception {
        try (MySqlServer.TestDatabase db = server.newDatabase("aw_portal")) {
            String config = MySqlTestConfig.write(tmp, server, db.name());
            Cli.expect(0, "migrate", "--config", config);
            AccessLog log = PortalAccessLog.of(ConfigLoader.load(Path.of(config), null, null));
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
}
