package io.auditwarehouse.testing;

import io.auditwarehouse.sinks.FileWarehouseLock;
import io.auditwarehouse.sinks.WarehouseLock;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Another process holding an embedded warehouse's writer lock, for as long as the test says: it prints
 * {@code LOCKED} once it holds the lock and releases it when a line (or the end) arrives on its stdin.
 */
public final class LockHoldingProcess implements AutoCloseable {

    private static final String LOCKED = "LOCKED";

    private final Process process;
    private final BufferedReader out;

    private LockHoldingProcess(Process process) {
        this.process = process;
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    /** Starts a JVM on the test class path that takes the lock of {@code warehouseDir} for {@code what}, and waits until it holds it. */
    public static LockHoldingProcess hold(Path warehouseDir, String what, Path stderr) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process p = new ProcessBuilder(List.of(java, "-XX:TieredStopAtLevel=1", "-cp", cp, LockHoldingProcess.class.getName(),
                warehouseDir.toString(), what)).redirectError(stderr.toFile()).start();
        LockHoldingProcess holder = new LockHoldingProcess(p);
        String line = holder.out.readLine(); // the checkpoint: the child says when it holds the lock
        if (!LOCKED.equals(line)) {
            p.destroyForcibly();
            throw new IllegalStateException("the lock-holding process did not take the lock: " + line);
        }
        return holder;
    }

    public long pid() {
        return process.pid();
    }

    /** Tells it to release the lock and waits for it to end. */
    public void release() throws IOException, InterruptedException {
        Writer in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        in.write("release\n");
        in.flush();
        if (process.waitFor() != 0) throw new IllegalStateException("the lock-holding process failed");
    }

    /** Kills it as kill -9 would, and waits until it is gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) kill();
    }

    public static void main(String[] args) throws IOException {
        try (WarehouseLock.Held held = new FileWarehouseLock(Path.of(args[0]), Duration.ZERO).acquire(args[1], System.err::println)) {
            System.out.println(LOCKED);
            System.out.flush();
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        }
    }
}
