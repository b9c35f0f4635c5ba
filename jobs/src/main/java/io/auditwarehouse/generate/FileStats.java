package io.auditwarehouse.generate;

import java.util.Map;

/**
 * What one written file holds.
 *
 * @param lines      every line (header excluded for CSV)
 * @param documents  lines a reader can understand (duplicates included)
 * @param duplicates exact repeats of a document
 * @param malformed  planted malformed lines by kind ({@code bad_json}, {@code missing_build_number}, {@code unparseable_time})
 */
public record FileStats(int lines, int documents, int duplicates, Map<String, Integer> malformed) {

    public int malformedLines() {
        return malformed.values().stream().mapToInt(Integer::intValue).sum();
    }
}
