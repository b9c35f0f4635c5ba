package io.auditwarehouse.model;

import java.io.Serializable;

/** Result of decoding one input document: an event, a quarantine row, or nothing (a line the controls ignore). */
public record Decoded(SourceEvent event, QuarantineRecord quarantine) implements Serializable {

    public static final Decoded IGNORED = new Decoded(null, null);

    public static Decoded of(SourceEvent event) {
        return new Decoded(event, null);
    }

    public static Decoded rejected(QuarantineRecord q) {
        return new Decoded(null, q);
    }
}
