package io.auditwarehouse.model;

/** Finding severities, most severe first. */
public enum Severity {
    HIGH, MEDIUM, LOW, INFO;

    public boolean atLeast(Severity other) {
        return ordinal() <= other.ordinal();
    }
}
