package io.auditwarehouse.sources.jenkins;

import io.auditwarehouse.config.ControllerMapping;

import java.io.Serializable;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Controller ids (inputs.md §5): configured mappings first, otherwise derived from the
 * {@code source_host} URL's first host label or the audit file's name.
 */
public final class ControllerIds implements Serializable {

    private final Map<String, String> bySourceHost = new HashMap<>();
    private final Map<String, String> byAuditFile;

    /**
     * @param sourceHosts source_host URL → controller id (trailing slashes do not matter)
     * @param auditFiles  audit file name (with or without extension) → controller id
     */
    public ControllerIds(Map<String, String> sourceHosts, Map<String, String> auditFiles) {
        sourceHosts.forEach((url, id) -> bySourceHost.put(withoutTrailingSlash(url), id));
        this.byAuditFile = new HashMap<>(auditFiles);
    }

    /** No configured mappings: every id is derived. */
    /** From the `sources.controllers` entries of the configuration. */
    public static ControllerIds of(List<ControllerMapping> mappings) {
        Map<String, String> byHost = new LinkedHashMap<>();
        Map<String, String> byAudit = new LinkedHashMap<>();
        for (ControllerMapping c : mappings) {
            if (c.sourceHost() != null) byHost.put(c.sourceHost(), c.id());
            if (c.audit() != null) byAudit.put(c.audit(), c.id());
        }
        return new ControllerIds(byHost, byAudit);
    }

    public static ControllerIds derived() {
        return new ControllerIds(Map.of(), Map.of());
    }

    /** The controller of a build record's {@code source_host}, or null when it names none. */
    public String forSourceHost(String sourceHost) {
        if (sourceHost == null || sourceHost.isBlank()) return null;
        String configured = bySourceHost.get(withoutTrailingSlash(sourceHost.trim()));
        return configured != null ? configured : firstHostLabel(sourceHost.trim());
    }

    /**
     * The controller of an audit-trail file: the configured id, else the file name before its first dot
     * ({@code audit/batch-a.ndjson} → {@code batch-a}).
     */
    public String forAuditFile(String fileName) {
        String name = fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
        int dot = name.indexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        return byAuditFile.getOrDefault(name, byAuditFile.getOrDefault(stem, stem));
    }

    private static String firstHostLabel(String url) {
        String host;
        try {
            host = url.contains("://") ? new URI(url).getHost() : url.split("[/:]", 2)[0];
        } catch (URISyntaxException e) {
            return null;
        }
        if (host == null || host.isEmpty()) return null;
        // an IP address has no meaningful first label
        if (host.startsWith("[") || host.matches("[\\d.]+")) return host;
        return host.split("\\.", 2)[0].toLowerCase(Locale.ROOT);
    }

    private static String withoutTrailingSlash(String url) {
        String s = url;
        while (s.endsWith("/")) s = s.substring(0, s.length() - 1);
        return s;
    }
}
