package io.auditwarehouse.generate;

import java.time.Instant;

/** One row of users.csv. */
record Person(String userId, String displayName, String department, String role, Instant activeFrom,
              Instant activeTo) {

    boolean activeAt(Instant t) {
        return !t.isBefore(activeFrom) && (activeTo == null || t.isBefore(activeTo));
    }

    boolean mayExecute() {
        return "OPERATOR".equals(role) || "ADMIN".equals(role);
    }
}
