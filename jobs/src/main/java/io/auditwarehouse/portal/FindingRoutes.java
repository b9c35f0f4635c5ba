package io.auditwarehouse.portal;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The Findings page (filter, sort, pages), its CSV export, and a finding's page with its lineage. */
final class FindingRoutes {

    static final List<String> DISPOSITIONS = List.of("ACKNOWLEDGED", "REMEDIATED", "RISK_ACCEPTED", "FALSE_POSITIVE", "APPROVED");

    private final Portal portal;
    private final FindingReviewer reviewer;

    FindingRoutes(Portal portal, FindingReviewer reviewer) {
        this.portal = portal;
        this.reviewer = reviewer;
    }

    void register(RoutesConfig routes) {
        routes.get("/findings", this::list);
        routes.get("/findings.csv", this::export);
        routes.get("/findings/{id}", ctx -> show(ctx, null));
        routes.post("/findings/{id}/review", this::review);
    }

    /** The compliance role's review form: recorded by the review command's rules (role, four eyes), the outcome shown. */
    private void review(Context ctx) {
        PortalUser user = WebSession.user(ctx);
        if (reviewer == null || !user.role().atLeast(Role.COMPLIANCE)) {
            portal.record(ctx, null, AccessEvent.Action.DENIED, null, null, ctx.path());
            throw new io.javalin.http.ForbiddenResponse();
        }
        String id = ctx.pathParam("id");
        String disposition = ctx.formParam("disposition");
        if (!DISPOSITIONS.contains(disposition)) throw new io.javalin.http.BadRequestResponse();
        String outcome;
        try {
            outcome = "→ " + reviewer.review(user.name(), id, disposition, ctx.formParam("reference"), ctx.formParam("comment"));
        } catch (io.auditwarehouse.config.ConfigException e) {
            outcome = e.getMessage();
        }
        show(ctx, outcome);
    }

    private void list(Context ctx) {
        FindingFilter filter = FindingFilter.of(ctx.queryParamMap());
        FindingFilter.Query q = filter.rows(false);
        List<Map<String, Object>> rows = portal.warehouse().run(q.sql(), q.parameters());
        FindingFilter.Query c = filter.count();
        long total = ((Number) portal.warehouse().run(c.sql(), c.parameters()).get(0).get("n")).longValue();
        var model = WebSession.model(ctx);
        model.put("rows", rows);
        model.put("total", total);
        model.put("page", filter.page());
        model.put("pages", Math.max(1, (total + FindingFilter.PAGE_SIZE - 1) / FindingFilter.PAGE_SIZE));
        model.put("filter", filter.parameters());
        model.put("month", ctx.queryParam("month") == null ? "" : ctx.queryParam("month"));
        model.put("query", query(filter.parameters()));
        model.put("sortable", FindingFilter.SORTABLE);
        model.put("values", portal.warehouse().query("filter_values", List.of()).stream()
                .collect(Collectors.groupingBy(r -> (String) r.get("col"), Collectors.mapping(r -> (String) r.get("val"), Collectors.toList()))));
        ctx.html(portal.pages().render("findings", WebSession.locale(ctx), model));
    }

    private void export(Context ctx) throws IOException {
        FindingFilter filter = FindingFilter.of(ctx.queryParamMap());
        FindingFilter.Query q = filter.rows(true);
        List<Map<String, Object>> rows = portal.warehouse().run(q.sql(), q.parameters());
        StringWriter out = new StringWriter();
        List<String> header = rows.isEmpty() ? List.of("finding_id") : List.copyOf(rows.get(0).keySet());
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new)).get())) {
            for (Map<String, Object> r : rows) csv.printRecord(header.stream().map(r::get).toList());
        }
        byte[] bytes = out.toString().getBytes(StandardCharsets.UTF_8);
        String sha = PackageRoutes.sha256(bytes);
        portal.record(ctx, null, AccessEvent.Action.EXPORT, "findings.csv?" + query(filter.parameters()), sha, rows.size() + " rows");
        ctx.header("Content-Disposition", Downloads.attachment("findings.csv"));
        ctx.contentType("text/csv; charset=utf-8").result(bytes);
    }

    private void show(Context ctx, String reviewOutcome) {
        List<Map<String, Object>> found = portal.warehouse().query("finding", List.of(ctx.pathParam("id")));
        if (found.isEmpty()) throw new NotFoundResponse();
        Map<String, Object> f = found.get(0);
        var model = WebSession.model(ctx);
        model.put("f", f);
        model.put("runs", f.get("build_number") == null ? List.of()
                : portal.warehouse().query("finding_runs", List.of(f.get("controller"), f.get("job_name"), f.get("build_number"))));
        model.put("approvals", f.get("approval_no") == null ? List.of() : portal.warehouse().query("finding_approval", List.of(f.get("approval_no"))));
        model.put("reviews", portal.warehouse().query("finding_reviews", List.of(f.get("finding_id"))));
        model.put("canReview", reviewer != null && WebSession.user(ctx).role().atLeast(Role.COMPLIANCE));
        model.put("dispositions", DISPOSITIONS);
        model.put("reviewOutcome", reviewOutcome);
        ctx.html(portal.pages().render("finding", WebSession.locale(ctx), model));
    }

    static String query(Map<String, String> parameters) {
        return parameters.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
