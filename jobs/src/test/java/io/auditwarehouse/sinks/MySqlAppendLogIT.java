package io.auditwarehouse.sinks;

import io.auditwarehouse.cli.Cli;
import io.auditwarehouse.config.ConfigLoader;
import io.auditwarehouse.testing.MySqlServer;
import io.auditwarehouse.testing.RealServices;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
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
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Append-only tables in a real MariaDB: one row per natural id, all of a call's rows or none, read back in order. */
@ExtendWith(RealServices.class)
class MySqlAppendLogIT {

    private static final AppendOnlyTable REVIEWS = AppendOnlyTables.FINDING_REVIEW;
    private static final Instant AT = Instant.parse("2026-10-02T09:00:00.123Z");

    @TempDir
    Path tmp;

    private static Row review(String id, String finding, String comment) {
        return RowFactory.create(id, finding, "ACKNOWLEDGED", "JIRA-1", comment, "kim", AT, null);
    }

    @Test
    void appendsAreIdempotentByIdAtomicPerCallAndReadInAppendOrder(MySqlServer server) throws Exception {
        try (MySqlServer.TestDatabase db = server.newDatabase("aw_append")) {
            String config = MySqlTestConfig.write(tmp, server, db.name());
            Cli.expect(0, "migrate", "--config", config);
            AppendOnlyLog log = AppendOnlyLog.of(ConfigLoader.load(Path.of(config), null, null));
            assertTrue(log instanceof MySqlAppendLog, log.getClass().getName());

            assertEquals(2, log.append(REVIEWS, List.of(review("r2", "f1", "first"), review("r1", "f2", "second"))));
            assertEquals(1, log.append(REVIEWS, List.of(review("r2", "f1", "again"), review("r3", "f1", "third"))));
            assertEquals(List.of(review("r2", "f1", "first"), review("r1", "f2", "second"), review("r3", "f1", "third")), log.read(REVIEWS));

            // a row the table refuses (the finding id is NOT NULL): the call's other rows are not kept either
            Row refused = RowFactory.create("r5", null, "ACKNOWLEDGED", null, null, "kim", AT, null);
            WriteFailedException e = assertThrows(WriteFailedException.class,
                    () -> log.append(REVIEWS, List.of(review("r4", "f3", "fine"), refused)));
            assertTrue(e.getMessage().startsWith("appending to recon_finding_review in jdbc:mysql://"), e.getMessage());
            try (Connection c = db.connect(); Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("SELECT count(*) FROM recon_finding_review")) {
                r.next();
                assertEquals(3, r.getInt(1));
            }
        }
    }
}
