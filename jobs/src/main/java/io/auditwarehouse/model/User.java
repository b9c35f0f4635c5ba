package io.auditwarehouse.model;

import java.io.Serializable;
import java.time.Instant;

/** One row of app_user (inputs.md §2). */
public record User(
        String userId,
        String displayName,
        String department,
        String role,
        Instant activeFrom,
        Instant activeTo) implements Serializable {

    public boolean activeAt(Instant t) {
        return (activeFrom == null || !t.isBefore(activeFrom)) && (activeTo == null || t.isBefore(activeTo));
    }

    public boolean mayExecute() {
        return "OPERATOR".equals(role) || "ADMIN".equals(role);
    }
}
