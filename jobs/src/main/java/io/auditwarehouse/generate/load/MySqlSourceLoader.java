package io.auditwarehouse.generate.load;

import io.auditwarehouse.config.AppConfig;
import io.auditwarehouse.config.ConfigException;
import io.auditwarehouse.config.ServerSettings;
import io.auditwarehouse.model.Approval;
import io.auditwarehouse.model.User;
import io.auditwarehouse.sinks.SqlScripts;
import io.auditwarehouse.sources.SourceUnavailableException;
import io.auditwarehouse.sources.files.ApprovalsCsv;
import io.auditwarehouse.sources.files.Parsed;
import io.auditwarehouse.sources.files.UsersCsv;
import io.auditwarehouse.sources.mysql.MySqlApprovals;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneId;

/**
 * Loads generated approvals.csv and users.csv into the approval database named by {@code sources.approvals.*}
 * (tables of sql/source/), storing DATETIMEs as wall-clock time in {@code sources.approvals.zone}.
 */
public final class MySqlSourceLoader {

    private static final int BATCH_ROWS = 5_000;

    private MySqlSourceLoader() {
    }

    /** @param csvZone the zone the generated CSV times are written in */
    public static String load(AppConfig config, Path generated, ZoneId csvZone) throws IOException {
        ServerSettings s = config.servers();
        if (!s.approvalsFromMysql()) throw new ConfigException("sources.approvals.jdbc_url", "is required for generate --to mysql");
        Parsed<Approval> approvals;
        Parsed<User> users;
        try (Reader a = Files.newBufferedReader(generated.resolve("approvals.csv"), StandardCharsets.UTF_8);
             Reader u = Files.newBufferedReader(generated.resolve("users.csv"), StandardCharsets.UTF_8)) {
            approvals = ApprovalsCsv.read(a, csvZone, "approvals.csv");
            users = UsersCsv.read(u, csvZone, "users.csv");
        }
        ZoneId dbZone = config.approvalsZone();
        String url = MySqlApprovals.withMysqlScheme(s.approvalsJdbcUrl());
        try (Connection c = DriverManager.getConnection(url, s.approvalsUser(), s.approvalsPassword().reveal())) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.execute(SqlScripts.read("source/approval_record.sql"));
                st.execute(SqlScripts.read("source/app_user.sql"));
                st.execute(SqlScripts.read("source/clear_approval_record.sql"));
                st.execute(SqlScripts.read("source/clear_app_user.sql"));
            }
            try (PreparedStatement p = c.prepareStatement(SqlScripts.read("source/insert_approval.sql"))) {
                int rows = 0;
                for (Approval a : approvals.rows()) {
                    p.setString(1, a.approvalNo());
                    p.setString(2, a.requestType());
                    p.setString(3, a.controller());
                    p.setString(4, a.jobName());
                    setInt(p, 5, a.buildNumber());
                    p.setString(6, a.requesterId());
                    p.setString(7, a.approverId());
                    p.setString(8, a.status());
                    setTime(p, 9, a.requestedAt(), dbZone);
                    setTime(p, 10, a.decidedAt(), dbZone);
                    setTime(p, 11, a.validFrom(), dbZone);
                    setTime(p, 12, a.validTo(), dbZone);
                    setInt(p, 13, a.maxRuns());
                    p.setString(14, a.reason());
                    setTime(p, 15, a.updatedAt(), dbZone);
                    addToBatch(p, ++rows);
                }
                p.executeBatch();
            }
            try (PreparedStatement p = c.prepareStatement(SqlScripts.read("source/insert_user.sql"))) {
                for (User u : users.rows()) {
                    p.setString(1, u.userId());
                    p.setString(2, u.displayName());
                    p.setString(3, u.department());
                    p.setString(4, u.role());
                    setTime(p, 5, u.activeFrom(), dbZone);
                    setTime(p, 6, u.activeTo(), dbZone);
                    p.addBatch();
                }
                p.executeBatch();
            }
            c.commit();
        } catch (SQLException e) {
            throw new SourceUnavailableException("approvals", "loading " + MySqlApprovals.redacted(url) + " failed: " + e.getMessage(), e);
        }
        return String.format("%,d approvals and %,d users loaded into %s (times in %s)", approvals.rows().size(),
                users.rows().size(), MySqlApprovals.redacted(url), dbZone);
    }

    /** Sent in slices: one batch of a 1,000,000-run month's approvals exceeds the server's max_allowed_packet. */
    private static void addToBatch(PreparedStatement p, int rows) throws SQLException {
        p.addBatch();
        if (rows % BATCH_ROWS == 0) p.executeBatch();
    }

    private static void setInt(PreparedStatement p, int i, Integer v) throws SQLException {
        if (v == null) p.setNull(i, Types.INTEGER);
        else p.setInt(i, v);
    }

    /** DATETIME is wall-clock time in the database's zone; LocalDateTime keeps the milliseconds exactly. */
    private static void setTime(PreparedStatement p, int i, Instant t, ZoneId zone) throws SQLException {
        if (t == null) p.setNull(i, Types.TIMESTAMP);
        else p.setObject(i, t.atZone(zone).toLocalDateTime());
    }
}
