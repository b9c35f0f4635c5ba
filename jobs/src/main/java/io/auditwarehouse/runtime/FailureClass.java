package io.auditwarehouse.runtime;

import io.auditwarehouse.config.ConfigException;
import io.auditwarehouse.sinks.WarehouseBusyException;
import io.auditwarehouse.sinks.WriteFailedException;
import io.auditwarehouse.sources.SourceRefusedException;
import io.auditwarehouse.sources.SourceUnavailableException;

/**
 * The exit code and label of a failure (operations.md), by the first of our own exceptions in its cause chain: the
 * command line exits with it, and a failed scheduled run's chat alert names it.
 */
public enum FailureClass {
    USAGE(2, "configuration error"),
    SOURCE_UNAVAILABLE(3, "source unavailable"),
    WRITE_FAILED(4, "write failed"),
    SOURCE_REFUSED(6, "source refused"),
    WAREHOUSE_BUSY(7, "warehouse busy"),
    OTHER(1, "failed");

    private final int exitCode;
    private final String label;

    FailureClass(int exitCode, String label) {
        this.exitCode = exitCode;
        this.label = label;
    }

    public int exitCode() {
        return exitCode;
    }

    public String label() {
        return label;
    }

    public static FailureClass of(Throwable e) {
        Throwable cause = rootOf(e);
        if (cause instanceof ConfigException) return USAGE;
        if (cause instanceof SourceRefusedException) return SOURCE_REFUSED;
        if (cause instanceof SourceUnavailableException) return SOURCE_UNAVAILABLE;
        if (cause instanceof WarehouseBusyException) return WAREHOUSE_BUSY;
        if (cause instanceof WriteFailedException) return WRITE_FAILED;
        return OTHER;
    }

    /** The first of our own exceptions in the cause chain, else the outermost one: the one whose message is shown. */
    public static Throwable rootOf(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConfigException || t instanceof SourceUnavailableException || t instanceof SourceRefusedException
                    || t instanceof WriteFailedException || t instanceof WarehouseBusyException) {
                return t;
            }
        }
        return e;
    }
}
