package io.auditwarehouse.config;

import java.util.Map;

/** A {@link Secret} for unit tests, made the way the config makes one (from an environment variable). */
public final class TestSecrets {

    private TestSecrets() {
    }

    public static Secret of(String value) {
        return Secret.resolve("test.secret_env", "TEST_SECRET", "test.secret_file", "", Map.of("TEST_SECRET", value));
    }
}
