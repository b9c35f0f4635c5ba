package io.auditwarehouse.portal;

import java.util.List;

/** Where {@code portal_access} is kept: append-only, in the warehouse. */
public interface AccessLog {

    /** Appends one event; it is durable when this returns. */
    void record(AccessEvent event);

    /** Every event, oldest first. */
    List<AccessEvent> all();
}
