package io.auditwarehouse.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.YearMonth;
import java.util.HexFormat;
import java.util.List;

/**
 * manifest.json of a monthly package (outputs.md §3): what went in, what came out with its SHA-256, and the
 * SHA-256 of the previous month's manifest, so the packages form a hash chain. No wall-clock time is recorded:
 * re-rendering unchanged data gives the same manifest.
 */
final class Manifest {

    static final String FILE = "manifest.json";
    /** sha256sum-style digest of the manifest itself, so a changed byte there is caught too. */
    static final String DIGEST_FILE = "manifest.sha256";
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private Manifest() {
    }

    /** The folder of the month before, beside this one ({@code reports/2026-09} for {@code reports/2026-10}). */
    static Path previousManifest(Path packageDir, YearMonth month) {
        return packageDir.resolveSibling(month.minusMonths(1).toString()).resolve(FILE);
    }

    static ArrayNode outputs(Path dir, List<Path> files) throws IOException {
        ArrayNode outputs = JSON.createArrayNode();
        for (Path f : files) {
            ObjectNode o = outputs.addObject();
            o.put("file", f.toString().replace('\\', '/'));
            o.put("bytes", Files.size(dir.resolve(f)));
            o.put("sha256", sha256(dir.resolve(f)));
        }
        return outputs;
    }

    /** SHA-256 over "sha256  path" lines of the data files, in order: one digest for what the package says. */
    static String contentDigest(Path dir, List<Path> dataFiles) throws IOException {
        StringBuilder lines = new StringBuilder();
        for (Path f : dataFiles) lines.append(sha256(dir.resolve(f))).append("  ").append(f.toString().replace('\\', '/')).append('\n');
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(lines.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static void write(Path dir, ObjectNode manifest) throws IOException {
        Files.writeString(dir.resolve(FILE), JSON.writeValueAsString(manifest) + "\n");
        Files.writeString(dir.resolve(DIGEST_FILE), sha256(dir.resolve(FILE)) + "  " + FILE + "\n");
    }

    static JsonNode read(Path dir) throws IOException {
        return JSON.readTree(dir.resolve(FILE).toFile());
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
