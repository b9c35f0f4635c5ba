package io.auditwarehouse.sinks.kibana;

import io.auditwarehouse.config.ConfigException;
import io.auditwarehouse.config.ConfigKey;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/** The shipped index templates and Kibana saved objects ({@code schemas/}), with the index prefix filled in. */
public final class KibanaTemplates {

    public static final String DEFAULT_PREFIX = "audit-recon";
    public static final String SAVED_OBJECTS = "saved-objects.ndjson";
    private static final Pattern VALID_PREFIX = Pattern.compile("[a-z0-9][a-z0-9._-]*");
    private static final String PLACEHOLDER = "{{prefix}}";

    private final String prefix;

    public KibanaTemplates(String prefix) {
        // stricter than the config key: a '*' would make the templates' index patterns match other indices
        if (prefix == null || !VALID_PREFIX.matcher(prefix).matches()) {
            throw new ConfigException(ConfigKey.KIBANA_INDEX_PREFIX.key(), "'" + prefix
                    + "' is not a usable index prefix: lower-case letters, digits, '.', '_' and '-' only");
        }
        this.prefix = prefix;
    }

    public String prefix() {
        return prefix;
    }

    /** Template name as installed: {@code <prefix>-runs} or {@code <prefix>-findings}. */
    public String templateName(String kind) {
        return prefix + "-" + kind;
    }

    /** The composable index template body for {@link KibanaDocuments#RUNS} or {@link KibanaDocuments#FINDINGS}. */
    public String indexTemplate(String kind) {
        return resource("/schemas/elasticsearch/" + kind + "-template.json").replace(PLACEHOLDER, prefix);
    }

    /** The saved objects, their data views pointing at this prefix's indices. */
    public String savedObjects() {
        String shipped = resource("/schemas/kibana/" + SAVED_OBJECTS);
        return prefix.equals(DEFAULT_PREFIX) ? shipped
                : shipped.replace("\"title\":\"" + DEFAULT_PREFIX + "-", "\"title\":\"" + prefix + "-");
    }

    static String resource(String path) {
        try (InputStream in = KibanaTemplates.class.getResourceAsStream(path)) {
            if (in == null) throw new IllegalStateException("missing resource " + path + " (the jar is incomplete)");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
