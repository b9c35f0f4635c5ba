package io.auditwarehouse.generate;

import io.auditwarehouse.model.ReasonCode;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Across seeds and month shapes, the rules find exactly what the plants meant: no more, no less. */
class PlantAgreementTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 99})
    void rulesFindExactlyThePlantedFindings(long seed, @TempDir Path dir) throws IOException {
        YearMonth month = seed == 99 ? YearMonth.of(2027, 2) : YearMonth.of(2026, 12);
        GenerationSummary s = new MonthGenerator().generate(GeneratorSpec.of(month, 1_500, seed), dir);
        assertEquals(List.of(), s.unplanned());
        assertEquals(List.of(), s.missed());
        for (ReasonCode code : ReasonCode.values()) {
            assertTrue(s.findings().get(code) >= s.plants().get(code), code.name());
            assertTrue(s.plants().get(code) > 0, code.name());
        }
    }
}
