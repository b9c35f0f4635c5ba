package io.auditwarehouse.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.auditwarehouse.config.ConfigException;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What an issued package's manifest recorded that a re-render cannot recompute: the previous month's manifest digest
 * as it was then, the sample seed and its source, the instant printed on the PDF's cover, which renderings it held,
 * the window of reviews it showed (reviews_since, reviews_as_of) and the fingerprint of the pseudonym key.
 */
record Replay(String previousManifestSha256, long seed, String seedSource, Instant pdfGeneratedAt, Set<String> formats,
              Instant reviewsAsOf, Instant reviewsSince, String pseudonymKeyFingerprint) {

    static Replay of(IssuedPackage issued) {
        JsonNode m = issued.manifest();
        JsonNode previous = m.path("previous_manifest_sha256");
        JsonNode generated = m.path("pdf_generated_at");
        Set<String> formats = new LinkedHashSet<>();
        for (JsonNode o : m.path("outputs")) {
            String file = o.path("file").asText();
            if (file.endsWith(".pdf")) formats.add(PackageRequest.PDF);
            if (file.endsWith(".xlsx")) formats.add(PackageRequest.XLSX);
        }
        return new Replay(previous.isTextual() ? previous.asText() : null, m.path("sampling").path("seed").asLong(),
                m.path("sampling").path("seed_source").asText(), generated.isTextual() ? Instant.parse(generated.asText()) : null,
                formats, instant(m.path("reviews_as_of")), instant(m.path("reviews_since")), PackagePseudonyms.fingerprintOf(m));
    }

    private static Instant instant(JsonNode n) {
        return n.isTextual() ? Instant.parse(n.asText()) : null;
    }

    /** The snapshot version the manifest names, or a usage error saying why the package cannot be reproduced. */
    static long snapshotOf(IssuedPackage issued, Path dir) {
        if (!issued.exists()) throw new ConfigException("--reproduce", "no issued package in " + dir);
        JsonNode v = issued.manifest().path("snapshot_version");
        if (!v.canConvertToLong()) {
            throw new ConfigException("--reproduce", "the package in " + dir + " records no snapshot_version (rendered before the"
                    + " warehouse kept snapshots): it cannot be reproduced");
        }
        return v.asLong();
    }
}
