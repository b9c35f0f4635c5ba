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

    /** A reason quotes the input: it is cut to this many characters (the warehouse column holds 1024). */
    public static final int REASON_CHARS = 300;

    public static QuarantineRecord of(String source, String documentId, String reason, String raw) {
        String excerpt = raw == null ? null : raw.length() > EXCERPT_CHARS ? raw.substring(0, EXCERPT_CHARS) : raw;
        return new QuarantineRecord(source, documentId, oneLine(reason), excerpt);
    }

    /** The reason on one line and short: a quoted 1 MB timestamp or a line break in it would not fit the column or the log. */
    private static String oneLine(String reason) {
        if (reason == null) return null;
        int end = reason.length() > REASON_CHARS && Character.isHighSurrogate(reason.charAt(REASON_CHARS - 1)) ? REASON_CHARS - 1 : REASON_CHARS;
        String cut = reason.length() > REASON_CHARS ? reason.substring(0, end) + "…" : reason;
        StringBuilder s = new StringBuilder(cut.length());
        cut.codePoints().forEach(c -> {
            if (Character.isISOControl(c)) s.append(String.format("\\u%04x", c));
            else s.appendCodePoint(c);
        });
        return s.toString();
    }
}
