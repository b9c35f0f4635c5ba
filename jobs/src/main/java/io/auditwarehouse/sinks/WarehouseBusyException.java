package io.auditwarehouse.sinks;

import java.time.Duration;

/** Another process held the warehouse's writer lock for all of {@code warehouse.lock_wait}: exit code 7, nothing written. */
public final class WarehouseBusyException extends RuntimeException {

    /** @param holder who holds it, or null when the holder did not record itself */
    public WarehouseBusyException(String warehouse, LockHolder holder, Duration waited) {
        super("the warehouse " + warehouse + " is locked by " + (holder == null ? "another process (which did not record itself)"
                : holder.describe()) + "; gave up after waiting " + LockHolder.format(waited) + " (warehouse.lock_wait)");
    }
}
