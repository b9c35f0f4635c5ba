package io.auditwarehouse.job;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;

/** Progress lines on long steps, to stderr so that stdout stays clean for results. */
public final class Progress {

    private final PrintStream out;
    private final Instant start = Instant.now();
    private final boolean quiet;

    public Progress(PrintStream out, boolean quiet) {
        this.out = out;
        this.quiet = quiet;
    }

    public static Progress stderr() {
        return new Progress(System.err, false);
    }

    public static Progress silent() {
        return new Progress(System.err, true);
    }

    public void step(String message) {
        if (!quiet) out.printf("[%6.1fs] %s%n", elapsed().toMillis() / 1000.0, message);
    }

    public Duration elapsed() {
        return Duration.between(start, Instant.now());
    }
}
