package io.auditwarehouse.model;

/**
 * What a compliance reviewer recorded about a finding (issue 12). {@link #APPROVED} is a second reviewer's approval
 * of another review (a RISK_ACCEPTED counts only once approved). {@link #OPEN} and {@link #WITHDRAWN} are never
 * recorded: they are what recon_finding_status says of a finding without a counting review, and of a reviewed
 * finding a restatement removed.
 */
public enum Disposition {
    ACKNOWLEDGED, REMEDIATED, RISK_ACCEPTED, FALSE_POSITIVE, APPROVED, OPEN, WITHDRAWN;

    /** The values a reviewer may record. */
    public static final java.util.List<Disposition> RECORDED = java.util.List.of(ACKNOWLEDGED, REMEDIATED, RISK_ACCEPTED,
            FALSE_POSITIVE, APPROVED);

    /** A recorded disposition by name, or null for anything else (OPEN and WITHDRAWN are derived, not recorded). */
    public static Disposition recorded(String name) {
        for (Disposition d : RECORDED) if (d.name().equals(name)) return d;
        return null;
    }
}
