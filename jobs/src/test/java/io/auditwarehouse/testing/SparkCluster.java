package io.auditwarehouse.testing;

import static io.auditwarehouse.testing.LocalCommands.freePort;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A Spark standalone cluster on 127.0.0.1 made from the shaded jar alone: a master and workers, each a JVM of its
 * own, with SPARK_HOME a folder whose jars/ holds only that jar. Register it with {@code @RegisterExtension static};
 * every process it started, executors among them, is killed after the class, or at JVM exit if it never gets there.
 */
public final class SparkCluster implements BeforeAllCallback, AfterAllCallback {

    /** The module's shaded jar: failsafe runs after package, so it is there in {@code mvn verify}. */
    public static final Path JAR = Path.of("target", "audit-warehouse.jar").toAbsolutePath();
    private static final String SUBMITTED_MAIN = "io.auditwarehouse.cli.AuditWarehouse";
    private static final Duration STARTUP = Duration.ofMinutes(2);
    // C1 only: short-lived JVMs on a small CI machine spend less CPU compiling
    private static final String QUICK_START = "-XX:TieredStopAtLevel=1";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final int workers;
    private final List<CliProcess> processes = new ArrayList<>(); // the daemons, then the drivers submitted
    private final List<Path> workDirs = new ArrayList<>();
    private final Thread killer = new Thread(this::stopAll, "spark-cluster-killer");
    private Path dir;
    private String masterUi;
    private CompletableFuture<String> started;

    private SparkCluster(int workers) {
        this.workers = workers;
    }

    /** Workers of one core and 1 GB each: one executor of each application per worker. */
    public static SparkCluster withWorkers(int workers) {
        return new SparkCluster(workers);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        if (!Files.isRegularFile(JAR)) throw new IllegalStateException(JAR + " is missing: run `mvn verify` (package comes first)");
        dir = Files.createTempDirectory("aw-spark-cluster");
        Path jars = Files.createDirectories(dir.resolve("spark-home/jars"));
        Files.createSymbolicLink(jars.resolve(JAR.getFileName()), JAR);
        Runtime.getRuntime().addShutdownHook(killer);
        // in the background: the test class prepares its inputs meanwhile, and its first submit waits
        started = CompletableFuture.supplyAsync(() -> {
            try {
                return start();
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        });
    }

    /** Starts the master, then the workers, and waits until all of them are registered; returns the master URL. */
    private String start() throws Exception {
        int uiPort = freePort();
        masterUi = "http://127.0.0.1:" + uiPort;
        daemon("master", "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port", "0",
                "--webui-port", String.valueOf(uiPort));
        String url = await("the master at " + masterUi + " to answer", () -> {
            JsonNode m = masterState();
            return m != null && "ALIVE".equals(m.path("status").asText()) ? m.path("url").asText() : null;
        });
        for (int i = 1; i <= workers; i++) {
            Path work = Files.createDirectories(dir.resolve("work-" + i));
            workDirs.add(work);
            daemon("worker-" + i, "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1", "--port", "0",
                    "--webui-port", "0", "--cores", "1", "--memory", "1g", "--work-dir", work.toString(), url);
        }
        await(workers + " ALIVE workers registered at " + masterUi, () -> {
            JsonNode m = masterState();
            return m != null && m.path("aliveworkers").asInt() == workers ? true : null;
        });
        return url;
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException, InterruptedException {
        try {
            started.get(); // a start still under way would launch daemons after the stop
        } catch (ExecutionException e) {
            // reported by the test that submitted; the daemons it did start are stopped below
        }
        stopAll();
        Runtime.getRuntime().removeShutdownHook(killer);
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** Waits for the cluster to be up; fails with the reason it is not. */
    public String masterUrl() throws Exception {
        try {
            return started.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    /**
     * Starts {@code spark-submit} of the CLI in client mode, its output in {@code logs}. The driver waits for an
     * executor on every worker before its first job, so each worker is offered tasks from the start.
     *
     * @param conf extra {@code key=value} Spark settings
     */
    public CliProcess submit(Path logs, String name, List<String> conf, String... cliArgs) throws Exception {
        List<String> args = new ArrayList<>(List.of("--master", masterUrl(), "--deploy-mode", "client",
                "--class", SUBMITTED_MAIN));
        List<String> settings = new ArrayList<>(List.of(
                "spark.executor.memory=512m",
                "spark.executor.extraJavaOptions=" + QUICK_START + " " + String.join(" ", CliProcess.moduleOptions()),
                "spark.cores.max=" + workers,
                "spark.scheduler.minRegisteredResourcesRatio=1.0",
                "spark.scheduler.maxRegisteredResourcesWaitingTime=" + STARTUP.toSeconds() + "s",
                // more partitions than cores: every stage of the RDD pipeline has work for both executors
                "spark.default.parallelism=" + 2 * workers,
                "spark.sql.shuffle.partitions=" + 2 * workers));
        settings.addAll(conf);
        settings.forEach(s -> args.addAll(List.of("--conf", s)));
        // local: the jar is at this path on every worker (SPARK_HOME/jars): executors copy it from there, not from the driver
        args.add("local:" + JAR);
        args.addAll(List.of(cliArgs));
        // client mode: this JVM is the driver
        CliProcess driver = CliProcess.startJava(logs, name, JAR.toString(), "org.apache.spark.deploy.SparkSubmit",
                List.of("-Xmx1g", QUICK_START), environment(), args.toArray(String[]::new));
        return track(driver);
    }

    /** For each worker, the ids of the executors it ran for the application. */
    public List<Set<String>> executorsPerWorker(String appId) throws IOException {
        List<Set<String>> executors = new ArrayList<>();
        for (Path work : workDirs) {
            Set<String> ids = new HashSet<>();
            Path app = work.resolve(appId);
            if (Files.isDirectory(app)) {
                try (Stream<Path> s = Files.list(app)) {
                    s.filter(Files::isDirectory).forEach(p -> ids.add(p.getFileName().toString()));
                }
            }
            executors.add(ids);
        }
        return executors;
    }

    private void daemon(String name, String mainClass, String... args) throws IOException {
        track(CliProcess.startJava(dir, name, JAR.toString(), mainClass, List.of("-Xmx256m", "-XX:+UseSerialGC", QUICK_START),
                environment(), args));
    }

    private List<CliProcess> tracked() {
        synchronized (processes) {
            return List.copyOf(processes);
        }
    }

    private CliProcess track(CliProcess p) {
        synchronized (processes) {
            processes.add(p);
        }
        return p;
    }

    private Map<String, String> environment() {
        return Map.of("SPARK_HOME", dir.resolve("spark-home").toString(), "SPARK_SCALA_VERSION", "2.12",
                "SPARK_LOCAL_IP", "127.0.0.1");
    }

    /** The master's state, or null while it does not answer yet. */
    private JsonNode masterState() {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(masterUi + "/json/"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? JSON.readTree(r.body()) : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private interface Probe<T> {
        T value() throws Exception;
    }

    /** Polls until the probe gives a value; fails early, with its output, when a daemon has died. */
    private <T> T await(String what, Probe<T> probe) throws Exception {
        Instant deadline = Instant.now().plus(STARTUP);
        for (T v = probe.value(); ; v = probe.value()) {
            if (v != null) return v;
            for (CliProcess d : tracked()) {
                if (!d.process().isAlive()) throw new AssertionError("a Spark daemon exited while waiting for " + what + "\n" + d.output());
            }
            if (Instant.now().isAfter(deadline)) throw new AssertionError("timed out after " + STARTUP + " waiting for " + what);
            Thread.sleep(250);
        }
    }

    /** SIGTERM first (a worker then kills its executors), then SIGKILL for anything left, executors included. */
    private void stopAll() {
        List<ProcessHandle> all = new ArrayList<>();
        synchronized (processes) {
            for (CliProcess d : processes) {
                all.addAll(d.process().descendants().toList());
                all.add(d.process().toHandle());
            }
            processes.clear();
        }
        all.forEach(ProcessHandle::destroy);
        for (ProcessHandle p : all) {
            try {
                p.onExit().get(20, TimeUnit.SECONDS);
            } catch (Exception e) {
                p.destroyForcibly();
            }
        }
    }
}
