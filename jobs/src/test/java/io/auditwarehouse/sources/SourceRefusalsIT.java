package io.auditwarehouse.sources;

import io.auditwarehouse.cli.Cli;
import io.auditwarehouse.testing.ElasticsearchServer;
import io.auditwarehouse.testing.MySqlServer;
import io.auditwarehouse.testing.MySqlServer.TestDatabase;
import io.auditwarehouse.testing.MySqlServer.TestUser;
import io.auditwarehouse.testing.RealServices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Against the real servers: what cannot succeed (a wrong password, a missing grant, database, table or index) fails at
 * the first attempt with exit 6 and one line naming the key to fix and no secret; a refused connection is still
 * retried and ends in exit 3.
 */
@ExtendWith(RealServices.class)
class SourceRefusalsIT {

    static final String AS_OF = "2026-10-10T00:00:00+09:00";

    @TempDir
    Path tmp;

    private Path approvalsConfig(String jdbcUrl, String user, String password) throws Exception {
        Path file = Files.writeString(tmp.resolve("password"), password);
        return Files.writeString(tmp.resolve("approvals.yaml"), "sources:\n  approvals:\n    jdbc_url: \"" + jdbcUrl + "\"\n"
                + "    user: " + user + "\n    password_file: " + file + "\n");
    }

    private Cli nightly(int exitCode, Path config) throws Exception {
        Path input = Path.of(SourceRefusalsIT.class.getResource("/worked-example").toURI());
        Path out = tmp.resolve("out");
        Cli r = Cli.expect(exitCode, "nightly", "--config", config.toString(), "--input", input.toString(), "--out", out.toString(),
                "--date", "2026-10-01", "--as-of", AS_OF);
        assertFalse(Files.exists(out.resolve("warehouse/recon_run")), "nothing published");
        return r;
    }

    /** The one error line, checked to be a refusal and to contain each fragment. */
    private static String refused(Cli r, String... fragments) {
        List<String> errors = r.err().lines().filter(l -> l.startsWith("error")).toList();
        assertEquals(1, errors.size(), r.err());
        String line = errors.get(0);
        assertTrue(line.startsWith("error (source refused): "), line);
        for (String f : fragments) assertTrue(line.contains(f), line);
        assertFalse(r.err().contains("\tat "), r.err());
        return line;
    }

    private static String marker(String what) {
        return "AwRefusal-" + what + "-" + UUID.randomUUID();
    }

    @Test
    void aWrongPasswordExitsSixAtTheFirstAttemptNamingTheKeysAndNoPassword(MySqlServer mysql) throws Exception {
        String right = marker("right");
        String wrong = marker("wrong");
        try (TestDatabase db = mysql.newDatabase("aw_refused"); TestUser reader = mysql.newUser("aw_reader", right).grant("SELECT", db)) {
            Cli r = nightly(6, approvalsConfig(db.jdbcUrl(), reader.name(), wrong));
            refused(r, "approvals: authentication failed", "(attempt 1, not retried)", db.name(),
                    "check sources.approvals.user and sources.approvals.password_env (or password_file)");
            for (String secret : List.of(right, wrong)) {
                assertFalse(r.err().contains(secret) || r.out().contains(secret), "no password printed: " + r.err());
            }
        }
    }

    @Test
    void anAccountWithoutGrantsExitsSixNamingTheAccount(MySqlServer mysql) throws Exception {
        String password = marker("nogrant");
        try (TestDatabase db = mysql.newDatabase("aw_refused"); TestUser nobody = mysql.newUser("aw_nogrant", password)) {
            Cli r = nightly(6, approvalsConfig(db.jdbcUrl(), nobody.name(), password));
            refused(r, "approvals: permission refused", "(attempt 1, not retried)", "check sources.approvals.user");
            assertFalse(r.err().contains(password), r.err());
        }
    }

    @Test
    void anUnknownDatabaseOrAMissingTableExitsSixNamingTheKey(MySqlServer mysql) throws Exception {
        String missing = "aw_no_such_db_" + UUID.randomUUID().toString().substring(0, 8);
        refused(nightly(6, approvalsConfig(mysql.jdbcUrl(missing), mysql.user(), mysql.password())),
                "approvals: no such database", "(attempt 1, not retried)", missing, "check sources.approvals.jdbc_url");
        try (TestDatabase empty = mysql.newDatabase("aw_refused")) {
            refused(nightly(6, approvalsConfig(empty.jdbcUrl(), mysql.user(), mysql.password())),
                    "approvals: no such table", "(attempt 1, not retried)", "approval_record", "check sources.approvals.table");
        }
    }

    @Test
    void noElasticsearchIndexMatchingExitsSixNamingTheIndexKeys(ElasticsearchServer es) throws Exception {
        String prefix = ElasticsearchServer.uniquePrefix("aw-refused");
        Path config = Files.writeString(tmp.resolve("es.yaml"), "sources:\n  builds: {index: \"" + prefix + "-builds-*\"}\n"
                + "  audit: {index: \"" + prefix + "-audit-*\"}\nelasticsearch:\n  url: " + es.url() + "\n");
        refused(nightly(6, config), "elasticsearch: no index matches " + prefix + "-builds-*", "(not retried)",
                "check sources.builds.index and sources.audit.index");
    }

    @Test
    void aRefusedConnectionIsRetriedThenExitsThree() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        Cli r = nightly(3, approvalsConfig("jdbc:mysql://127.0.0.1:" + closed + "/approval", "reader", marker("closed")));
        List<String> errors = r.err().lines().filter(l -> l.startsWith("error")).toList();
        assertEquals(1, errors.size(), r.err());
        assertTrue(errors.get(0).startsWith("error (source unavailable): approvals: cannot read jdbc:mysql://127.0.0.1:" + closed),
                errors.get(0));
        Matcher attempts = Pattern.compile("after (\\d+) attempts").matcher(errors.get(0));
        assertTrue(attempts.find() && Integer.parseInt(attempts.group(1)) >= 4, "retried: " + errors.get(0));
    }
}
