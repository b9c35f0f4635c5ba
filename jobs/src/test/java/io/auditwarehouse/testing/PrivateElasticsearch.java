package io.auditwarehouse.testing;

import static io.auditwarehouse.testing.LocalCommands.isRoot;
import static io.auditwarehouse.testing.LocalCommands.freePort;
import static io.auditwarehouse.testing.LocalCommands.exec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * An Elasticsearch of the test's own, for a test that kills it: the shared one on 9200 serves every other IT and must
 * stay up. The same integration-test zip as bin/test-services (from the local Maven repository, where that script's
 * {@code mvn dependency:copy} leaves it), unpacked under {@code target/}, on free loopback ports, run as the
 * unprivileged user aw-es when the tests run as root (Elasticsearch refuses root). {@link #kill} is a {@code kill -9};
 * {@link #start} again reuses the data folder, as a restarted server would.
 */
public final class PrivateElasticsearch implements AutoCloseable {

    private static final String VERSION = "7.17.29";
    private static final Path HOME = home();
    private static final Duration START_WITHIN = Duration.ofMinutes(2);

    private final Path run;
    private final int httpPort;
    private final int transportPort;
    private final List<String> settings;
    private ProcessHandle process;

    private PrivateElasticsearch(Path run, int httpPort, int transportPort, List<String> settings) {
        this.run = run;
        this.httpPort = httpPort;
        this.transportPort = transportPort;
        this.settings = settings;
    }

    /**
     * Unpacks the distribution if needed and starts a fresh node.
     *
     * @param settings extra node settings, each {@code key=value} (passed as {@code -E}), e.g. a tiny write queue
     */
    public static PrivateElasticsearch start(String... settings) throws Exception {
        for (String setting : settings) {
            if (!setting.matches("[a-z0-9_.]+=[A-Za-z0-9_.]+")) throw new IllegalArgumentException("not a plain setting: " + setting);
        }
        Path run = HOME.resolve("run-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()));
        Files.createDirectories(run);
        PrivateElasticsearch es = new PrivateElasticsearch(run, freePort(), freePort(), List.of(settings));
        es.startAgain();
        return es;
    }

    public ElasticsearchServer server() {
        return new ElasticsearchServer(url());
    }

    public String url() {
        return "http://127.0.0.1:" + httpPort;
    }

    /** Starts the node (again) on the same ports and data, and returns once it answers with a yellow or green cluster. */
    public void startAgain() throws Exception {
        Path dist = distribution();
        Path pid = run.resolve("es.pid");
        Files.deleteIfExists(pid);
        String javaHome = System.getProperty("java.home");
        String command = "ES_JAVA_HOME='" + javaHome + "' ES_JAVA_OPTS='-Xms256m -Xmx256m' '" + dist.resolve("bin/elasticsearch")
                + "' -d -p '" + pid + "' -E discovery.type=single-node -E xpack.security.enabled=false"
                + " -E network.host=127.0.0.1 -E http.port=" + httpPort + " -E transport.port=" + transportPort
                + " -E path.data='" + run.resolve("data") + "' -E path.logs='" + run.resolve("logs") + "'"
                + settings.stream().map(setting -> " -E " + setting).collect(Collectors.joining());
        // the daemon keeps the streams it was given: a log file, never a pipe this JVM would wait on for ever
        String daemon = command + " >> '" + run.resolve("start.log") + "' 2>&1";
        if (isRoot()) {
            exec(List.of("chown", "-R", "aw-es", dist.toString(), run.toString()));
            exec(List.of("su", "-s", "/bin/bash", "aw-es", "-c", daemon));
        } else {
            exec(List.of("bash", "-c", daemon));
        }
        Instant deadline = Instant.now().plus(START_WITHIN);
        while (!Files.exists(pid) || Files.readString(pid).isBlank()) {
            if (Instant.now().isAfter(deadline)) throw new IllegalStateException("no pid file from Elasticsearch; see " + run.resolve("logs"));
            Thread.sleep(100); // polling a condition with a deadline: the daemon writes its pid once it has started
        }
        process = ProcessHandle.of(Long.parseLong(Files.readString(pid).strip())).orElseThrow();
        while (!answers()) {
            if (Instant.now().isAfter(deadline) || !process.isAlive()) {
                throw new IllegalStateException("Elasticsearch did not come up on " + url() + "; see " + run.resolve("logs"));
            }
            Thread.sleep(200); // polling a condition with a deadline: the node opens its HTTP port when it is ready
        }
        // the server waits for the cluster state (shards recovered after a kill) before it answers this
        ElasticsearchServer.Response health = server().get("/_cluster/health?wait_for_status=yellow&timeout=60s");
        if (health.status() != 200) throw new IllegalStateException("cluster not yellow: " + health.body());
    }

    /** {@code kill -9} of the node; returns once the process is gone. */
    public void kill() throws Exception {
        if (process == null) return;
        process.destroyForcibly();
        process.onExit().get(1, TimeUnit.MINUTES);
        process = null;
    }

    @Override
    public void close() throws Exception {
        kill();
        exec(List.of("rm", "-rf", run.toString()));
    }

    private boolean answers() {
        try {
            return server().get("/").status() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Under {@code target/}, except as root: then aw-es runs the node and may not traverse the project's parents (a
     * clone under {@code mktemp -d} is mode 700), so a folder of this project's own under the temporary folder.
     */
    private static Path home() {
        Path target = Path.of("target", "private-es").toAbsolutePath();
        if (!isRoot()) return target;
        String project = HexFormat.of().toHexDigits(target.toString().hashCode());
        return Path.of(System.getProperty("java.io.tmpdir"), "aw-private-es-" + project);
    }

    private static synchronized Path distribution() throws Exception {
        Path dist = HOME.resolve("elasticsearch-" + VERSION);
        if (Files.isExecutable(dist.resolve("bin/elasticsearch"))) return dist;
        String repository = System.getProperty("maven.repo.local", System.getProperty("user.home") + "/.m2/repository");
        Path zip = Path.of(repository, "org/elasticsearch/distribution/integ-test-zip/elasticsearch", VERSION,
                "elasticsearch-" + VERSION + ".zip");
        if (!Files.exists(zip)) {
            throw new IllegalStateException(zip + " is missing: run bin/test-services up once (it fetches the zip with Maven)");
        }
        Files.createDirectories(HOME);
        exec(List.of("unzip", "-q", "-o", zip.toString(), "-d", HOME.toString()));
        return dist;
    }
}
