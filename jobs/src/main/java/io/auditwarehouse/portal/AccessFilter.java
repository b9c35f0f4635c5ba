package io.auditwarehouse.portal;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.auditwarehouse.portal.QueryParams.date;
import static io.auditwarehouse.portal.QueryParams.first;

/**
 * The access log page's filter from its query parameters: who, which action, and a range of UTC days. Unknown or
 * malformed values are dropped. The log is read whole (it is the warehouse's append-only table) and filtered here.
 */
record AccessFilter(String user, AccessEvent.Action action, LocalDate from, LocalDate to, int page) {

    static final int PAGE_SIZE = 200;

    static AccessFilter of(Map<String, List<String>> query) {
        String user = first(query, "user");
        AccessEvent.Action action = null;
        String a = first(query, "action");
        for (AccessEvent.Action known : AccessEvent.Action.values()) if (known.name().equals(a)) action = known;
        return new AccessFilter(user == null || user.isBlank() ? null : user.strip(), action, date(first(query, "from")),
                date(first(query, "to")), QueryParams.page(query));
    }

    boolean matches(AccessEvent e) {
        LocalDate day = e.at().atOffset(ZoneOffset.UTC).toLocalDate();
        return (user == null || user.equals(e.user())) && (action == null || action == e.action())
                && (from == null || !day.isBefore(from)) && (to == null || !day.isAfter(to));
    }

    /** The matching events, newest first. */
    List<AccessEvent> newestFirst(List<AccessEvent> oldestFirst) {
        List<AccessEvent> found = new ArrayList<>();
        for (int i = oldestFirst.size() - 1; i >= 0; i--) if (matches(oldestFirst.get(i))) found.add(oldestFirst.get(i));
        return found;
    }

    /** This filter's page of {@code found}. */
    List<AccessEvent> page(List<AccessEvent> found) {
        int start = Math.min(found.size(), (page - 1) * PAGE_SIZE);
        return found.subList(start, Math.min(found.size(), start + PAGE_SIZE));
    }

    static int pages(int found) {
        return Math.max(1, (found + PAGE_SIZE - 1) / PAGE_SIZE);
    }

    /** The given filters as query parameters (the page is not one of them). */
    Map<String, String> parameters() {
        Map<String, String> p = new LinkedHashMap<>();
        if (user != null) p.put("user", user);
        if (action != null) p.put("action", action.name());
        if (from != null) p.put("from", from.toString());
        if (to != null) p.put("to", to.toString());
        return p;
    }
}
