package io.auditwarehouse.portal;

import io.auditwarehouse.config.PortalSettings;
import io.javalin.http.Context;

import java.time.Clock;
import java.util.UUID;

/** What every route of the portal shares. */
record Portal(PortalSettings settings, PackageShelf shelf, PortalWarehouse warehouse, AccessLog accessLog, Accounts accounts,
              SignInGuard guard, Pages pages, Clock clock) {

    /** Records an access by the signed-in user (or {@code name} when nobody is signed in yet). */
    void record(Context ctx, String name, AccessEvent.Action action, String file, String sha256, String detail) {
        PortalUser user = WebSession.user(ctx);
        accessLog.record(new AccessEvent(UUID.randomUUID().toString(), clock.instant(), user != null ? user.name() : name,
                user != null ? user.role().id() : null, action, file, sha256, ctx.ip(), ctx.userAgent(), detail));
    }
}
