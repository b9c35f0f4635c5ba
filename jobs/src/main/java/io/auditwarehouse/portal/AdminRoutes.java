package io.auditwarehouse.portal;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The access log, for admins only: a page (newest first) and CSV. */
final class AdminRoutes {

    static final String[] COLUMNS = {"access_id", "accessed_at", "user_name", "role", "action", "file", "sha256", "client_address", "user_agent", "detail"};

    private final Portal portal;

    AdminRoutes(Portal portal) {
        this.portal = portal;
    }

    void register(RoutesConfig routes) {
        routes.before("/admin/*", this::adminOnly);
        routes.before("/admin", this::adminOnly);
        routes.get("/admin/access", this::page);
        routes.get("/admin/access.csv", this::csv);
    }

    private void adminOnly(Context ctx) {
        PortalUser user = WebSession.user(ctx);
        if (user != null && !user.role().atLeast(Role.ADMIN)) {
            portal.record(ctx, null, AccessEvent.Action.DENIED, null, null, ctx.path());
            throw new ForbiddenResponse();
        }
    }

    private void page(Context ctx) {
        var model = WebSession.model(ctx);
        List<AccessEvent> events = new java.util.ArrayList<>(portal.accessLog().all());
        java.util.Collections.reverse(events);
        model.put("events", events);
        ctx.html(portal.pages().render("access", WebSession.locale(ctx), model));
    }

    private void csv(Context ctx) throws IOException {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(COLUMNS).get())) {
            for (AccessEvent e : portal.accessLog().all()) {
                csv.printRecord(e.accessId(), e.at(), e.user(), e.role(), e.action(), e.file(), e.sha256(), e.clientAddress(), e.userAgent(), e.detail());
            }
        }
        ctx.header("Content-Disposition", Downloads.attachment("portal_access.csv"));
        ctx.contentType("text/csv; charset=utf-8").result(out.toString().getBytes(StandardCharsets.UTF_8));
    }
}
