package io.auditwarehouse.model;

/** The four inputs of inputs.md. */
public enum EvidenceSource {
    APPROVALS("approvals"), USERS("users"), BUILDS("builds"), AUDIT("audit");

    private final String label;

    EvidenceSource(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
