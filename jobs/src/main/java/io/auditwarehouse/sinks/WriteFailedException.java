package io.auditwarehouse.sinks;

/** Writing or publishing outputs failed: exit code 4; the previously published state is intact. */
public final class WriteFailedException extends RuntimeException {

    public WriteFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
