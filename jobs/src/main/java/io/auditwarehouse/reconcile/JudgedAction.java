package io.auditwarehouse.reconcile;

import io.auditwarehouse.model.AuditRequest;
import io.auditwarehouse.model.Finding;

import java.io.Serializable;

/** A job action with the finding it raised, or null when it raised none. */
public record JudgedAction(AuditRequest action, Finding finding) implements Serializable {
}
