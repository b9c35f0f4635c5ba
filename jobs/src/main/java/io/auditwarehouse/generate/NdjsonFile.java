package io.auditwarehouse.generate;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * Documents of one NDJSON file in {@code @timestamp} order, some wrapped as Elasticsearch hits, a few sent twice
 * (Logstash is at-least-once), and a few malformed copies planted right after the document they were made from.
 */
final class NdjsonFile {

    static final String BAD_JSON = "bad_json";
    private static final String ID_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    private record Entry(Instant timestamp, int order, ObjectNode doc, String index, boolean spoilable) {
    }

    private final List<Entry> entries = new ArrayList<>();

    /** @param spoilable a reader must understand this document (so a spoilt copy of it must be quarantined) */
    void add(Instant timestamp, ObjectNode doc, String index, boolean spoilable) {
        entries.add(new Entry(timestamp, entries.size(), doc, index, spoilable));
    }

    /**
     * @param malformers for every malformed kind but {@link #BAD_JSON}: how to spoil a copy of a document
     */
    FileStats write(Path file, Random rng, int wrapPercent, int duplicatePerMille,
                    Map<String, UnaryOperator<ObjectNode>> malformers, int perKind) throws IOException {
        entries.sort(Comparator.comparing(Entry::timestamp).thenComparingInt(Entry::order));
        List<Integer> hosts = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) if (entries.get(i).spoilable) hosts.add(i);
        Map<Integer, List<String>> spoilAt = new TreeMap<>();
        List<String> kinds = new ArrayList<>();
        kinds.add(BAD_JSON);
        kinds.addAll(malformers.keySet());
        Map<String, Integer> malformed = new LinkedHashMap<>();
        for (String kind : kinds) {
            malformed.put(kind, 0);
            for (int i = 0; i < perKind && !hosts.isEmpty(); i++) {
                spoilAt.computeIfAbsent(hosts.get(rng.nextInt(hosts.size())), k -> new ArrayList<>()).add(kind);
            }
        }
        int lines = 0;
        int duplicates = 0;
        Files.createDirectories(file.getParent());
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < entries.size(); i++) {
                Entry e = entries.get(i);
                String line = Json.line(rng.nextInt(100) < wrapPercent ? hit(e.doc, e.index, rng) : e.doc);
                out.write(line);
                out.write('\n');
                lines++;
                if (rng.nextInt(1000) < duplicatePerMille) {
                    out.write(line);
                    out.write('\n');
                    lines++;
                    duplicates++;
                }
                for (String kind : spoilAt.getOrDefault(i, List.of())) {
                    String bad = kind.equals(BAD_JSON)
                            ? line.substring(0, line.length() * (40 + rng.nextInt(30)) / 100)
                            : Json.line(malformers.get(kind).apply(e.doc.deepCopy()));
                    out.write(bad);
                    out.write('\n');
                    lines++;
                    malformed.merge(kind, 1, Integer::sum);
                }
            }
        }
        int bad = malformed.values().stream().mapToInt(Integer::intValue).sum();
        return new FileStats(lines, lines - bad, duplicates, malformed);
    }

    private static ObjectNode hit(ObjectNode doc, String index, Random rng) {
        ObjectNode hit = Json.MAPPER.createObjectNode();
        StringBuilder id = new StringBuilder();
        for (int i = 0; i < 20; i++) id.append(ID_CHARS.charAt(rng.nextInt(ID_CHARS.length())));
        hit.put("_id", id.toString());
        hit.put("_index", index);
        hit.set("_source", doc);
        return hit;
    }
}
