package io.auditwarehouse.portal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.auditwarehouse.report.PackageVerifier;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The issued evidence packages under the reports folder: {@code <YYYY-MM>/} (current) and
 * {@code superseded/<YYYY-MM>-<digest>/} (earlier issues). A request names a package by its id and a file by its
 * name; both are looked up in these listings and in the manifest's file list, so no path is ever built from a request.
 */
final class PackageShelf {

    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");
    private static final Pattern SUPERSEDED = Pattern.compile("\\d{4}-\\d{2}-[0-9a-f]{12}");
    static final String SUPERSEDED_DIR = "superseded";
    static final String MANIFEST = "manifest.json";
    static final String CSV_ZIP = "csv.zip";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One issue of a month's package. */
    record Issue(String id, String period, boolean current, Path dir, JsonNode manifest, String manifestSha256) {

        List<String> files() {
            List<String> files = new ArrayList<>();
            for (JsonNode o : manifest.path("outputs")) files.add(o.path("file").asText());
            return files;
        }

        String sha256Of(String file) {
            for (JsonNode o : manifest.path("outputs")) if (o.path("file").asText().equals(file)) return o.path("sha256").asText();
            return null;
        }
    }

    private final Path reportsDir;
    private final Map<String, ChainStatus> verified = new ConcurrentHashMap<>();

    PackageShelf(Path reportsDir) {
        this.reportsDir = reportsDir;
    }

    /** The current issue of every month, newest first. */
    List<Issue> current() {
        return list(reportsDir, MONTH, true);
    }

    /** Every earlier issue of one month, newest first (by the manifest file's time). */
    List<Issue> earlier(String period) {
        return list(reportsDir.resolve(SUPERSEDED_DIR), SUPERSEDED, false).stream()
                .filter(i -> i.period().equals(period)).toList();
    }

    /** The issue a request names, if it is one of those listed. */
    Optional<Issue> issue(String id) {
        if (id == null) return Optional.empty();
        if (MONTH.matcher(id).matches()) return current().stream().filter(i -> i.id().equals(id)).findFirst();
        if (SUPERSEDED.matcher(id).matches()) return earlier(id.substring(0, 7)).stream().filter(i -> i.id().equals(id)).findFirst();
        return Optional.empty();
    }

    /**
     * The file a request names, if the manifest lists it (or it is the manifest itself): the path joins the
     * package folder and the manifest's own entry, never the request's text.
     */
    Optional<Path> file(Issue issue, String name) {
        if (MANIFEST.equals(name)) return Optional.of(issue.dir().resolve(MANIFEST));
        return issue.files().stream().filter(f -> f.equals(name)).findFirst().map(f -> issue.dir().resolve(f));
    }

    /**
     * The chain status by {@code verify}'s code, cached per manifest digest and the listed files' sizes and times:
     * a file changed on disk is verified again.
     */
    ChainStatus chain(Issue issue) {
        String key = issue.manifestSha256() + fingerprint(issue);
        return verified.computeIfAbsent(key, k -> {
            try {
                return new ChainStatus(PackageVerifier.verify(issue.dir()));
            } catch (IOException e) {
                return new ChainStatus(List.of(issue.dir() + ": " + e.getMessage()));
            }
        });
    }

    private static String fingerprint(Issue issue) {
        StringBuilder b = new StringBuilder();
        for (String f : issue.files()) {
            Path p = issue.dir().resolve(f);
            try {
                b.append('|').append(Files.size(p)).append('@').append(Files.getLastModifiedTime(p).toMillis());
            } catch (IOException e) {
                b.append("|missing");
            }
        }
        return b.toString();
    }

    private static List<Issue> list(Path dir, Pattern names, boolean current) {
        if (!Files.isDirectory(dir)) return List.of();
        List<Issue> issues = new ArrayList<>();
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path p : entries.sorted(Comparator.reverseOrder()).toList()) {
                String name = p.getFileName().toString();
                if (!names.matcher(name).matches() || !Files.isRegularFile(p.resolve(MANIFEST))) continue;
                JsonNode manifest;
                try {
                    manifest = JSON.readTree(p.resolve(MANIFEST).toFile());
                } catch (IOException e) {
                    manifest = JSON.createObjectNode(); // shown red by the verification, which names the manifest
                }
                issues.add(new Issue(name, name.substring(0, 7), current, p, manifest, PackageVerifier.sha256(p.resolve(MANIFEST))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
        if (!current) issues.sort(Comparator.comparing((Issue i) -> modified(i.dir().resolve(MANIFEST))).reversed());
        return issues;
    }

    private static long modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }
}
