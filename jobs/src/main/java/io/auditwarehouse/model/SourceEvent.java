package io.auditwarehouse.model;

import java.io.Serializable;
import java.time.Instant;

/** One decoded document from the build records or the audit trail. */
public sealed interface SourceEvent extends Serializable
        permits BuildDocument, AuditBuildLine, AuditRequest {

    /** Lineage: the ES `_id`, or `file@byteOffset` for unwrapped lines. */
    String docId();

    String controller();

    /** When the document says it happened (its `@timestamp`). */
    Instant timestamp();
}
