package io.auditwarehouse.sinks;

import io.auditwarehouse.testing.MySqlServer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A config file pointing the warehouse at a test database; the password goes in a file, as secrets must. */
public final class MySqlTestConfig {

    private MySqlTestConfig() {
    }

    public static String write(Path dir, MySqlServer server, String schema) throws IOException {
        Path password = Files.writeString(dir.resolve("warehouse-password-" + schema), server.password());
        Path config = Files.writeString(dir.resolve("warehouse-" + schema + ".yaml"), String.join("\n",
                "warehouse:",
                "  jdbc_url: jdbc:mysql://" + server.host() + ":" + server.port() + "/",
                "  schema: " + schema,
                "  user: " + server.user(),
                "  password_file: " + password,
                ""));
        return config.toString();
    }
}
