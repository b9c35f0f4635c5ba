package io.auditwarehouse.sources;

/** A source could not be reached or is not ready: exit code 3, nothing is published. */
public final class SourceUnavailableException extends RuntimeException {

    public SourceUnavailableException(String source, String message) {
        super(source + ": " + message);
    }

    public SourceUnavailableException(String source, String message, Throwable cause) {
        super(source + ": " + message, cause);
    }
}
