package io.auditwarehouse.report;

import io.auditwarehouse.report.content.ReportContent.SampleItem;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class AuditorSampleTest {

    private static final LocalDate DAY = LocalDate.of(2026, 10, 1);

    private static List<SampleItem> draw(long seed, List<String> units) {
        AuditorSample s = new AuditorSample(seed, control -> control.equals("C4") ? 3 : 25);
        for (String u : units) {
            s.offer("C1", "RUN", u, DAY, "COMPLIANT", null, null);
            s.offer("C4", "APPROVAL", u, DAY, "APPROVED", null, u);
        }
        return s.items(List.of("C1", "C4"));
    }

    private static List<String> units(int n) {
        return IntStream.range(0, n).mapToObj(i -> "batch-a/job#" + i).toList();
    }

    @Test
    void theDrawDoesNotDependOnTheOrderRowsArriveIn() {
        List<String> shuffled = new ArrayList<>(units(1000));
        Collections.shuffle(shuffled, new Random(1));
        assertEquals(draw(7, units(1000)), draw(7, shuffled));
    }

    @Test
    void anotherSeedDrawsAnotherSample() {
        assertNotEquals(draw(7, units(1000)), draw(8, units(1000)));
    }

    @Test
    void sizesAreTheControlsAndNeverMoreThanItsPopulation() {
        List<SampleItem> items = draw(7, units(1000));
        assertEquals(25, items.stream().filter(i -> i.controlId().equals("C1")).count());
        assertEquals(3, items.stream().filter(i -> i.controlId().equals("C4")).count());
        assertEquals(1000, items.get(0).population());
        assertEquals(10, draw(7, units(10)).stream().filter(i -> i.controlId().equals("C1")).count());
    }

    @Test
    void theSampleIsTheMembersWithTheLowestDigestSoAnAuditorCanRedrawIt() {
        AuditorSample s = new AuditorSample(7, c -> 25);
        List<String> expected = units(1000).stream().sorted(Comparator.comparing(u -> s.rankKey("C1", u))).limit(25).toList();
        assertEquals(expected, draw(7, units(1000)).stream().filter(i -> i.controlId().equals("C1")).map(SampleItem::unit).toList());
    }
}
