package io.auditwarehouse.model;

/**
 * The reason codes of controls.md: a public contract read by compliance staff and auditors.
 * Which control a code tests, its severity and its wording live in the shipped catalog
 * ({@code schemas/control-catalog.csv}), not here.
 */
public enum ReasonCode {
    NO_APPROVAL_REFERENCE,
    APPROVAL_NOT_FOUND,
    APPROVAL_TYPE_MISMATCH,
    APPROVAL_JOB_MISMATCH,
    APPROVAL_NOT_APPROVED,
    APPROVED_AFTER_RUN,
    OUTSIDE_APPROVAL_WINDOW,
    APPROVAL_OVERUSED,
    SELF_APPROVED,
    EXECUTOR_IS_REQUESTER,
    EXECUTOR_NOT_AUTHORIZED,
    NO_STANDING_APPROVAL,
    FAILURE_NOT_REPORTED,
    FAILURE_REPORT_UNAPPROVED,
    RUN_INCOMPLETE,
    EVIDENCE_SOURCE_MISMATCH,
    UNAPPROVED_CONFIG_CHANGE,
    UNREVIEWED_EMERGENCY_TOGGLE,
    BUILD_NUMBER_GAP,
    APPROVAL_UNUSED
}
