package io.auditwarehouse.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A password or API key, read from an environment variable or a file named in the config — never from arguments.
 * Its text never appears in toString(), logs or outputs.
 */
public final class Secret implements java.io.Serializable {

    public static final Secret NONE = new Secret(null);

    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    /** @param envKey / fileKey the config keys naming the variable and the file, for error messages */
    static Secret resolve(String envKey, String envName, String fileKey, String file, Map<String, String> env) {
        if (!envName.isEmpty() && !file.isEmpty()) throw new ConfigException(envKey, "give either " + envKey + " or " + fileKey + ", not both");
        if (!envName.isEmpty()) {
            String v = env.get(envName);
            if (v == null) throw new ConfigException(envKey, "environment variable " + envName + " is not set");
            return new Secret(v);
        }
        if (!file.isEmpty()) {
            try {
                return new Secret(Files.readString(Path.of(file), StandardCharsets.UTF_8).strip());
            } catch (IOException e) {
                throw new ConfigException(fileKey, "cannot read " + file);
            }
        }
        return NONE;
    }

    public boolean present() {
        return value != null;
    }

    /** The secret itself: hand it straight to a driver, never to a string that is printed. */
    public String reveal() {
        return value == null ? "" : value;
    }

    @Override
    public String toString() {
        return value == null ? "(none)" : "(secret)";
    }
}
