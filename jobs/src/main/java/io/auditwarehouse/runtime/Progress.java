package io.auditwarehouse.runtime;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;

/** Progress lines on long steps, to stderr so that stdout stays clean for results. */
public final class Progress {

    private final PrintWriter out;
    private final Instant start = Instant.now();
    private final boolean quiet;

    public Progress(PrintWriter out, boolean quiet) {
        this.out = out;
        this.quiet = quiet;
    }

    public static Progress to(PrintWriter err) {
        return new Progress(err, false);
    }

    public void step(String message) {
        if (quiet) return;
        out.printf("[%6.1fs] %s%n", elapsed().toMillis() / 1000.0, message);
        out.flush();
    }

    public Duration elapsed() {
        return Duration.between(start, Instant.now());
    }
}
