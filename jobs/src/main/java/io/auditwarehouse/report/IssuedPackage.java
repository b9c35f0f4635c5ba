package io.auditwarehouse.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.auditwarehouse.report.content.ReportContent.Restatement;
import io.auditwarehouse.sinks.WarehouseTables;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The package last issued for a month (the folder a new rendering replaces), or none. */
final class IssuedPackage {

    private final Path dir;
    private final JsonNode manifest;

    private IssuedPackage(Path dir, JsonNode manifest) {
        this.dir = dir;
        this.manifest = manifest;
    }

    static IssuedPackage at(Path dir) throws IOException {
        return new IssuedPackage(dir, Files.isRegularFile(dir.resolve(Manifest.FILE)) ? Manifest.read(dir) : null);
    }

    JsonNode manifest() {
        return manifest;
    }

    /**
     * Up to when the package showed reviews: null when there is no issued package; a package rendered before reviews
     * existed showed none, so every review is after it.
     */
    java.time.Instant reviewsAsOf() {
        if (!exists()) return null;
        JsonNode at = manifest.path("reviews_as_of");
        return at.isTextual() ? java.time.Instant.parse(at.asText()) : java.time.Instant.EPOCH;
    }

    boolean exists() {
        return manifest != null;
    }

    String manifestSha256() throws IOException {
        return Manifest.sha256(dir.resolve(Manifest.FILE));
    }

    Map<String, Map<String, String>> findings() throws IOException {
        Path csv = dir.resolve("csv/" + WarehouseTables.FINDING + ".csv");
        return Files.isRegularFile(csv) ? Restatements.readFindings(csv) : Map.of();
    }

    /** The columns of the package's table CSVs, by table (tables without a CSV left out). */
    Map<String, List<String>> csvColumns(Collection<String> tables) throws IOException {
        Map<String, List<String>> columns = new TreeMap<>();
        for (String table : tables) {
            Path csv = dir.resolve("csv/" + table + ".csv");
            if (Files.isRegularFile(csv)) columns.put(table, Restatements.header(csv));
        }
        return columns;
    }

    List<Restatement> restatements() throws IOException {
        Path csv = dir.resolve(EvidencePackage.RESTATEMENTS_CSV);
        return Files.isRegularFile(csv) ? Restatements.read(csv) : List.of();
    }

    JsonNode restatementNode() {
        return manifest.path("restatements").isMissingNode() ? Manifest.JSON.nullNode() : manifest.get("restatements");
    }

    /**
     * Puts the freshly rendered folder in this package's place. An issued package whose data differ is moved to
     * {@code supersededRoot/<YYYY-MM>-<manifest digest prefix>} rather than lost.
     *
     * @return where the replaced package was kept, or null
     */
    Path replaceWith(Path rendered, String contentSha256, Path supersededRoot) throws IOException {
        Path kept = null;
        if (exists() && !contentSha256.equals(manifest.path("content_sha256").asText())) {
            kept = supersededRoot.resolve(dir.getFileName() + "-" + manifestSha256().substring(0, 12));
            Files.createDirectories(supersededRoot);
            PackageFiles.delete(kept);
            Files.move(dir, kept, StandardCopyOption.ATOMIC_MOVE);
        } else {
            PackageFiles.delete(dir);
        }
        Files.move(rendered, dir, StandardCopyOption.ATOMIC_MOVE);
        return kept;
    }
}
