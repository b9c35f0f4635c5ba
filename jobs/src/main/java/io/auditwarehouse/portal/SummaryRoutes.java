package io.auditwarehouse.portal;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The Summary page: the PDF's control summary and daily trend (an SVG drawn on the server) for one month. */
final class SummaryRoutes {

    static final int CHART_HEIGHT = 160;
    static final int BAR_WIDTH = 14;

    private final Portal portal;

    SummaryRoutes(Portal portal) {
        this.portal = portal;
    }

    void register(RoutesConfig routes) {
        routes.get("/summary", this::show);
    }

    private void show(Context ctx) {
        List<String> months = portal.warehouse().query("months", List.of()).stream()
                .map(r -> YearMonth.from(toDate(r.get("business_date"))).toString()).distinct().toList();
        String asked = ctx.queryParam("month");
        String month = months.contains(asked) ? asked : months.isEmpty() ? YearMonth.now().toString() : months.get(0);
        YearMonth ym = YearMonth.parse(month);
        List<Object> range = List.of(ym.atDay(1), ym.atEndOfMonth());
        var model = WebSession.model(ctx);
        model.put("months", months);
        model.put("month", month);
        model.put("controls", portal.warehouse().query("summary", range));
        model.put("bars", bars(portal.warehouse().query("summary_daily", range)));
        model.put("chartHeight", CHART_HEIGHT);
        model.put("chartWidth", ym.lengthOfMonth() * BAR_WIDTH);
        ctx.html(portal.pages().render("summary", WebSession.locale(ctx), model));
    }

    /** One bar per day: its height scaled to the month's largest population; the exceptions drawn over it. */
    static List<Map<String, Object>> bars(List<Map<String, Object>> days) {
        long max = days.stream().mapToLong(d -> ((Number) d.get("population")).longValue()).max().orElse(1);
        List<Map<String, Object>> bars = new ArrayList<>();
        for (Map<String, Object> d : days) {
            LocalDate date = toDate(d.get("business_date"));
            long population = ((Number) d.get("population")).longValue();
            long exceptions = ((Number) d.get("exceptions")).longValue();
            Map<String, Object> b = new LinkedHashMap<>();
            int h = (int) Math.round(CHART_HEIGHT * (double) population / Math.max(1, max));
            int e = (int) Math.round(CHART_HEIGHT * (double) exceptions / Math.max(1, max));
            b.put("x", (date.getDayOfMonth() - 1) * BAR_WIDTH);
            b.put("y", CHART_HEIGHT - h);
            b.put("h", h);
            b.put("ey", CHART_HEIGHT - e);
            b.put("eh", e);
            b.put("w", BAR_WIDTH - 2);
            b.put("title", date + ": " + population + " / " + exceptions);
            bars.add(b);
        }
        return bars;
    }

    private static LocalDate toDate(Object v) {
        if (v instanceof LocalDate d) return d;
        if (v instanceof java.time.Instant i) return i.atOffset(java.time.ZoneOffset.UTC).toLocalDate();
        return LocalDate.parse(v.toString().substring(0, 10));
    }
}
