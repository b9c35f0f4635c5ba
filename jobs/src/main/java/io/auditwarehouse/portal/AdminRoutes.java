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

/** The access log, for admins only: a page (newest first, filtered, a page at a time) and CSV of the same filter. */
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
        AccessFilter filter = AccessFilter.of(ctx.queryParamMap());
        List<AccessEvent> found = filter.newestFirst(portal.accessLog().all());
        var model = WebSession.model(ctx);
        model.put("events", filter.page(found));
        model.put("total", found.size());
        model.put("page", filter.page());
        model.put("pages", AccessFilter.pages(found.size()));
        model.put("filter", filter.parameters());
        model.put("actions", AccessEvent.Action.values());
        model.put("query", FindingRoutes.query(filter.parameters()));
        ctx.html(portal.pages().render("access", WebSession.locale(ctx), model));
    }

    /** The filtered log, oldest first; the export is itself an access, recorded with the SHA-256 of what was served. */
    private void csv(Context ctx) throws IOException {
        AccessFilter filter = AccessFilter.of(ctx.queryParamMap());
        List<AccessEvent> found = portal.accessLog().all().stream().filter(filter::matches).toList();
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(COLUMNS).get())) {
            for (AccessEvent e : found) {
                csv.printRecord(e.accessId(), e.at(), e.user(), e.role(), e.action(), e.file(), e.sha256(), e.clientAddress(), e.userAgent(), e.detail());
            }
        }
        byte[] bytes = out.toString().getBytes(StandardCharsets.UTF_8);
        String query = FindingRoutes.query(filter.parameters());
        portal.record(ctx, null, AccessEvent.Action.EXPORT, "portal_access.csv" + (query.isEmpty() ? "" : "?" + query),
                PackageRoutes.sha256(bytes), found.size() + " rows");
        ctx.header("Content-Disposition", Downloads.attachment("portal_access.csv"));
        ctx.contentType("text/csv; charset=utf-8").result(bytes);
    }
}
