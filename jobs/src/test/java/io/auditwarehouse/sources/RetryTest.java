package io.auditwarehouse.sources;

import io.auditwarehouse.config.AppConfig;
import io.auditwarehouse.config.ConfigException;
import io.auditwarehouse.config.ConfigKey;
import io.auditwarehouse.config.ConfigLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ConnectException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.sql.SQLSyntaxErrorException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The retry policy on a clock of the test's own: no real waiting, every wait and attempt counted. */
class RetryTest {

    static final String PASSWORD = "Pw-for-RetryTest-7f3a";

    @TempDir
    Path tmp;

    /** A clock the sleeper advances; each attempt may take time too. */
    static final class FakeTime {
        long nanos;
        final List<Duration> waits = new ArrayList<>();

        void sleep(Duration d) {
            waits.add(d);
            nanos += d.toNanos();
        }

        Duration waited() {
            return waits.stream().reduce(Duration.ZERO, Duration::plus);
        }
    }

    private static Retry retry(FakeTime time, double jitter) {
        return new Retry(Backoff.SOURCES, time::sleep, () -> time.nanos, () -> jitter);
    }

    private AppConfig mysqlConfig() throws Exception {
        Path password = Files.writeString(tmp.resolve("pw"), PASSWORD);
        Path cfg = Files.writeString(tmp.resolve("c.yaml"), "sources:\n  approvals:\n    jdbc_url: \"jdbc:mysql://db:3306/approval\"\n"
                + "    user: reader\n    password_file: " + password + "\n");
        return ConfigLoader.load(cfg, tmp, tmp);
    }

    private static Supplier<String> failing(AtomicInteger attempts, RuntimeException e) {
        return () -> {
            attempts.incrementAndGet();
            throw e;
        };
    }

    @Test
    void aWrongPasswordFailsAtTheFirstAttemptWithoutWaitingNamingTheKeysAndNoSecret() throws Exception {
        FakeTime time = new FakeTime();
        AtomicInteger attempts = new AtomicInteger();
        // a driver quoting what it was given: the secret must not reach the message
        RuntimeException denied = new RuntimeException(new SQLInvalidAuthorizationSpecException(
                "Access denied for user 'reader'@'10.0.0.5' (using password: " + PASSWORD + ")", "28000", 1045));
        RefusalKeys keys = RefusalKeys.approvals(mysqlConfig().servers(), ConfigKey.APPROVALS_TABLE);
        SourceRefusedException e = assertThrows(SourceRefusedException.class,
                () -> retry(time, 0.5).read("approvals", "jdbc:mysql://db:3306/approval approval_record", keys, failing(attempts, denied)));
        assertEquals(1, attempts.get());
        assertEquals(List.of(), time.waits);
        assertEquals(SourceFault.Kind.AUTHENTICATION, e.kind());
        assertTrue(e.getMessage().startsWith("approvals: authentication failed reading jdbc:mysql://db:3306/approval approval_record "
                + "(attempt 1, not retried)"), e.getMessage());
        assertTrue(e.getMessage().endsWith("; check sources.approvals.user and sources.approvals.password_env (or password_file)"),
                e.getMessage());
        assertFalse(e.getMessage().contains(PASSWORD), e.getMessage());
        assertTrue(e.getMessage().contains("(secret)"), e.getMessage());
    }

    @Test
    void eachRefusalNamesItsKey() throws Exception {
        AppConfig config = mysqlConfig();
        RefusalKeys approvals = RefusalKeys.approvals(config.servers(), ConfigKey.APPROVALS_TABLE);
        RefusalKeys users = RefusalKeys.approvals(config.servers(), ConfigKey.USERS_TABLE);
        assertEquals("sources.approvals.jdbc_url", approvals.forKind(SourceFault.Kind.NO_SUCH_DATABASE));
        assertEquals("sources.approvals.table", approvals.forKind(SourceFault.Kind.NO_SUCH_TABLE));
        assertEquals("sources.users.table", users.forKind(SourceFault.Kind.NO_SUCH_TABLE));
        assertTrue(approvals.forKind(SourceFault.Kind.PERMISSION).startsWith("sources.approvals.user"));

        Path key = Files.writeString(tmp.resolve("key"), "a2V5OnNlY3JldA==");
        Path es = Files.writeString(tmp.resolve("es.yaml"), "elasticsearch:\n  url: http://es:9200\n  api_key_file: " + key + "\n");
        RefusalKeys elastic = RefusalKeys.elasticsearch(ConfigLoader.load(es, tmp, tmp).servers());
        assertEquals("elasticsearch.api_key_env (or api_key_file)", elastic.forKind(SourceFault.Kind.AUTHENTICATION));
        assertEquals("sources.builds.index or sources.audit.index", elastic.forKind(SourceFault.Kind.NO_SUCH_TABLE));
        assertEquals("key (secret)", elastic.scrub("key a2V5OnNlY3JldA=="));

        FakeTime time = new FakeTime();
        SourceRefusedException missing = assertThrows(SourceRefusedException.class, () -> retry(time, 0.5).read("approvals", "db t",
                users, () -> {
                    throw new RuntimeException(new SQLSyntaxErrorException("Table 'approval.app_usr' doesn't exist", "42S02", 1146));
                }));
        assertTrue(missing.getMessage().endsWith("; check sources.users.table"), missing.getMessage());
        assertEquals(List.of(), time.waits);
    }

    @Test
    void aRefusedConnectionIsRetriedWithGrowingWaitsWithinTheBudgetThenUnavailable() {
        for (double jitter : new double[]{0.0, 0.5, 0.999}) {
            FakeTime time = new FakeTime();
            AtomicInteger attempts = new AtomicInteger();
            RuntimeException refused = new UncheckedIOException("cannot reach http://127.0.0.1:1", new java.io.IOException(new ConnectException()));
            SourceUnavailableException e = assertThrows(SourceUnavailableException.class, () -> retry(time, jitter)
                    .read("elasticsearch", "http://127.0.0.1:1 jenkins-*", RefusalKeys.evidence(config()), failing(attempts, refused)));
            assertEquals(attempts.get(), time.waits.size() + 1, "a wait between two attempts");
            assertTrue(attempts.get() >= 4, "jitter " + jitter + ": " + attempts.get() + " attempts");
            assertTrue(time.waited().compareTo(Backoff.SOURCES.budget()) <= 0, "waited " + time.waited());
            for (int i = 0; i < time.waits.size(); i++) {
                assertWithinJitterBounds(i + 1, time.waits.get(i));
                if (i > 0) assertTrue(time.waits.get(i).compareTo(time.waits.get(i - 1).dividedBy(2)) >= 0, "waits grow: " + time.waits);
            }
            assertTrue(e.getMessage().contains("after " + attempts.get() + " attempts"), e.getMessage());
        }
    }

    @Test
    void slowAttemptsCountAgainstTheBudget() {
        FakeTime time = new FakeTime();
        AtomicInteger attempts = new AtomicInteger();
        Duration attempt = Duration.ofSeconds(3); // e.g. a connect timeout each time
        assertThrows(SourceUnavailableException.class, () -> retry(time, 0.5).read("approvals", "db t", RefusalKeys.evidence(config()), () -> {
            attempts.incrementAndGet();
            time.nanos += attempt.toNanos();
            throw new RuntimeException(new java.net.SocketTimeoutException("connect timed out"));
        }));
        // never a wait that ends past the budget: the whole run is the budget plus at most one attempt
        assertTrue(Duration.ofNanos(time.nanos).compareTo(Backoff.SOURCES.budget().plus(attempt)) <= 0, Duration.ofNanos(time.nanos).toString());
        assertEquals(3, attempts.get(), "3 s + 0.375 s + 3 s + 0.75 s fit in 8 s; another 1.5 s wait after the third would not");
    }

    @Test
    void aTransientFaultThatClearsIsReadOnTheNextAttempt() {
        FakeTime time = new FakeTime();
        AtomicInteger attempts = new AtomicInteger();
        String value = retry(time, 0.5).read("approvals", "db t", RefusalKeys.evidence(config()), () -> {
            if (attempts.incrementAndGet() < 3) throw new RuntimeException(new ConnectException("Connection refused"));
            return "rows";
        });
        assertEquals("rows", value);
        assertEquals(2, time.waits.size());
    }

    @Test
    void aRefusalAfterTransientFaultsSaysWhichAttemptFailed() {
        FakeTime time = new FakeTime();
        AtomicInteger attempts = new AtomicInteger();
        SourceRefusedException e = assertThrows(SourceRefusedException.class, () -> retry(time, 0.5).read("elasticsearch", "es jenkins-*",
                RefusalKeys.evidence(config()), () -> {
                    if (attempts.incrementAndGet() == 1) throw new SourceHttpStatusException("GET /", 503);
                    throw new SourceHttpStatusException("GET /", 403);
                }));
        assertEquals(SourceFault.Kind.PERMISSION, e.kind());
        assertTrue(e.getMessage().contains("(attempt 2, not retried)"), e.getMessage());
        assertEquals(1, time.waits.size());
    }

    @Test
    void classifiedFailuresPassThroughAtOnce() {
        FakeTime time = new FakeTime();
        AtomicInteger attempts = new AtomicInteger();
        assertThrows(ConfigException.class, () -> retry(time, 0.5).read("files", "./data", RefusalKeys.evidence(config()),
                failing(attempts, new ConfigException("input.dir", "input folder ./data does not exist"))));
        assertEquals(1, attempts.get());
        assertEquals(List.of(), time.waits);
    }

    @Test
    void jitterStaysWithinHalfToAllOfTheExponentialStep() {
        for (int retry = 1; retry <= 40; retry++) {
            for (double unit : new double[]{0.0, 0.25, 0.5, 0.75, 0.9999}) {
                assertWithinJitterBounds(retry, Backoff.SOURCES.delay(retry, unit));
            }
        }
        assertEquals(Duration.ofMillis(250), Backoff.SOURCES.delay(1, 0.0));
        assertEquals(Duration.ofMillis(2_000), Backoff.SOURCES.delay(4, 0.0));
        assertEquals(Duration.ofMillis(2_000), Backoff.SOURCES.delay(30, 0.0), "capped at max");
    }

    private static void assertWithinJitterBounds(int retry, Duration wait) {
        long step = Math.min(Backoff.SOURCES.max().toMillis(), Backoff.SOURCES.first().toMillis() << Math.min(retry - 1, 20));
        assertTrue(wait.toMillis() >= step / 2 && wait.toMillis() <= step, "retry " + retry + ": " + wait + " not in [" + step / 2 + ", " + step + "] ms");
    }

    private AppConfig config() {
        return ConfigLoader.load(null, tmp, tmp);
    }
}
