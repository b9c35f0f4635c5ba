package io.auditwarehouse.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * A command that must fail as an operator sees it: run in a JVM of its own, the expected exit code, one error line on
 * stderr (besides progress lines and the --verbose hint every error gets), no secret in anything it printed or wrote
 * under {@code --out}, and nothing published there.
 */
public final class FailedRun {

    private FailedRun() {
    }

    /** @return the error line */
    public static String expect(int exit, Path dir, String name, Map<String, String> env, List<String> secrets, Path out,
                                String... args) throws Exception {
        Path printed = Files.createDirectories(dir.resolve("printed-" + name));
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--out", out.toString()));
        long start = System.nanoTime();
        CliProcess p = CliProcess.start(printed, name, List.of("-Xmx512m"), env, all.toArray(String[]::new))
                .expectExit(exit, Duration.ofMinutes(3));
        long millis = (System.nanoTime() - start) / 1_000_000;
        String err = Files.readString(printed.resolve(name + ".err"));
        List<String> lines = err.lines().filter(l -> !l.isBlank() && !l.matches("\\[ *[0-9.]+s\\] .*")
                && !l.equals("(run with --verbose for details)")).toList();
        assertEquals(1, lines.size(), "one error line on stderr:\n" + p.output());
        SecretScan.assertAbsent(secrets, List.of(p.out(), err), List.of(out, printed));
        assertFalse(Files.exists(out.resolve("warehouse/recon_run")), "nothing published");
        System.out.println(name + ": exit " + exit + " after " + millis + " ms (JVM start included): " + lines.get(0));
        return lines.get(0);
    }
}
