package io.auditwarehouse.model;

import java.io.Serializable;

/**
 * An input that could not be understood; never dropped silently (inputs.md §6).
 *
 * @param source     builds, audit, approvals or users
 * @param documentId ES `_id`, or file@offset / file:line
 * @param reason     one readable phrase: "bad JSON", "missing build number", "unparseable time '...'"
 * @param rawExcerpt the first 500 characters of the raw input
 */
public record QuarantineRecord(String source, String documentId, String reason, String rawExcerpt)
        implements Serializable {

    public static final int EXCERPT_CHARS = 500;

    public static QuarantineRecord of(String source, String documentId, String reason, String raw) {
        String excerpt = raw == null ? null : raw.length() > EXCERPT_CHARS ? raw.substring(0, EXCERPT_CHARS) : raw;
        return new QuarantineRecord(source, documentId, reason, excerpt);
    }
}
