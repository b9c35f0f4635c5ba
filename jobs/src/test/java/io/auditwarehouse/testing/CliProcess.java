package io.auditwarehouse.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The command line in a JVM of its own, as an operator runs it (the test classpath, Spark's --add-opens flags), with
 * its stdout and stderr kept in files: for what an in-process run cannot show, such as a kill or every byte printed.
 */
public final class CliProcess {

    private static final Path MODULE_OPTIONS = Path.of("..", "bin", "java-module-options").toAbsolutePath().normalize();

    private final String name;
    private final List<String> args;
    private final Process process;
    private final Path stdout;
    private final Path stderr;

    private CliProcess(String name, List<String> args, Process process, Path stdout, Path stderr) {
        this.name = name;
        this.args = args;
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /**
     * @param dir  where {@code <name>.out} and {@code <name>.err} are written
     * @param jvm  extra JVM options, e.g. -Xmx or -D system properties
     * @param env  extra environment variables
     */
    public static CliProcess start(Path dir, String name, List<String> jvm, Map<String, String> env, String... args) throws IOException {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> options = new ArrayList<>(List.of("-XX:TieredStopAtLevel=1"));
        options.addAll(jvm);
        return startJava(dir, name, cp, "io.auditwarehouse.cli.AuditWarehouse", options, env, args);
    }

    /** Any main class on the given class path, with Spark's --add-opens flags: Spark's own daemons, spark-submit. */
    public static CliProcess startJava(Path dir, String name, String classPath, String mainClass, List<String> jvm,
                                       Map<String, String> env, String... args) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(jvm);
        command.addAll(List.of("@" + MODULE_OPTIONS, "-cp", classPath, mainClass));
        command.addAll(List.of(args));
        Path out = dir.resolve(name + ".out");
        Path err = dir.resolve(name + ".err");
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().putAll(env);
        return new CliProcess(name, List.of(args), pb.start(), out, err);
    }

    /** Runs to the end and fails the test, showing both streams, unless it exits with the expected code. */
    public static CliProcess expect(int exitCode, Path dir, String name, List<String> jvm, Map<String, String> env,
                                    String... args) throws Exception {
        return start(dir, name, jvm, env, args).expectExit(exitCode, Duration.ofMinutes(5));
    }

    /** Waits for the end and fails the test, showing both streams, unless the exit code is the expected one. */
    public CliProcess expectExit(int exitCode, Duration max) throws Exception {
        int code = waitFor(max);
        if (code != exitCode) {
            throw new AssertionError(name + ": exit " + code + " (expected " + exitCode + ") for " + args + "\n" + output());
        }
        return this;
    }

    /** Spark's --add-opens flags, one a line (the launcher's and the builds' list). */
    public static List<String> moduleOptions() throws IOException {
        return Files.readAllLines(MODULE_OPTIONS).stream().filter(l -> !l.isBlank()).toList();
    }

    public Process process() {
        return process;
    }

    /** The exit code; a process still running after {@code max} is killed and fails the test. */
    public int waitFor(Duration max) throws InterruptedException {
        if (!process.waitFor(max.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("still running after " + max + ": killed");
        }
        return process.exitValue();
    }

    /**
     * Returns once stderr holds the line a {@code pause} checkpoint prints (AW_TEST_CHECKPOINT=name:pause): the process
     * is then blocked at exactly that point. Fails if it ends first or does not get there within {@code max}.
     */
    public void awaitPause(String checkpoint, Duration max) throws Exception {
        awaitErr("checkpoint " + checkpoint + " reached: paused", max);
    }

    /** Returns once stderr holds {@code marker} (a progress line); fails if the process ends first or after {@code max}. */
    public void awaitErr(String marker, Duration max) throws Exception {
        long deadline = System.nanoTime() + max.toNanos();
        while (!(Files.exists(stderr) && Files.readString(stderr, StandardCharsets.UTF_8).contains(marker))) {
            if (!process.isAlive()) throw new AssertionError(name + " ended before printing '" + marker + "'\n" + output());
            if (System.nanoTime() > deadline) throw new AssertionError(name + " did not print '" + marker + "' in " + max + "\n" + output());
            Thread.sleep(50); // polling the marker, not guessing a time: the process waits for us there
        }
    }

    /** Lets a process paused at a checkpoint go on: one line on its stdin. */
    public void resume() throws IOException {
        process.getOutputStream().write('\n');
        process.getOutputStream().flush();
    }

    /**
     * Lets a process go on for good: its stdin closed, so this pause and every later one (each slice of a read reaches
     * {@code reading-sources} once) return at once.
     */
    public void release() throws IOException {
        process.getOutputStream().close();
    }

    public String out() throws IOException {
        return Files.exists(stdout) ? Files.readString(stdout, StandardCharsets.UTF_8) : "";
    }

    /** Both streams, for assertion messages. */
    public String output() throws IOException {
        String err = Files.exists(stderr) ? Files.readString(stderr, StandardCharsets.UTF_8) : "";
        return "--- stdout\n" + out() + "--- stderr\n" + err;
    }
}
