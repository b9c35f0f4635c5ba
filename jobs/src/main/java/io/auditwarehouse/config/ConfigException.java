package io.auditwarehouse.config;

/** A configuration or usage problem: exit code 2, and the message names the key. */
public final class ConfigException extends RuntimeException {

    private final String key;

    public ConfigException(String key, String message) {
        super(key == null ? message : key + ": " + message);
        this.key = key;
    }

    public String key() {
        return key;
    }
}
