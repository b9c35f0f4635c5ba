package io.auditwarehouse.sources.elasticsearch;

import io.auditwarehouse.config.ControllerMapping;

import java.util.List;
import java.util.regex.Pattern;

/** The audit index has no controller field (inputs.md §4): the index name says which controller it is. */
final class AuditIndexes {

    private static final Pattern DATE_SUFFIX = Pattern.compile("[-.]\\d{4}([-.]\\d{2}){0,2}$");

    private AuditIndexes() {
    }

    /** A configured {@code audit} name or pattern wins; otherwise the index name less the pattern's prefix and any date suffix. */
    static String controllerOf(String index, String configuredPattern, List<ControllerMapping> mappings) {
        for (ControllerMapping m : mappings) {
            if (m.audit() != null && matches(m.audit(), index)) return m.id();
        }
        String prefix = configuredPattern.contains("*") ? configuredPattern.substring(0, configuredPattern.indexOf('*')) : "";
        String rest = index.startsWith(prefix) ? index.substring(prefix.length()) : index;
        String id = DATE_SUFFIX.matcher(rest).replaceFirst("");
        return id.isEmpty() ? index : id;
    }

    private static boolean matches(String glob, String name) {
        return Pattern.compile(Pattern.quote(glob).replace("*", "\\E.*\\Q")).matcher(name).matches();
    }
}
