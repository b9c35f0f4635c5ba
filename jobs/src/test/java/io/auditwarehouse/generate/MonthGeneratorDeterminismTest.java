package io.auditwarehouse.generate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class MonthGeneratorDeterminismTest {

    private static final YearMonth MONTH = YearMonth.of(2026, 10);

    @Test
    void sameSeedGivesIdenticalBytesAndAnotherSeedDoesNot(@TempDir Path dir) throws IOException {
        MonthGenerator generator = new MonthGenerator();
        generator.generate(GeneratorSpec.of(MONTH, 2_000, 7), dir.resolve("a"));
        generator.generate(GeneratorSpec.of(MONTH, 2_000, 7), dir.resolve("b"));
        generator.generate(GeneratorSpec.of(MONTH, 2_000, 8), dir.resolve("c"));
        List<Path> files = files(dir.resolve("a"));
        assertEquals(files, files(dir.resolve("b")));
        for (Path f : files) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("a").resolve(f)), Files.readAllBytes(dir.resolve("b").resolve(f)),
                    f.toString());
        }
        for (String f : List.of("builds.ndjson", "approvals.csv", "ground-truth.csv")) {
            assertFalse(java.util.Arrays.equals(Files.readAllBytes(dir.resolve("a").resolve(f)),
                    Files.readAllBytes(dir.resolve("c").resolve(f))), f);
        }
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
        }
    }
}
