package io.auditwarehouse.sources;

import io.auditwarehouse.errors.ErrorMessages;

import java.util.function.Supplier;

/** Source faults are retried with backoff for a bounded time, then reported as unavailable (exit 3). */
public final class Retry {

    private static final long[] BACKOFF_MS = {500, 1_000, 2_000, 4_000};

    private Retry() {
    }

    public static <T> T reading(String source, String where, Supplier<T> read) {
        Exception last = null;
        for (int attempt = 0; attempt <= BACKOFF_MS.length; attempt++) {
            try {
                return read.get();
            } catch (SourceUnavailableException e) {
                throw e;
            } catch (Exception e) { // JDBC and Hadoop exceptions arrive undeclared through Scala
                last = e;
                if (attempt == BACKOFF_MS.length) break;
                try {
                    Thread.sleep(BACKOFF_MS[attempt]);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        throw new SourceUnavailableException(source, "cannot read " + where + " after " + (BACKOFF_MS.length + 1)
                + " attempts: " + ErrorMessages.firstLine(last), last);
    }
}
