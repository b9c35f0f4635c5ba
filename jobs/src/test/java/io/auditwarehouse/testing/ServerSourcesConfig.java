package io.auditwarehouse.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A config file reading approvals from a test's MySQL database and evidence from its Elasticsearch indices
 * ({@code <prefix>-builds-*}, {@code <prefix>-audit-*}), Kibana indices under the same prefix: what
 * {@code generate --to files,mysql,es} loads and {@code nightly}/{@code backfill} read back.
 */
public final class ServerSourcesConfig {

    private ServerSourcesConfig() {
    }

    /** Writes {@code servers.yaml} and the password file it names into {@code dir}. */
    public static Path write(Path dir, MySqlServer.TestDatabase db, ElasticsearchServer es, String prefix) throws IOException {
        Path password = dir.resolve("password");
        Files.writeString(password, db.server().password());
        Path config = dir.resolve("servers.yaml");
        Files.writeString(config, String.join("\n",
                "sources:",
                "  approvals:",
                "    jdbc_url: \"" + db.jdbcUrl() + "\"",
                "    user: " + db.server().user(),
                "    password_file: " + password,
                "  builds:",
                "    index: " + prefix + "-builds-*",
                "  audit:",
                "    index: " + prefix + "-audit-*",
                "elasticsearch:",
                "  url: " + es.url(),
                "outputs:",
                "  kibana:",
                "    index_prefix: " + prefix + "-recon", ""));
        return config;
    }
}
