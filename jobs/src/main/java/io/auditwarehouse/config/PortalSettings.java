package io.auditwarehouse.config;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The evidence portal's settings ({@code portal.*}, the {@code serve} command).
 *
 * @param usersFile  null = {@code <output.dir>/portal/users}
 * @param tlsKeystore null = plain http
 * @param oidcIssuer  empty = no SSO
 */
public record PortalSettings(String host, int port, Duration sessionIdle, Path usersFile, boolean allowPlainHttp,
                             int lockoutAfter, Duration lockoutFor, Path tlsKeystore, Secret tlsPassword,
                             String oidcIssuer, String oidcClientId, Secret oidcClientSecret, String oidcRedirectUrl,
                             String oidcRoleClaim) {

    public boolean tls() {
        return tlsKeystore != null;
    }

    public boolean oidc() {
        return !oidcIssuer.isEmpty();
    }

    public boolean loopback() {
        return host.equals("localhost") || host.startsWith("127.") || host.equals("::1") || host.equals("[::1]");
    }

    /** The address a browser uses, e.g. http://127.0.0.1:8080. */
    public String baseUrl() {
        return (tls() ? "https://" : "http://") + host + ":" + port;
    }

    /** The same settings on another port (a test's free one). */
    public PortalSettings withPort(int newPort) {
        return new PortalSettings(host, newPort, sessionIdle, usersFile, allowPlainHttp, lockoutAfter, lockoutFor, tlsKeystore,
                tlsPassword, oidcIssuer, oidcClientId, oidcClientSecret, oidcRedirectUrl, oidcRoleClaim);
    }
}
