package io.auditwarehouse.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Asserts that no secret, nor its base64 form, appears in what a command printed or any file it wrote. */
public final class SecretScan {

    private SecretScan() {
    }

    /** @param texts what was printed (stdout, stderr); @param folders searched file by file */
    public static void assertAbsent(List<String> secrets, List<String> texts, List<Path> folders) throws IOException {
        List<String> forms = new ArrayList<>();
        for (String s : secrets) {
            forms.add(s);
            forms.add(Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8)));
        }
        for (String text : texts) {
            for (String f : forms) assertTrue(!text.contains(f), "a secret was printed:\n" + text);
        }
        for (Path folder : folders) {
            if (!Files.exists(folder)) continue;
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path p : files.filter(Files::isRegularFile).toList()) {
                    String text = new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1);
                    for (String f : forms) assertTrue(!text.contains(f), "a secret was written to " + p);
                }
            }
        }
    }
}
