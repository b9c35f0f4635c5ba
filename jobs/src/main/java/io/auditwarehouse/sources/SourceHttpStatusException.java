package io.auditwarehouse.sources;

import java.util.Locale;

/** A source answered an HTTP request with a status other than the one expected; {@link SourceFault} reads the status. */
public final class SourceHttpStatusException extends RuntimeException {

    private final int status;
    private final boolean plainHttpToHttps;

    public SourceHttpStatusException(String request, int status) {
        this(request, status, null);
    }

    /** @param body the answer, only looked at for a TLS proxy's "plain HTTP request was sent to HTTPS port" */
    public SourceHttpStatusException(String request, int status, String body) {
        this(request, status, status == 400 && body != null
                && body.toLowerCase(Locale.ROOT).contains("plain http request was sent to https port"));
    }

    private SourceHttpStatusException(String request, int status, boolean plainHttpToHttps) {
        super(request + " answered " + status + (plainHttpToHttps ? " (plain http sent to an https port)" : ""));
        this.status = status;
        this.plainHttpToHttps = plainHttpToHttps;
    }

    public int status() {
        return status;
    }

    /** The server speaks https on this port and was sent plain http: the URL's scheme is wrong. */
    public boolean plainHttpToHttps() {
        return plainHttpToHttps;
    }
}
