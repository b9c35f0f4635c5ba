package io.auditwarehouse.sinks;

import java.util.function.Consumer;

/**
 * The writer lock of one warehouse: one process at a time publishes a batch or writes a package. A second one waits
 * up to {@code warehouse.lock_wait}, then fails with {@link WarehouseBusyException} naming the holder. The lock goes
 * with the holder's process (file lock) or connection (MySQL named lock): a holder that died leaves nothing to clean up.
 */
public interface WarehouseLock {

    /**
     * Takes the lock, waiting up to the configured time.
     *
     * @param what    what the holder does, shown to whoever waits: e.g. {@code nightly batch nightly-20261002T...}
     * @param waiting told once, in one line, when the lock is held by another and this call starts waiting
     */
    Held acquire(String what, Consumer<String> waiting);

    /** A lock taken; closing it releases it. */
    interface Held extends AutoCloseable {

        /** Fails with {@link WriteFailedException} when the lock was lost (its connection killed): call before committing. */
        void confirm();

        @Override
        void close();
    }
}
