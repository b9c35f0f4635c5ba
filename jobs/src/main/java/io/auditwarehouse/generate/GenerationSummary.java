package io.auditwarehouse.generate;

import io.auditwarehouse.model.ReasonCode;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * What {@link MonthGenerator#generate} wrote (the content of generation.json).
 *
 * @param runs       runs present in at least one evidence source
 * @param asOf       the instant the month must be reconciled as of
 * @param files      per written file (path relative to the output folder)
 * @param plants     plants made per reason code
 * @param findings   ground-truth findings per reason code
 * @param unplanned  ground-truth findings no plant meant to cause (empty unless the generator has a bug)
 * @param missed     findings a plant meant to cause that the rules do not produce (likewise)
 */
public record GenerationSummary(
        Path outDir,
        YearMonth month,
        long seed,
        int runs,
        OffsetDateTime asOf,
        List<String> controllers,
        Map<String, FileStats> files,
        Map<ReasonCode, Integer> plants,
        Map<ReasonCode, Integer> findings,
        List<String> unplanned,
        List<String> missed) {

    public int malformedLines(String file) {
        FileStats s = files.get(file);
        return s == null ? 0 : s.malformedLines();
    }
}
