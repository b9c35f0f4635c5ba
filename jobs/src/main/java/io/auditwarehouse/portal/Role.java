package io.auditwarehouse.portal;

import java.util.Locale;
import java.util.Optional;

/** What a signed-in user may do; each role may do everything the one before it may. */
public enum Role {
    /** packages and findings, read-only */
    AUDITOR,
    /** also reviews findings */
    COMPLIANCE,
    /** also the access log */
    ADMIN;

    public boolean atLeast(Role other) {
        return compareTo(other) >= 0;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> parse(String text) {
        for (Role r : values()) if (r.id().equals(text == null ? "" : text.strip().toLowerCase(Locale.ROOT))) return Optional.of(r);
        return Optional.empty();
    }
}
