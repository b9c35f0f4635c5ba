package io.auditwarehouse.notify;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Sends the requests of one target during one run: a 5xx or an unreachable target is tried again after 1 s, 2 s,
 * 4 s..., a 429 after its {@code Retry-After}; any other answer fails at once. The waits of the run together stay
 * within {@code maxWait}: a wait that would pass it is not made, and the target is left for the next run.
 */
final class Delivery {

    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);

    private final HttpClient http;
    private final String target;
    private final int attempts;
    private final Duration timeout;
    private Duration waitLeft;

    Delivery(HttpClient http, String target, int attempts, Duration maxWait, Duration timeout) {
        this.http = http;
        this.target = target;
        this.attempts = attempts;
        this.waitLeft = maxWait;
        this.timeout = timeout;
    }

    /** The 2xx response, or an {@link UnexpectedStatus} for a 4xx other than 429, or a failure once tries run out. */
    HttpResponse<String> send(HttpRequest.Builder request, String what) throws TargetFailedException, UnexpectedStatus {
        HttpRequest r = request.timeout(timeout).build();
        for (int attempt = 1; ; attempt++) {
            String problem;
            Duration wait = FIRST_BACKOFF.multipliedBy(1L << Math.min(attempt - 1, 20));
            try {
                HttpResponse<String> response = http.send(r, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                int status = response.statusCode();
                if (status / 100 == 2) return response;
                if (status != 429 && status / 100 != 5) throw new UnexpectedStatus(status);
                problem = "HTTP " + status;
                if (status == 429) {
                    Optional<Duration> after = retryAfter(response);
                    if (after.isPresent()) {
                        wait = after.get();
                        problem += " with Retry-After " + wait.toSeconds() + " s";
                    }
                }
            } catch (IOException e) {
                // the exception's text may quote the URL, which is a secret for webhooks: only its kind is named
                problem = "unreachable (" + e.getClass().getSimpleName() + ")";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TargetFailedException(target + ": " + what + " interrupted");
            }
            if (attempt >= attempts) {
                throw new TargetFailedException(target + ": " + what + " failed " + attempts + " time(s), last " + problem);
            }
            if (wait.compareTo(waitLeft) > 0) {
                throw new TargetFailedException(target + ": " + what + " " + problem + "; waiting " + wait.toSeconds()
                        + " s more would pass notify.retry.max_wait");
            }
            pause(wait);
            waitLeft = waitLeft.minus(wait);
        }
    }

    private void pause(Duration wait) throws TargetFailedException {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TargetFailedException(target + ": interrupted while waiting to try again");
        }
    }

    /** Retry-After as delay-seconds or an HTTP date (RFC 9110 §10.2.3). */
    static Optional<Duration> retryAfter(HttpResponse<?> response) {
        Optional<String> v = response.headers().firstValue("Retry-After").map(String::strip);
        if (v.isEmpty()) return Optional.empty();
        if (v.get().matches("\\d{1,9}")) return Optional.of(Duration.ofSeconds(Long.parseLong(v.get())));
        try {
            Instant at = ZonedDateTime.parse(v.get(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration d = Duration.between(Instant.now(), at);
            return Optional.of(d.isNegative() ? Duration.ZERO : d);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** A 4xx answer other than 429: trying again would not help (a WORKS 401 is retried once with a new token). */
    static final class UnexpectedStatus extends Exception {
        final int status;

        UnexpectedStatus(int status) {
            super("HTTP " + status);
            this.status = status;
        }
    }
}
