package io.auditwarehouse.sources;

/** A source answered an HTTP request with a status other than the one expected; {@link SourceFault} reads the status. */
public final class SourceHttpStatusException extends RuntimeException {

    private final int status;

    public SourceHttpStatusException(String request, int status) {
        super(request + " answered " + status);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
