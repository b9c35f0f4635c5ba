package io.auditwarehouse.portal;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Repeated failed sign-ins lock an account for a while (issue 13: five in the browser test). */
class SignInGuardTest {

    private static final class MovableClock extends Clock {
        Instant now = Instant.parse("2026-12-01T00:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void theFifthFailureLocksEvenTheRightPasswordOutUntilTheLockEnds() {
        MovableClock clock = new MovableClock();
        SignInGuard guard = new SignInGuard(5, Duration.ofMinutes(15), clock);
        for (int i = 1; i <= 4; i++) assertEquals(SignInGuard.Outcome.FAILED, guard.attempt("ann", false));
        assertEquals(SignInGuard.Outcome.LOCKED_NOW, guard.attempt("ann", false));
        assertEquals(SignInGuard.Outcome.LOCKED, guard.attempt("ann", true));
        assertFalse(guard.locked("bob"), "one account's lock is not another's");
        clock.now = clock.now.plus(Duration.ofMinutes(14));
        assertTrue(guard.locked("ann"));
        clock.now = clock.now.plus(Duration.ofMinutes(1));
        assertEquals(SignInGuard.Outcome.OK, guard.attempt("ann", true));
    }

    @Test
    void aSuccessResetsTheCount() {
        SignInGuard guard = new SignInGuard(3, Duration.ofMinutes(1), new MovableClock());
        guard.attempt("ann", false);
        guard.attempt("ann", false);
        assertEquals(SignInGuard.Outcome.OK, guard.attempt("ann", true));
        guard.attempt("ann", false);
        assertEquals(SignInGuard.Outcome.FAILED, guard.attempt("ann", false));
    }
}
