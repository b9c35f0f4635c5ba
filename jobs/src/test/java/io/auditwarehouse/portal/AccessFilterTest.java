package io.auditwarehouse.portal;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The access log page's filter: who, what and which UTC days, newest first, a page at a time. */
class AccessFilterTest {

    private static AccessEvent event(int n, String user, AccessEvent.Action action, String at) {
        return new AccessEvent("e" + n, Instant.parse(at), user, "auditor", action, null, null, "127.0.0.1", "test", null);
    }

    private static final List<AccessEvent> LOG = List.of(
            event(1, "alice", AccessEvent.Action.SIGN_IN, "2026-11-01T23:59:59Z"),
            event(2, "alice", AccessEvent.Action.DOWNLOAD, "2026-11-02T00:00:00Z"),
            event(3, "bob", AccessEvent.Action.DOWNLOAD, "2026-11-02T10:00:00Z"),
            event(4, "alice", AccessEvent.Action.DOWNLOAD, "2026-11-03T00:00:00Z"),
            event(5, "alice", AccessEvent.Action.SIGN_OUT, "2026-11-04T00:00:00Z"));

    private static List<String> ids(List<AccessEvent> events) {
        return events.stream().map(AccessEvent::accessId).toList();
    }

    @Test
    void whoWhatAndWhichDaysNewestFirst() {
        AccessFilter f = AccessFilter.of(Map.of("user", List.of(" alice "), "action", List.of("DOWNLOAD"),
                "from", List.of("2026-11-02"), "to", List.of("2026-11-03")));
        assertEquals(List.of("e4", "e2"), ids(f.newestFirst(LOG)));
        assertEquals("user=alice&action=DOWNLOAD&from=2026-11-02&to=2026-11-03", FindingRoutes.query(f.parameters()));
        assertEquals(List.of("e1"), ids(AccessFilter.of(Map.of("to", List.of("2026-11-01"))).newestFirst(LOG)), "days are UTC days");
    }

    @Test
    void unknownOrMalformedValuesAreDroppedNotGuessed() {
        AccessFilter f = AccessFilter.of(Map.of("action", List.of("DOWNLOAD' OR 1=1"), "from", List.of("yesterday"), "page", List.of("x")));
        assertNull(f.action());
        assertNull(f.from());
        assertEquals(1, f.page());
        assertEquals(List.of("e5", "e4", "e3", "e2", "e1"), ids(f.newestFirst(LOG)));
        assertEquals("", FindingRoutes.query(f.parameters()));
    }

    @Test
    void aPageHoldsAtMostPageSizeEvents() {
        List<AccessEvent> many = new ArrayList<>();
        for (int i = 0; i < AccessFilter.PAGE_SIZE + 3; i++) many.add(event(i, "alice", AccessEvent.Action.DOWNLOAD, "2026-11-02T00:00:00Z"));
        List<AccessEvent> found = AccessFilter.of(Map.of()).newestFirst(many);
        assertEquals(2, AccessFilter.pages(found.size()));
        assertEquals(AccessFilter.PAGE_SIZE, AccessFilter.of(Map.of()).page(found).size());
        assertEquals(List.of("e2", "e1", "e0"), ids(AccessFilter.of(Map.of("page", List.of("2"))).page(found)));
        assertEquals(List.of(), AccessFilter.of(Map.of("page", List.of("9"))).page(found));
        assertEquals(1, AccessFilter.pages(0));
    }
}
