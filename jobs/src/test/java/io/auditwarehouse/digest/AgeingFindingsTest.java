package io.auditwarehouse.digest;

import io.auditwarehouse.model.Disposition;
import io.auditwarehouse.model.FindingStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** review.sla counts working days, Monday to Friday in the business zone; only OPEN findings age. */
class AgeingFindingsTest {

    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    private static final AgeingFindings.HighFinding THURSDAY = new AgeingFindings.HighFinding("f1", "C2", "EXECUTOR_IS_REQUESTER",
            LocalDate.of(2026, 10, 1), "batch-a", "payments/settle", 12, "CHG-1");

    private static List<Long> ageing(String asOf, Map<String, FindingStatus> statuses) {
        return AgeingFindings.of(List.of(THURSDAY), statuses, Instant.parse(asOf), SEOUL, 5).stream()
                .map(AgeingFindings.Ageing::workingDays).toList();
    }

    @Test
    void fiveWorkingDaysAfterAThursdayRunOutAtTheEndOfTheNextThursday() {
        assertEquals(List.of(), ageing("2026-10-08T14:59:59Z", Map.of()), "Thursday Oct 8, 23:59 in Seoul: day five not over");
        assertEquals(List.of(6L), ageing("2026-10-08T15:00:00Z", Map.of()), "Friday Oct 9, 00:00 in Seoul");
        assertEquals(List.of(6L), ageing("2026-10-11T00:00:00Z", Map.of()), "the weekend adds nothing");
        assertEquals(List.of(7L), ageing("2026-10-12T00:00:00Z", Map.of()));
    }

    @Test
    void aReviewedFindingDoesNotAge() {
        FindingStatus done = new FindingStatus("f1", Disposition.ACKNOWLEDGED, "T", "han", Instant.EPOCH, null, "R-1", null, null);
        assertEquals(List.of(), ageing("2026-10-20T00:00:00Z", Map.of("f1", done)));
        // Tuesday Oct 20 in Seoul: Oct 2, 5-9, 12-16, 19, 20
        assertEquals(List.of(13L), ageing("2026-10-20T00:00:00Z", Map.of("f1", FindingStatus.open("f1"))));
    }
}
