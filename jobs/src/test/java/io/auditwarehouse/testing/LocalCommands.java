package io.auditwarehouse.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** What the fixtures that run servers of their own (Elasticsearch, MariaDB, a Spark cluster, a test CA) share. */
public final class LocalCommands {

    private LocalCommands() {
    }

    /** Servers refuse root (Elasticsearch) or must drop to their own user (MariaDB): the fixtures ask. */
    public static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** A loopback port free now, for a server of the test's own. */
    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /**
     * Runs a command to its end (at most two minutes), failing with its output when it fails.
     *
     * @throws IOException when the program cannot be started (not installed)
     */
    public static void exec(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(2, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
    }
}
