package io.auditwarehouse.notify;

import java.time.Instant;
import java.util.Collection;
import java.util.Set;

/**
 * What each target has been told, keyed by (target, subject): a finding id, or the package of a month and digest.
 * Append-only; read before a target is sent to and written right after it took the message.
 */
public interface NoticeLedger {

    /** The subjects already announced to {@code target}. */
    Set<String> announced(String target);

    /** Records that {@code target} took a message announcing {@code subjects}. */
    void record(String target, Collection<String> subjects, String kind, String batchId, Instant sentAt);
}
