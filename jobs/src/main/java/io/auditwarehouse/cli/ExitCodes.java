package io.auditwarehouse.cli;

/** One exit code per failure class (operations.md). */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int FAILURE = 1;
    public static final int USAGE = 2;
    public static final int SOURCE_UNAVAILABLE = 3;
    public static final int WRITE_FAILED = 4;
    public static final int FINDINGS_AT_OR_ABOVE = 5;
    /** Wrong credentials, a missing permission, database, table or index, a TLS mismatch: not retried, as it cannot succeed. */
    public static final int SOURCE_REFUSED = 6;
    public static final int WAREHOUSE_BUSY = 7;

    public static final String HELP = """
            Exit codes:
              0  done (findings are results, not errors)
              1  anything else
              2  bad usage or configuration (the message names the key)
              3  a source was unreachable or not ready (nothing published)
              4  a write failed (nothing half-published), or the warehouse was published and the
                 Kibana indexes failed: recon_batch says PUBLISHED_WAREHOUSE_ONLY and the next
                 nightly or backfill republishes them
              5  --fail-on SEVERITY was given and a finding at or above it exists
              6  a source refused us: wrong credentials, a missing permission, database, table
                 or index, a TLS mismatch (a certificate the configured CA did not sign, http
                 sent to an https port); failed at once, not retried; the message names the key
              7  the warehouse stayed locked by another nightly, backfill or report for all of
                 warehouse.lock_wait (nothing written; the message names the holder)""";

    private ExitCodes() {
    }
}
