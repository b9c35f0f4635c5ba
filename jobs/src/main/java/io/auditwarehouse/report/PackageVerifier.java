package io.auditwarehouse.report;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/** `verify DIR`: recomputes every digest and the link to the previous month, and names what does not match. */
public final class PackageVerifier {

    private PackageVerifier() {
    }

    /** SHA-256 (hex) of a file, as the manifest records it. */
    public static String sha256(Path file) throws IOException {
        return Manifest.sha256(file);
    }

    /** @return one line per problem; empty when the package is intact */
    public static List<String> verify(Path dir) throws IOException {
        List<String> problems = new ArrayList<>();
        if (!Files.isRegularFile(dir.resolve(Manifest.FILE))) return List.of(dir.resolve(Manifest.FILE) + ": missing");
        Path digest = dir.resolve(Manifest.DIGEST_FILE);
        String own = Manifest.sha256(dir.resolve(Manifest.FILE));
        if (!Files.isRegularFile(digest)) problems.add(Manifest.DIGEST_FILE + ": missing");
        else if (!Files.readString(digest).startsWith(own + "  ")) {
            problems.add(Manifest.FILE + ": SHA-256 " + own + " but " + Manifest.DIGEST_FILE + " says " + Files.readString(digest).strip());
        }
        JsonNode m;
        try {
            m = Manifest.read(dir);
        } catch (IOException e) {
            problems.add(Manifest.FILE + ": not readable JSON");
            return problems;
        }
        for (JsonNode o : m.path("outputs")) {
            Path f = dir.resolve(o.path("file").asText());
            if (!Files.isRegularFile(f)) {
                problems.add(o.path("file").asText() + ": missing");
                continue;
            }
            String actual = Manifest.sha256(f);
            if (!actual.equals(o.path("sha256").asText()) || Files.size(f) != o.path("bytes").asLong()) {
                problems.add(o.path("file").asText() + ": SHA-256 " + actual + " but the manifest says " + o.path("sha256").asText());
            }
        }
        List<Path> data = new ArrayList<>();
        for (JsonNode o : m.path("outputs")) if (o.path("file").asText().startsWith("csv/")) data.add(Path.of(o.path("file").asText()));
        if (m.has("content_sha256") && data.stream().allMatch(f -> Files.isRegularFile(dir.resolve(f)))
                && !Manifest.contentDigest(dir, data).equals(m.path("content_sha256").asText())) {
            problems.add(Manifest.FILE + ": content_sha256 does not match the data files");
        }
        JsonNode recorded = m.path("previous_manifest_sha256");
        Path previous = Manifest.previousManifest(dir, YearMonth.parse(m.path("period").asText()));
        if (!recorded.isNull()) {
            if (!Files.isRegularFile(previous)) {
                problems.add(previous + ": the chain names it but it is missing");
            } else if (!Manifest.sha256(previous).equals(recorded.asText())) {
                problems.add(previous + ": SHA-256 " + Manifest.sha256(previous) + " but this manifest chains to " + recorded.asText());
            }
        }
        return problems;
    }
}
