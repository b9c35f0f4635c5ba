package io.auditwarehouse.testing;

import static io.auditwarehouse.testing.LocalCommands.isRoot;
import static io.auditwarehouse.testing.LocalCommands.freePort;
import static io.auditwarehouse.testing.LocalCommands.exec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A MariaDB of the test's own that requires TLS ({@code require_secure_transport=ON}) with a certificate from a
 * {@link TestCa}, for tests that stop it or need its TLS settings: the shared server on 3306 serves every other IT.
 * The Debian mariadb-server binaries ({@code mariadb-install-db}, {@code mariadbd}), also under Testcontainers (the
 * test then fails, never skips, when they are missing); a fresh data folder under /tmp (the mysql user, which the server
 * runs as when the tests run as root, must reach it), a free loopback port, its own socket and pid file. One account,
 * {@code aw} with a random password, holds every privilege. {@link #stop} and {@link #start} again reuse the data.
 */
public final class PrivateMariaDb implements AutoCloseable {

    private static final Duration START_WITHIN = Duration.ofMinutes(2);
    public static final String USER = "aw";

    private final Path dir;
    private final int port;
    private final String password = "pw-" + UUID.randomUUID();
    private final Path caFile;
    private Process process;

    private PrivateMariaDb(Path dir, int port, Path caFile) {
        this.dir = dir;
        this.port = port;
        this.caFile = caFile;
    }

    /** Installs a data folder and starts the server with a certificate {@code ca} signs. */
    public static PrivateMariaDb start(TestCa ca) throws Exception {
        Path install = binary("mariadb-install-db", "/usr/bin/mariadb-install-db");
        Path dir = Files.createTempDirectory("aw-private-mariadb-");
        ca.issueServer(dir.resolve("tls"), "server");
        // a copy: the CA's own folder may be root's alone, and the server runs as mysql
        Path caCopy = Files.copy(ca.caFile(), dir.resolve("tls").resolve("ca.pem"));
        PrivateMariaDb db = new PrivateMariaDb(dir, freePort(), caCopy);
        List<String> command = new ArrayList<>(List.of(install.toString(), "--no-defaults", "--datadir=" + dir.resolve("data"),
                "--auth-root-authentication-method=normal", "--skip-test-db"));
        if (isRoot()) {
            command.add("--user=mysql");
            exec(List.of("chown", "-R", "mysql:mysql", dir.toString()));
            exec(List.of("chmod", "755", dir.toString()));
        }
        exec(command);
        db.startAgain();
        // root may log in over the socket only; the tests' account comes over TCP, where TLS is required
        try (Connection c = DriverManager.getConnection("jdbc:mariadb://localhost/?localSocket=" + db.socket(), "root", "");
             Statement s = c.createStatement()) {
            s.execute("CREATE USER '" + USER + "'@'127.0.0.1' IDENTIFIED BY '" + db.password + "'");
            s.execute("GRANT ALL ON *.* TO '" + USER + "'@'127.0.0.1' WITH GRANT OPTION");
        }
        return db;
    }

    /** Starts the server (again) on the same port and data; returns once it accepts connections. */
    public void startAgain() throws Exception {
        Path mariadbd = binary("mariadbd", "/usr/sbin/mariadbd");
        Path tls = dir.resolve("tls");
        List<String> command = new ArrayList<>(List.of(mariadbd.toString(), "--no-defaults", "--datadir=" + dir.resolve("data"),
                "--port=" + port, "--bind-address=127.0.0.1", "--socket=" + socket(), "--pid-file=" + dir.resolve("mariadbd.pid"),
                "--log-error=" + dir.resolve("error.log"), "--skip-name-resolve", "--skip-log-bin",
                "--innodb-buffer-pool-size=32M", "--max-connections=60",
                "--ssl-ca=" + caFile, "--ssl-cert=" + tls.resolve("server.pem"), "--ssl-key=" + tls.resolve("server.key"),
                "--require-secure-transport=ON"));
        if (isRoot()) {
            command.add("--user=mysql");
            exec(List.of("chown", "-R", "mysql:mysql", tls.toString()));
        }
        process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("stdout.log").toFile()).start();
        Process started = process;
        Runtime.getRuntime().addShutdownHook(new Thread(started::destroy)); // never outlive the test JVM
        Instant deadline = Instant.now().plus(START_WITHIN);
        while (!answers()) {
            if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("MariaDB did not come up on 127.0.0.1:" + port + ": " + errorLog());
            }
            Thread.sleep(100); // polling a condition with a deadline: the server opens its socket when it is ready
        }
    }

    /** A clean shutdown (SIGTERM), as a restart by an administrator; returns once the process is gone. */
    public void stop() throws Exception {
        if (process == null) return;
        process.destroy();
        if (!process.waitFor(2, TimeUnit.MINUTES)) process.destroyForcibly().waitFor();
        process = null;
    }

    @Override
    public void close() throws Exception {
        stop();
        exec(List.of("rm", "-rf", dir.toString()));
    }

    public int port() {
        return port;
    }

    public String password() {
        return password;
    }

    public Path caFile() {
        return caFile;
    }

    /** A URL without TLS options: the config adds them from its {@code ca_file} keys. */
    public String jdbcUrl(String database) {
        return "jdbc:mysql://127.0.0.1:" + port + "/" + (database == null ? "" : database);
    }

    /** A connection of the test's own over TLS, checking the server's certificate against the CA. */
    public Connection connect(String database) throws Exception {
        return DriverManager.getConnection(jdbcUrl(database) + "?permitMysqlScheme&sslMode=verify-full&serverSslCert=" + caFile,
                USER, password);
    }

    public void execute(String sql) throws Exception {
        try (Connection c = connect(null); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private Path socket() {
        return dir.resolve("mariadbd.sock");
    }

    private boolean answers() {
        try (Connection ignored = DriverManager.getConnection("jdbc:mariadb://localhost/?localSocket=" + socket() + "&connectTimeout=2000",
                "root", "")) {
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private String errorLog() {
        try {
            Path log = dir.resolve("error.log");
            return Files.exists(log) ? Files.readString(log) : "(no error log in " + dir + ")";
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static Path binary(String name, String debianPath) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path p = Path.of(d.isEmpty() ? "." : d, name);
            if (Files.isExecutable(p)) return p;
        }
        if (Files.isExecutable(Path.of(debianPath))) return Path.of(debianPath);
        throw new IllegalStateException(name + " is missing: the TLS tests run a MariaDB of their own, also where Testcontainers "
                + "serves the others; install the Debian package mariadb-server (bin/test-services up does as root)");
    }
}
