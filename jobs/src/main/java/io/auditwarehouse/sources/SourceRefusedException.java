package io.auditwarehouse.sources;

/**
 * A source refused us: wrong credentials, a missing permission, database, table or index. Another attempt cannot
 * succeed until the configuration or the source's grants change, so it is not retried: exit code 6, and the message
 * names the configuration key to fix.
 */
public final class SourceRefusedException extends RuntimeException {

    private final SourceFault.Kind kind;

    public SourceRefusedException(String source, SourceFault.Kind kind, String message, Throwable cause) {
        super(source + ": " + message, cause);
        this.kind = kind;
    }

    public SourceFault.Kind kind() {
        return kind;
    }
}
