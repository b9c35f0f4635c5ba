package io.auditwarehouse.sources.mysql;

import io.auditwarehouse.config.AppConfig;
import io.auditwarehouse.config.ConfigKey;
import io.auditwarehouse.config.ServerSettings;
import io.auditwarehouse.model.Approval;
import io.auditwarehouse.model.QuarantineRecord;
import io.auditwarehouse.model.User;
import io.auditwarehouse.model.UserDirectory;
import io.auditwarehouse.sources.ApprovalData;
import io.auditwarehouse.sources.RefusalKeys;
import io.auditwarehouse.sources.Retry;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * Approvals and users from the approval database (inputs.md §1–2) through Spark's JDBC source: parallel reads
 * split by a hash of the key, streaming fetch, a read-only account. DATETIME values are read as wall-clock time
 * and placed in {@code sources.approvals.zone}.
 */
public final class MySqlApprovals {

    public static final String DRIVER = "org.mariadb.jdbc.Driver";

    private MySqlApprovals() {
    }

    public static ApprovalData load(SparkSession spark, AppConfig config) {
        ServerSettings s = config.servers();
        ZoneId zone = config.approvalsZone();
        List<QuarantineRecord> rejected = new ArrayList<>();
        List<Approval> approvals = new ArrayList<>();
        List<Row> approvalRows = read(spark, s, s.approvalsTable(), ConfigKey.APPROVALS_TABLE, "approval_no");
        for (int i = 0; i < approvalRows.size(); i++) {
            Row r = approvalRows.get(i);
            String no = Approval.normaliseNo(r.getAs("approval_no"));
            if (no == null) {
                rejected.add(QuarantineRecord.of("approvals", s.approvalsTable() + ":row " + (i + 1), "missing approval_no", r.toString()));
                continue;
            }
            Approval a = new Approval(no, upper(r.getAs("request_type")), trim(r.getAs("controller")), trim(r.getAs("job_name")),
                    r.getAs("build_number"), trim(r.getAs("requester_id")), trim(r.getAs("approver_id")), upper(r.getAs("status")),
                    at(r, "requested_at", zone), at(r, "decided_at", zone), at(r, "valid_from", zone), at(r, "valid_to", zone),
                    r.getAs("max_runs"), r.getAs("reason"), at(r, "updated_at", zone));
            String missing = a.missingRequiredColumn();
            if (missing != null) {
                rejected.add(QuarantineRecord.of("approvals", s.approvalsTable() + ":row " + (i + 1), "missing " + missing, r.toString()));
                continue;
            }
            approvals.add(a);
        }
        List<User> list = readUsers(spark, s, zone);
        UserDirectory users = list == null ? UserDirectory.absent() : UserDirectory.of(list);
        long usersRead = list == null ? 0 : list.size();
        String where = redacted(s.approvalsJdbcUrl());
        List<String> described = List.of(where + " " + s.approvalsTable() + ": " + approvals.size() + " approvals",
                s.usersTable().isEmpty() ? "users: not configured (user rules not evaluated)"
                        : where + " " + s.usersTable() + ": " + usersRead + " users");
        return new ApprovalData(approvals, users, usersRead, rejected, described);
    }

    /** The users relation alone, for the commands that check people rather than runs (none configured: no users). */
    public static UserDirectory users(SparkSession spark, AppConfig config) {
        List<User> list = readUsers(spark, config.servers(), config.approvalsZone());
        return list == null ? UserDirectory.absent() : UserDirectory.of(list);
    }

    /** The users relation, or null when sources.users.table is empty. */
    private static List<User> readUsers(SparkSession spark, ServerSettings s, ZoneId zone) {
        if (s.usersTable().isEmpty()) return null;
        List<User> list = new ArrayList<>();
        for (Row r : read(spark, s, s.usersTable(), ConfigKey.USERS_TABLE, "user_id")) {
            list.add(new User(trim(r.getAs("user_id")), trim(r.getAs("display_name")), r.getAs("department"),
                    upper(r.getAs("role")), at(r, "active_from", zone), at(r, "active_to", zone)));
        }
        return list;
    }

    private static List<Row> read(SparkSession spark, ServerSettings s, String table, ConfigKey tableKey, String hashColumn) {
        Properties props = new Properties();
        props.setProperty("user", s.approvalsUser());
        props.setProperty("password", s.approvalsPassword().reveal());
        props.setProperty("driver", DRIVER);
        props.setProperty("fetchsize", Integer.toString(s.approvalsFetchSize()));
        // DATETIME has no zone: keep the wall-clock value, the configured zone places it
        props.setProperty("preferTimestampNTZ", "true");
        int n = s.approvalsPartitions();
        String[] predicates = new String[n];
        for (int i = 0; i < n; i++) predicates[i] = "MOD(CRC32(" + hashColumn + "), " + n + ") = " + i;
        String url = withMysqlScheme(s.approvalsJdbcUrl());
        return Retry.reading("approvals", redacted(url) + " " + table, RefusalKeys.approvals(s, tableKey),
                () -> spark.read().jdbc(url, table, predicates, props).collectAsList());
    }

    /** The MariaDB driver keeps milliseconds; with this flag it accepts the jdbc:mysql scheme Spark's dialect needs. */
    public static String withMysqlScheme(String url) {
        String u = url.replaceFirst("^jdbc:mariadb:", "jdbc:mysql:");
        return u.contains("permitMysqlScheme") ? u : u + (u.contains("?") ? "&" : "?") + "permitMysqlScheme";
    }

    public static String redacted(String url) {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q);
    }

    private static Instant at(Row r, String column, ZoneId zone) {
        LocalDateTime t = r.getAs(column);
        return t == null ? null : t.atZone(zone).toInstant();
    }

    private static String trim(String s) {
        if (s == null) return null;
        String t = s.trim();
        return t.isEmpty() ? null : t;
    }

    private static String upper(String s) {
        String t = trim(s);
        return t == null ? null : t.toUpperCase(Locale.ROOT);
    }
}
