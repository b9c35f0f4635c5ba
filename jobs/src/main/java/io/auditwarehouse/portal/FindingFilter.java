package io.auditwarehouse.portal;

import io.auditwarehouse.sinks.SqlScripts;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.auditwarehouse.portal.QueryParams.date;
import static io.auditwarehouse.portal.QueryParams.first;

/**
 * The Findings page's filter from its query parameters: each given filter adds a fixed clause with its value bound;
 * the sort column is one of a fixed list. Unknown or malformed values are dropped, never spliced into SQL.
 */
record FindingFilter(Map<String, String> equals, LocalDate from, LocalDate to, String sort, boolean descending, int page) {

    static final int PAGE_SIZE = 50;
    /** Filterable by equality: query parameter = column. */
    static final List<String> EQUALITY = List.of("control_id", "severity", "reason_code", "controller", "job_name", "disposition");
    static final List<String> SORTABLE = List.of("business_date", "control_id", "reason_code", "severity", "controller",
            "job_name", "build_number", "occurred_at", "disposition", "finding_id");

    static FindingFilter of(Map<String, List<String>> query) {
        Map<String, String> equals = new LinkedHashMap<>();
        for (String column : EQUALITY) {
            String v = first(query, column);
            if (v != null && !v.isBlank()) equals.put(column, v.strip());
        }
        LocalDate from = date(first(query, "from"));
        LocalDate to = date(first(query, "to"));
        String month = first(query, "month");
        if (month != null && month.matches("\\d{4}-\\d{2}")) {
            YearMonth ym = YearMonth.parse(month);
            from = from == null || from.isBefore(ym.atDay(1)) ? ym.atDay(1) : from;
            to = to == null || to.isAfter(ym.atEndOfMonth()) ? ym.atEndOfMonth() : to;
        }
        String sort = first(query, "sort");
        return new FindingFilter(equals, from, to, sort != null && SORTABLE.contains(sort) ? sort : "business_date",
                "desc".equals(first(query, "dir")), QueryParams.page(query));
    }

    /** The filtered rows, sorted, one page of them (or all when {@code all}); values bound as parameters. */
    Query rows(boolean all) {
        List<Object> params = new ArrayList<>();
        String sql = base(params) + " ORDER BY " + sort + (descending ? " DESC" : " ASC") + ", finding_id";
        if (!all) {
            sql += " LIMIT ? OFFSET ?";
            params.add(PAGE_SIZE);
            params.add((page - 1) * PAGE_SIZE);
        }
        return new Query(sql, params);
    }

    Query count() {
        List<Object> params = new ArrayList<>();
        return new Query("SELECT count(*) AS n FROM (" + base(params) + ") f", params);
    }

    private String base(List<Object> params) {
        StringBuilder sql = new StringBuilder("SELECT * FROM (" + SqlScripts.read("portal/findings.sql").lines()
                .filter(l -> !l.strip().startsWith("--")).reduce("", (a, b) -> a + b + "\n").strip() + ") f");
        List<String> clauses = new ArrayList<>();
        equals.forEach((column, value) -> {
            clauses.add(column + " = ?"); // column from EQUALITY, value bound
            params.add(value);
        });
        if (from != null) {
            clauses.add("business_date >= ?");
            params.add(from);
        }
        if (to != null) {
            clauses.add("business_date <= ?");
            params.add(to);
        }
        if (!clauses.isEmpty()) sql.append(" WHERE ").append(String.join(" AND ", clauses));
        return sql.toString();
    }

    /** The same filter as query parameters, for links (pages, sort, CSV). */
    Map<String, String> parameters() {
        Map<String, String> p = new LinkedHashMap<>(equals);
        if (from != null) p.put("from", from.toString());
        if (to != null) p.put("to", to.toString());
        p.put("sort", sort);
        p.put("dir", descending ? "desc" : "asc");
        return p;
    }

    record Query(String sql, List<Object> parameters) {
    }
}
