package io.auditwarehouse.sources;

import io.auditwarehouse.config.ConfigException;
import io.auditwarehouse.errors.ErrorMessages;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Retries only what can succeed. A transient source fault (connection refused or reset, a timeout, HTTP 429 or 5xx)
 * is retried with {@link Backoff} for a bounded time, then reported as unavailable (exit 3); a refusal (wrong
 * credentials, a missing permission, database, table or index: {@link SourceFault}) fails at once (exit 6), naming
 * the key to fix.
 */
public final class Retry {

    /** Waits; tests pass one that only advances their clock. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    private static final Retry SOURCES = new Retry(Backoff.SOURCES, d -> Thread.sleep(d.toMillis()), System::nanoTime,
            () -> ThreadLocalRandom.current().nextDouble());

    private final Backoff backoff;
    private final Sleeper sleeper;
    private final LongSupplier nanoTime;
    private final DoubleSupplier random;

    public Retry(Backoff backoff, Sleeper sleeper, LongSupplier nanoTime, DoubleSupplier random) {
        this.backoff = backoff;
        this.sleeper = sleeper;
        this.nanoTime = nanoTime;
        this.random = random;
    }

    /** @param where what is read, for messages: a URL without credentials and a table or index */
    public static <T> T reading(String source, String where, RefusalKeys keys, Supplier<T> read) {
        return SOURCES.read(source, where, keys, read);
    }

    public <T> T read(String source, String where, RefusalKeys keys, Supplier<T> read) {
        long start = nanoTime.getAsLong();
        for (int attempt = 1; ; attempt++) {
            try {
                return read.get();
            } catch (SourceUnavailableException | SourceRefusedException | ConfigException e) {
                throw e; // already classified by the reader
            } catch (Exception e) { // JDBC and Hadoop exceptions arrive undeclared through Scala
                SourceFault fault = SourceFault.of(e);
                if (!fault.kind().retried()) throw refused(source, where, attempt, fault, keys, e);
                Duration wait = backoff.delay(attempt, random.getAsDouble());
                Duration spent = Duration.ofNanos(nanoTime.getAsLong() - start);
                if (!backoff.allows(spent, wait)) {
                    throw new SourceUnavailableException(source, "cannot read " + where + " after " + attempt + " attempts in "
                            + seconds(spent) + ": " + keys.scrub(ErrorMessages.firstLine(e)), e);
                }
                try {
                    sleeper.sleep(wait);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new SourceUnavailableException(source, "interrupted while retrying " + where + ": "
                            + keys.scrub(ErrorMessages.firstLine(e)), e);
                }
            }
        }
    }

    private static SourceRefusedException refused(String source, String where, int attempt, SourceFault fault,
                                                  RefusalKeys keys, Exception e) {
        return new SourceRefusedException(source, fault.kind(), fault.kind().words() + " reading " + where + " (attempt "
                + attempt + ", not retried): " + keys.scrub(ErrorMessages.firstLine(fault.cause()))
                + "; check " + keys.forKind(fault.kind()), e);
    }

    private static String seconds(Duration d) {
        return String.format(java.util.Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }
}
