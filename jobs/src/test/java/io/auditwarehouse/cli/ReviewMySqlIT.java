package io.auditwarehouse.cli;

import io.auditwarehouse.sinks.MySqlTestConfig;
import io.auditwarehouse.testing.MySqlServer;
import io.auditwarehouse.testing.RealServices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * `review` against the MySQL warehouse in a real MariaDB: the history table and the recon_finding_status view (V007)
 * say what issue 12 asks, through a re-run and a restatement.
 */
@ExtendWith(RealServices.class)
class ReviewMySqlIT {

    @TempDir
    Path tmp;

    @Test
    void theStatusViewShowsOpenPendingApprovedAndWithdrawn(MySqlServer server) throws Exception {
        try (MySqlServer.TestDatabase db = server.newDatabase("aw_review")) {
            String config = MySqlTestConfig.write(tmp, server, db.name());
            Path input = ReviewedExample.input(tmp.resolve("input"));
            Path out = tmp.resolve("out");
            Cli.expect(0, "migrate", "--config", config);
            nightly(config, input, out);
            String o11;
            String gap;
            String window;
            try (Connection c = db.connect()) {
                o11 = finding(c, "APPROVAL_OVERUSED", 11);
                gap = finding(c, "BUILD_NUMBER_GAP", 13);
                window = finding(c, "OUTSIDE_APPROVAL_WINDOW", 12);
            }
            review(config, input, o11, "--disposition", "ACKNOWLEDGED", "--reference", "T-11", "--as", "han.audit");
            review(config, input, window, "--disposition", "REMEDIATED", "--reference", "T-12", "--as", "yu.audit");
            review(config, input, window, "--disposition", "RISK_ACCEPTED", "--reference", "RA-1", "--as", "han.audit");
            review(config, input, window, "--disposition", "RISK_ACCEPTED", "--reference", "RA-1", "--as", "han.audit"); // again: nothing new
            Cli refused = Cli.run("review", "--config", config, "--input", input.toString(), window, "--disposition", "APPROVED",
                    "--as", "han.audit");
            assertEquals(2, refused.exitCode(), refused.err());
            try (Connection c = db.connect()) {
                assertEquals("ACKNOWLEDGED|T-11|han.audit|null|null", status(c, o11));
                assertEquals("REMEDIATED|T-12|yu.audit|null|RISK_ACCEPTED", status(c, window), "the acceptance awaits approval");
                assertEquals("OPEN|null|null|null|null", status(c, gap));
                assertEquals(3, count(c, "SELECT count(*) FROM recon_finding_review"));
                assertEquals(count(c, "SELECT count(*) FROM recon_finding"), count(c, "SELECT count(*) FROM recon_finding_status"));
            }
            review(config, input, window, "--disposition", "APPROVED", "--as", "yu.audit");
            try (Connection c = db.connect()) {
                assertEquals("RISK_ACCEPTED|RA-1|han.audit|yu.audit|null", status(c, window));
            }

            nightly(config, input, out); // a re-run keeps every review
            Path approvals = input.resolve("approvals.csv");
            Files.writeString(approvals, Files.readString(approvals).replace("2026-09-30 21:00:00.000,1,", "2026-09-30 21:00:00.000,3,"));
            nightly(config, input, out); // the restatement removes the APPROVAL_OVERUSED findings
            try (Connection c = db.connect()) {
                assertEquals(0, count(c, "SELECT count(*) FROM recon_finding WHERE reason_code = 'APPROVAL_OVERUSED'"));
                assertEquals("WITHDRAWN|T-11|han.audit|null|null", status(c, o11));
                assertEquals("RISK_ACCEPTED|RA-1|han.audit|yu.audit|null", status(c, window));
                assertEquals(4, count(c, "SELECT count(*) FROM recon_finding_review"));
            }
        }
    }

    private static void nightly(String config, Path input, Path out) {
        Cli.expect(0, "nightly", "--config", config, "--input", input.toString(), "--out", out.toString(),
                "--date", ReviewedExample.DATE, "--as-of", ReviewedExample.AS_OF);
    }

    private static void review(String config, Path input, String... args) {
        Cli.expect(0, ReviewedExample.concat(new String[]{"review", "--config", config, "--input", input.toString()}, args));
    }

    private static String finding(Connection c, String reason, int build) throws Exception {
        try (PreparedStatement p = c.prepareStatement("SELECT finding_id FROM recon_finding WHERE reason_code = ? AND build_number = ?")) {
            p.setString(1, reason);
            p.setInt(2, build);
            try (ResultSet r = p.executeQuery()) {
                r.next();
                return r.getString(1);
            }
        }
    }

    private static String status(Connection c, String findingId) throws Exception {
        try (PreparedStatement p = c.prepareStatement("SELECT disposition, reference, reviewer, approved_by, pending_disposition "
                + "FROM recon_finding_status WHERE finding_id = ?")) {
            p.setString(1, findingId);
            try (ResultSet r = p.executeQuery()) {
                List<String> rows = new ArrayList<>();
                while (r.next()) {
                    rows.add(r.getString(1) + "|" + r.getString(2) + "|" + r.getString(3) + "|" + r.getString(4) + "|" + r.getString(5));
                }
                assertEquals(1, rows.size(), rows.toString());
                return rows.get(0);
            }
        }
    }

    private static long count(Connection c, String sql) throws Exception {
        try (ResultSet r = c.createStatement().executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
