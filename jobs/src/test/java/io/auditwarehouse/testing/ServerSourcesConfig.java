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
        return write(dir.resolve("servers.yaml"), db, es, prefix, prefix + "-recon");
    }

    /**
     * The same sources, with Kibana indices under {@code kibanaPrefix}: runs at the same time need indices of their
     * own, as each deletes the documents of its dates that it did not write.
     */
    public static Path write(Path config, MySqlServer.TestDatabase db, ElasticsearchServer es, String prefix,
                             String kibanaPrefix) throws IOException {
        Path password = config.resolveSibling("password");
        Files.writeString(password, db.server().password());
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
                "    index_prefix: " + kibanaPrefix, ""));
        return config;
    }
}
