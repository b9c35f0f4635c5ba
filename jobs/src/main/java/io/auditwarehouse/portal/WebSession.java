package io.auditwarehouse.portal;

import io.javalin.http.Context;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** What the portal keeps in a session (the user, the CSRF token, the language) and the model every page gets. */
final class WebSession {

    private static final String USER = "user";
    private static final String LANG = "lang";

    private WebSession() {
    }

    static PortalUser user(Context ctx) {
        return ctx.sessionAttribute(USER);
    }

    /** Signs in: a new session id (no fixation), a new CSRF token, the language kept. */
    static void signIn(Context ctx, PortalUser user) {
        Locale locale = locale(ctx);
        ctx.req().getSession(true);
        ctx.req().changeSessionId();
        ctx.sessionAttribute(USER, user);
        ctx.sessionAttribute(Csrf.SESSION_KEY, Csrf.newToken());
        ctx.sessionAttribute(LANG, locale.getLanguage());
    }

    static void signOut(Context ctx) {
        var session = ctx.req().getSession(false);
        if (session != null) session.invalidate();
    }

    static String csrf(Context ctx) {
        String token = ctx.sessionAttribute(Csrf.SESSION_KEY);
        if (token == null) {
            token = Csrf.newToken();
            ctx.sessionAttribute(Csrf.SESSION_KEY, token);
        }
        return token;
    }

    static Locale locale(Context ctx) {
        String lang = ctx.req().getSession(false) == null ? null : ctx.sessionAttribute(LANG);
        return "en".equals(lang) ? Pages.ENGLISH : Pages.KOREAN;
    }

    static void locale(Context ctx, String lang) {
        ctx.sessionAttribute(LANG, "en".equals(lang) ? "en" : "ko");
    }

    /** The model every page starts from. */
    static Map<String, Object> model(Context ctx) {
        Map<String, Object> m = new HashMap<>();
        m.put("user", user(ctx));
        m.put("csrf", csrf(ctx));
        m.put("lang", locale(ctx).getLanguage());
        m.put("path", ctx.path());
        return m;
    }
}
