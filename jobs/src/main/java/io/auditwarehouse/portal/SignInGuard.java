package io.auditwarehouse.portal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** Counts failed sign-ins in a row per account; after {@code after} of them the account is locked for {@code lockFor}. */
final class SignInGuard {

    enum Outcome { OK, FAILED, LOCKED_NOW, LOCKED }

    private record State(int failures, Instant lockedUntil) {
    }

    private final int after;
    private final Duration lockFor;
    private final Clock clock;
    private final Map<String, State> states = new HashMap<>();

    SignInGuard(int after, Duration lockFor, Clock clock) {
        this.after = after;
        this.lockFor = lockFor;
        this.clock = clock;
    }

    synchronized boolean locked(String name) {
        State s = states.get(name);
        return s != null && s.lockedUntil() != null && clock.instant().isBefore(s.lockedUntil());
    }

    /** Records one attempt whose password check gave {@code passwordOk}; a locked account fails whatever the password. */
    synchronized Outcome attempt(String name, boolean passwordOk) {
        if (locked(name)) return Outcome.LOCKED;
        State s = states.getOrDefault(name, new State(0, null));
        if (passwordOk) {
            states.remove(name);
            return Outcome.OK;
        }
        int failures = s.failures() + 1;
        if (failures >= after) {
            states.put(name, new State(0, clock.instant().plus(lockFor)));
            return Outcome.LOCKED_NOW;
        }
        states.put(name, new State(failures, null));
        return Outcome.FAILED;
    }
}
