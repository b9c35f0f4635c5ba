package io.auditwarehouse.portal;

import io.auditwarehouse.config.ConfigException;
import io.auditwarehouse.config.PortalSettings;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import org.eclipse.jetty.ee10.servlet.SessionHandler;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * The evidence portal: Javalin on Jetty 12, bound to {@code portal.bind}, https when {@code portal.tls.keystore} is
 * set. Every response carries the security headers; every page but sign-in needs a session; every POST a CSRF token.
 */
public final class PortalServer implements AutoCloseable {

    private static final List<String> PUBLIC = List.of("/login", "/oidc/", "/static/", "/lang");
    static final String CSP = "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
            + "frame-ancestors 'none'; base-uri 'none'";

    private static final String CSRF_REFUSED = "csrfRefused";

    private final Javalin app;
    private final Portal portal;

    /**
     * @param outputDir the --out folder: its reports
     * @param reviewer  records the compliance role's reviews; null = no review form
     */
    public PortalServer(PortalSettings settings, Path outputDir, PortalWarehouse warehouse, Path usersFile, AccessLog accessLog, OidcSignIn oidc,
                        FindingReviewer reviewer) {
        if (!settings.tls() && !settings.loopback() && !settings.allowPlainHttp()) {
            throw new ConfigException("portal.bind", settings.host() + " is not a loopback address: set portal.tls.keystore to serve "
                    + "https, or portal.allow_plain_http: true behind a TLS-terminating proxy");
        }
        this.portal = new Portal(settings, new PackageShelf(outputDir.resolve("reports")), warehouse,
                accessLog, new Accounts(usersFile), new SignInGuard(settings.lockoutAfter(), settings.lockoutFor(), Clock.systemUTC()),
                new Pages(), Clock.systemUTC());
        this.app = Javalin.create(config -> configure(config, settings, oidc, reviewer));
    }

    /** Adds an account that lives only as long as this server (the demo auditor). */
    public void addInMemoryAccount(String name, Role role, char[] password) {
        portal.accounts().addInMemory(name, role, password);
    }

    public PortalServer start() {
        app.start();
        return this;
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
        portal.warehouse().close();
    }

    private void configure(JavalinConfig config, PortalSettings settings, OidcSignIn oidc, FindingReviewer reviewer) {
        config.startup.showJavalinBanner = false;
        config.jetty.host = settings.host();
        config.jetty.port = settings.port();
        if (settings.tls()) config.jetty.addConnector((server, http) -> tlsConnector(server, http, settings));
        config.jetty.modifyServletContextHandler(handler -> handler.setSessionHandler(sessions(settings)));
        config.routes.get("/static/portal.css", ctx -> ctx.contentType("text/css; charset=utf-8")
                .result(PortalServer.class.getResourceAsStream("/portal/static/portal.css")));
        config.routes.before(this::headers);
        config.routes.before(this::guard);
        new SignInRoutes(portal, oidc).register(config.routes);
        new PackageRoutes(portal).register(config.routes);
        new FindingRoutes(portal, reviewer).register(config.routes);
        new SummaryRoutes(portal).register(config.routes);
        new AdminRoutes(portal).register(config.routes);
        config.routes.error(404, ctx -> ctx.html(page(ctx, "error", "error.not_found")));
        config.routes.error(403, ctx -> {
            if (ctx.attribute(CSRF_REFUSED) == null) ctx.html(page(ctx, "error", "error.forbidden"));
        });
    }

    private String page(Context ctx, String template, String messageKey) {
        var model = WebSession.model(ctx);
        model.put("message", Pages.label(WebSession.locale(ctx), messageKey));
        return portal.pages().render(template, WebSession.locale(ctx), model);
    }

    private static SessionHandler sessions(PortalSettings settings) {
        SessionHandler sessions = new SessionHandler();
        sessions.setSessionCookie("AWSESSION");
        sessions.setHttpOnly(true);
        sessions.setSecureCookies(settings.tls());
        sessions.setSameSite(HttpCookie.SameSite.STRICT);
        sessions.setMaxInactiveInterval((int) Math.max(1, settings.sessionIdle().toSeconds()));
        return sessions;
    }

    private static ServerConnector tlsConnector(org.eclipse.jetty.server.Server server, HttpConfiguration http, PortalSettings settings) {
        SslContextFactory.Server tls = new SslContextFactory.Server();
        tls.setKeyStorePath(settings.tlsKeystore().toString());
        tls.setKeyStorePassword(settings.tlsPassword().reveal());
        tls.setKeyStoreType("PKCS12");
        HttpConfiguration https = new HttpConfiguration(http);
        https.addCustomizer(new SecureRequestCustomizer());
        ServerConnector connector = new ServerConnector(server, new SslConnectionFactory(tls, "http/1.1"), new HttpConnectionFactory(https));
        connector.setHost(settings.host());
        connector.setPort(settings.port());
        return connector;
    }

    private void headers(Context ctx) {
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Cache-Control", "no-store");
        if (portal.settings().tls()) ctx.header("Strict-Transport-Security", "max-age=31536000");
    }

    /** Sign-in for every page but the public ones; a CSRF token on every POST, the sign-in form's included. */
    private void guard(Context ctx) {
        if (ctx.method() == HandlerType.POST && !Csrf.matches(ctx.sessionAttribute(Csrf.SESSION_KEY), ctx.formParam(Csrf.FIELD))) {
            ctx.attribute(CSRF_REFUSED, true);
            ctx.status(HttpStatus.FORBIDDEN).html(page(ctx, "error", "error.csrf"));
            ctx.skipRemainingHandlers();
            return;
        }
        String path = ctx.path();
        if (PUBLIC.stream().anyMatch(path::startsWith)) return;
        if (WebSession.user(ctx) == null) {
            ctx.redirect("/login");
            ctx.skipRemainingHandlers();
        }
    }
}
