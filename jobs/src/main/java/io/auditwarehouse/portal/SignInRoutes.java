package io.auditwarehouse.portal;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

import java.util.Arrays;
import java.util.Optional;

/** Sign-in with a users-file account (locked after repeated failures), SSO when configured, sign-out, language. */
final class SignInRoutes {

    private final Portal portal;
    private final OidcSignIn oidc;

    SignInRoutes(Portal portal, OidcSignIn oidc) {
        this.portal = portal;
        this.oidc = oidc;
    }

    void register(RoutesConfig routes) {
        routes.get("/login", ctx -> form(ctx, null, HttpStatus.OK));
        routes.post("/login", this::signIn);
        routes.post("/logout", ctx -> {
            portal.record(ctx, null, AccessEvent.Action.SIGN_OUT, null, null, null);
            WebSession.signOut(ctx);
            ctx.redirect("/login");
        });
        routes.get("/lang", ctx -> {
            WebSession.locale(ctx, ctx.queryParam("to"));
            String back = ctx.queryParam("back");
            // only a path of this portal: never an open redirect
            ctx.redirect(back != null && back.matches("/[A-Za-z0-9/_.?=&%-]*") && !back.startsWith("//") ? back : "/");
        });
        if (oidc != null) oidc.register(routes, portal);
    }

    private void form(Context ctx, String errorKey, HttpStatus status) {
        var model = WebSession.model(ctx);
        model.put("error", errorKey == null ? null : Pages.label(WebSession.locale(ctx), errorKey));
        model.put("sso", oidc != null);
        ctx.status(status).html(portal.pages().render("login", WebSession.locale(ctx), model));
    }

    private void signIn(Context ctx) {
        String name = Optional.ofNullable(ctx.formParam("username")).orElse("").strip();
        char[] password = Optional.ofNullable(ctx.formParam("password")).orElse("").toCharArray();
        try {
            if (portal.guard().locked(name)) {
                portal.record(ctx, name, AccessEvent.Action.SIGN_IN_FAILED, null, null, "account locked");
                form(ctx, "login.locked", HttpStatus.UNAUTHORIZED);
                return;
            }
            Optional<PortalUser> user = portal.accounts().check(name, password);
            switch (portal.guard().attempt(name, user.isPresent())) {
                case OK -> {
                    WebSession.signIn(ctx, user.get());
                    portal.record(ctx, name, AccessEvent.Action.SIGN_IN, null, null, "password");
                    ctx.redirect("/packages");
                }
                case LOCKED_NOW -> {
                    portal.record(ctx, name, AccessEvent.Action.SIGN_IN_FAILED, null, null, "wrong name or password");
                    portal.record(ctx, name, AccessEvent.Action.ACCOUNT_LOCKED, null, null,
                            "locked for " + portal.settings().lockoutFor() + " after " + portal.settings().lockoutAfter() + " failures");
                    form(ctx, "login.locked", HttpStatus.UNAUTHORIZED);
                }
                default -> {
                    portal.record(ctx, name, AccessEvent.Action.SIGN_IN_FAILED, null, null, "wrong name or password");
                    form(ctx, "login.failed", HttpStatus.UNAUTHORIZED);
                }
            }
        } finally {
            Arrays.fill(password, '\0');
        }
    }
}
