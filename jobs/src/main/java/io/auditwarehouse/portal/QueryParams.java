package io.auditwarehouse.portal;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** A page's query parameters read leniently: a missing or malformed value is null (or page 1), never an error. */
final class QueryParams {

    private QueryParams() {
    }

    static String first(Map<String, List<String>> query, String key) {
        List<String> v = query.get(key);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    static LocalDate date(String text) {
        if (text == null || text.isBlank()) return null;
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The {@code page} parameter, 1 when absent or not a number. */
    static int page(Map<String, List<String>> query) {
        String page = first(query, "page");
        try {
            return page == null ? 1 : Math.max(1, Integer.parseInt(page));
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
