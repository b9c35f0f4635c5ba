package io.auditwarehouse.sinks.kibana;

import io.auditwarehouse.errors.Checkpoints;
import io.auditwarehouse.model.FindingStatus;
import io.auditwarehouse.sinks.WriteFailedException;
import io.auditwarehouse.sinks.kibana.KibanaDocuments.Document;
import org.apache.spark.sql.Row;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The embedded default: bulk-API NDJSON, one file per index and business date
 * ({@code <out>/kibana/<prefix>-runs-2026.10/2026-10-01.ndjson}), each replaced whole, next to the index templates
 * and saved objects to install them with.
 */
public final class KibanaBulkFiles implements KibanaIndexes {

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    private final Path root;
    private final KibanaTemplates templates;

    public KibanaBulkFiles(Path root, KibanaTemplates templates) {
        this.root = root;
        this.templates = templates;
    }

    /** The file holding one index's documents of one business date. */
    public Path file(String kind, LocalDate date) {
        return root.resolve(KibanaDocuments.indexName(templates.prefix(), kind, date)).resolve(date + ".ndjson");
    }

    @Override
    public Published publish(String batchId, List<Row> runs, List<Row> findings, Collection<LocalDate> dates,
                             Map<String, FindingStatus> statuses) {
        try {
            Files.createDirectories(root);
            for (String kind : new String[]{KibanaDocuments.RUNS, KibanaDocuments.FINDINGS}) {
                replace(root.resolve("index-template-" + templates.templateName(kind) + ".json"), templates.indexTemplate(kind));
            }
            replace(root.resolve(KibanaTemplates.SAVED_OBJECTS), templates.savedObjects());
            long runCount = write(KibanaDocuments.RUNS, KibanaIndexes.runDocuments(runs, templates.prefix()), dates);
            Checkpoints.reach(Checkpoints.MID_INDEX_PUBLISH); // test-only fault injection, a no-op otherwise
            long findingCount = write(KibanaDocuments.FINDINGS, KibanaIndexes.findingDocuments(findings, templates.prefix(), statuses), dates);
            return new Published(runCount, findingCount);
        } catch (IOException e) {
            throw new WriteFailedException("Kibana bulk files: cannot write under " + root + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String location() {
        return root.toString();
    }

    /** Rewrites each date's findings file with the new disposition fields (the file replaced whole, as on publish). */
    @Override
    public long updateDispositions(Map<LocalDate, List<FindingStatus>> byDate) {
        long updated = 0;
        try {
            for (Map.Entry<LocalDate, List<FindingStatus>> e : byDate.entrySet()) {
                Path file = file(KibanaDocuments.FINDINGS, e.getKey());
                if (!Files.isRegularFile(file)) continue;
                Map<String, FindingStatus> byId = new java.util.HashMap<>();
                e.getValue().forEach(st -> byId.put(st.findingId(), st));
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                StringBuilder out = new StringBuilder();
                for (int i = 0; i + 1 < lines.size(); i += 2) {
                    String id = JSON.readTree(lines.get(i)).path("index").path("_id").asText();
                    String source = lines.get(i + 1);
                    FindingStatus st = byId.get(id);
                    if (st != null) {
                        var doc = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(source);
                        doc.setAll((com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(KibanaDocuments.dispositionDocument(st)));
                        source = JSON.writeValueAsString(doc);
                        updated++;
                    }
                    out.append(lines.get(i)).append('\n').append(source).append('\n');
                }
                replace(file, out.toString());
            }
        } catch (IOException e) {
            throw new WriteFailedException("Kibana bulk files: cannot update dispositions under " + root + ": " + e.getMessage(), e);
        }
        return updated;
    }

    /** Documents arrive sorted by business date: each date's file is written aside, then moved over the old one. */
    private long write(String kind, Iterator<Document> documents, Collection<LocalDate> dates) throws IOException {
        Set<LocalDate> empty = new TreeSet<>(dates);
        long count = 0;
        LocalDate current = null;
        BufferedWriter out = null;
        Path pending = null;
        try {
            while (documents.hasNext()) {
                Document d = documents.next();
                if (!d.businessDate().equals(current)) {
                    if (out != null) moveIn(out, pending, file(kind, current));
                    current = d.businessDate();
                    empty.remove(current);
                    Files.createDirectories(file(kind, current).getParent());
                    pending = file(kind, current).resolveSibling(current + ".ndjson.tmp");
                    out = Files.newBufferedWriter(pending, StandardCharsets.UTF_8);
                }
                out.write(d.bulkLines());
                count++;
            }
            if (out != null) moveIn(out, pending, file(kind, current));
        } finally {
            if (out != null) out.close();
            if (pending != null) Files.deleteIfExists(pending);
        }
        // a published date without documents ends up without a file
        for (LocalDate date : empty) Files.deleteIfExists(file(kind, date));
        return count;
    }

    private static void moveIn(BufferedWriter out, Path pending, Path target) throws IOException {
        out.close();
        Files.move(pending, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void replace(Path target, String content) throws IOException {
        Path pending = target.resolveSibling(target.getFileName() + ".tmp");
        Files.writeString(pending, content, StandardCharsets.UTF_8);
        Files.move(pending, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
