package io.auditwarehouse.sources;

import java.time.Duration;

/**
 * Exponential backoff with jitter within a bounded time: the wait before retry n is drawn from [d/2, d], where
 * d = min(max, first x 2^(n-1)), so that processes failing together do not retry together; no wait is started that
 * would end after {@code budget} from the first attempt.
 */
public record Backoff(Duration first, Duration max, Duration budget) {

    /** Sources: about 8 s of waits, 4 to 6 attempts, then exit 3 (operations.md, Reliability). */
    public static final Backoff SOURCES = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(4), Duration.ofSeconds(8));

    /**
     * @param retry 1 for the wait before the second attempt
     * @param unit  a number in [0, 1): where in [d/2, d] the wait falls
     */
    public Duration delay(int retry, double unit) {
        long ceiling = first.toMillis() << Math.min(retry - 1, 20);
        long d = Math.min(max.toMillis(), ceiling);
        return Duration.ofMillis(d / 2 + (long) (unit * (d - d / 2)));
    }

    /** True when a wait of {@code delay}, started after {@code spent} since the first attempt, ends within the budget. */
    public boolean allows(Duration spent, Duration delay) {
        return spent.plus(delay).compareTo(budget) <= 0;
    }
}
