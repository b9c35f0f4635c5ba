package io.auditwarehouse.portal;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Findings filter binds every value; only fixed clauses and a whitelisted sort column reach the SQL text. */
class FindingFilterTest {

    @Test
    void valuesAreBoundNeverSplicedAndAnUnknownSortFallsBack() {
        String hostile = "C1' OR '1'='1";
        FindingFilter f = FindingFilter.of(Map.of("control_id", List.of(hostile), "sort", List.of("finding_id; drop table recon_finding"),
                "severity", List.of("HIGH"), "page", List.of("2")));
        FindingFilter.Query q = f.rows(false);
        assertFalse(q.sql().contains(hostile) || q.sql().contains("drop"), q.sql());
        assertTrue(q.sql().contains("control_id = ?") && q.sql().contains("severity = ?"), q.sql());
        assertTrue(q.sql().endsWith("ORDER BY business_date ASC, finding_id LIMIT ? OFFSET ?"), q.sql());
        assertEquals(List.of(hostile, "HIGH", FindingFilter.PAGE_SIZE, FindingFilter.PAGE_SIZE), q.parameters());
    }

    @Test
    void aMonthBoundsTheDateRangeAndADescendingSortIsKept() {
        FindingFilter f = FindingFilter.of(Map.of("month", List.of("2026-02"), "from", List.of("2026-02-10"), "sort", List.of("severity"),
                "dir", List.of("desc")));
        assertEquals(LocalDate.parse("2026-02-10"), f.from());
        assertEquals(LocalDate.parse("2026-02-28"), f.to());
        FindingFilter.Query all = f.rows(true);
        assertTrue(all.sql().endsWith("WHERE business_date >= ? AND business_date <= ? ORDER BY severity DESC, finding_id"), all.sql());
        assertEquals(List.of(LocalDate.parse("2026-02-10"), LocalDate.parse("2026-02-28")), all.parameters());
        assertEquals("from=2026-02-10&to=2026-02-28&sort=severity&dir=desc", FindingRoutes.query(f.parameters()));
    }

    @Test
    void malformedDatesAndPagesAreDropped() {
        FindingFilter f = FindingFilter.of(Map.of("from", List.of("yesterday"), "page", List.of("-3"), "month", List.of("2026-13-01")));
        assertEquals(null, f.from());
        assertEquals(1, f.page());
        assertFalse(f.rows(true).sql().contains("WHERE"));
    }
}
