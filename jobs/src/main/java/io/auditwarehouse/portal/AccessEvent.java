package io.auditwarehouse.portal;

import java.time.Instant;

/**
 * One row of {@code portal_access}: who did what, to which file (and its SHA-256), when, from where.
 *
 * @param file   the package file or export, e.g. {@code 2026-10/evidence-2026-10.pdf}; null for a sign-in
 * @param sha256 the bytes served, for a download; null otherwise
 */
public record AccessEvent(String accessId, Instant at, String user, String role, Action action, String file, String sha256,
                          String clientAddress, String userAgent, String detail) {

    public enum Action { SIGN_IN, SIGN_IN_FAILED, ACCOUNT_LOCKED, SIGN_OUT, DOWNLOAD, EXPORT, DENIED }
}
