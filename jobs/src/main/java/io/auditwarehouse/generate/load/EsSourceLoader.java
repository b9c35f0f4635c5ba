package io.auditwarehouse.generate.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.auditwarehouse.config.AppConfig;
import io.auditwarehouse.config.ConfigException;
import io.auditwarehouse.sources.SourceUnavailableException;
import io.auditwarehouse.elasticsearch.EsConnection;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.stream.Stream;

/**
 * Loads generated builds.ndjson and audit/*.ndjson into Elasticsearch in the plugins' formats. Lines that are not
 * JSON cannot be stored in Elasticsearch and are skipped; every other line keeps the id the files source gives it
 * (`_id`, or `file@byteOffset`), so both sources yield the same lineage.
 */
public final class EsSourceLoader {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BULK_LINES = 5_000;

    private EsSourceLoader() {
    }

    public static String load(AppConfig config, Path generated, YearMonth month) throws IOException {
        if (!config.servers().evidenceFromElasticsearch()) throw new ConfigException("elasticsearch.url", "is required for generate --to es");
        EsConnection es = new EsConnection(config.servers());
        String buildsIndex = config.servers().buildsIndex().replace("*", String.format("%d.%02d", month.getYear(), month.getMonthValue()));
        long loaded = 0;
        long skipped = 0;
        createIndex(es, buildsIndex, "/schemas/source/jenkins-builds.mapping.json");
        long[] counts = bulk(es, buildsIndex, generated, generated.resolve("builds.ndjson"));
        loaded += counts[0];
        skipped += counts[1];
        List<Path> auditFiles;
        try (Stream<Path> files = Files.list(generated.resolve("audit"))) {
            auditFiles = files.filter(p -> p.toString().endsWith(".ndjson")).sorted().toList();
        }
        for (Path f : auditFiles) {
            String controller = f.getFileName().toString().replaceFirst("\\.ndjson$", "");
            String index = config.servers().auditIndex().replace("*", controller);
            createIndex(es, index, "/schemas/source/jenkins-audit.mapping.json");
            counts = bulk(es, index, generated, f);
            loaded += counts[0];
            skipped += counts[1];
        }
        call(es, "POST", "/" + config.servers().buildsIndex() + "," + config.servers().auditIndex() + "/_refresh", null);
        return String.format("%,d documents loaded into %s (%s, %d audit indices); %,d lines that are not JSON skipped",
                loaded, es.where(), buildsIndex, auditFiles.size(), skipped);
    }

    private static void createIndex(EsConnection es, String index, String mappingResource) throws IOException {
        call(es, "DELETE", "/" + index, null);
        try (InputStream in = EsSourceLoader.class.getResourceAsStream(mappingResource)) {
            EsConnection.Response r = call(es, "PUT", "/" + index, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            if (r.status() != 200) throw new SourceUnavailableException("elasticsearch", "creating " + index + " answered " + r.status() + ": " + r.body());
        }
    }

    /** @return {loaded, skipped} */
    private static long[] bulk(EsConnection es, String index, Path root, Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        String name = root.relativize(file).toString();
        StringBuilder body = new StringBuilder();
        long loaded = 0;
        long skipped = 0;
        int lines = 0;
        int start = 0;
        for (int i = 0; i <= bytes.length; i++) {
            if (i < bytes.length && bytes[i] != '\n') continue;
            String line = new String(bytes, start, i - start, StandardCharsets.UTF_8);
            long offset = start;
            start = i + 1;
            if (line.isBlank()) continue;
            JsonNode doc;
            try {
                doc = JSON.readTree(line);
            } catch (IOException e) {
                skipped++;
                continue;
            }
            String id = name + "@" + offset;
            if (doc.has("_source") && doc.get("_source").isObject()) {
                if (doc.hasNonNull("_id")) id = doc.get("_id").asText();
                doc = doc.get("_source");
            }
            ObjectNode action = JSON.createObjectNode();
            action.putObject("index").put("_index", index).put("_id", id);
            body.append(action).append('\n').append(doc).append('\n');
            loaded++;
            if (++lines == BULK_LINES) {
                send(es, body);
                lines = 0;
            }
        }
        if (lines > 0) send(es, body);
        return new long[]{loaded, skipped};
    }

    private static void send(EsConnection es, StringBuilder body) {
        EsConnection.Response r = call(es, "POST", "/_bulk", body.toString());
        body.setLength(0);
        if (r.status() != 200 || r.body().contains("\"errors\":true")) {
            throw new SourceUnavailableException("elasticsearch", "bulk load answered " + r.status() + ": "
                    + r.body().substring(0, Math.min(300, r.body().length())));
        }
    }

    private static EsConnection.Response call(EsConnection es, String method, String path, String body) {
        try {
            return es.request(method, path, body);
        } catch (IOException e) {
            throw new SourceUnavailableException("elasticsearch", "cannot reach " + es.where() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SourceUnavailableException("elasticsearch", "interrupted", e);
        }
    }
}
