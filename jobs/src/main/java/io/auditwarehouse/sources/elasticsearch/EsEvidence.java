package io.auditwarehouse.sources.elasticsearch;

import io.auditwarehouse.elasticsearch.EsConnection;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.auditwarehouse.config.AppConfig;
import io.auditwarehouse.config.ConfigKey;
import io.auditwarehouse.config.ServerSettings;
import io.auditwarehouse.errors.ErrorMessages;
import io.auditwarehouse.model.Decoded;
import io.auditwarehouse.sources.EvidenceData;
import io.auditwarehouse.sources.RefusalKeys;
import io.auditwarehouse.sources.Retry;
import io.auditwarehouse.sources.SourceFault;
import io.auditwarehouse.sources.SourceHttpStatusException;
import io.auditwarehouse.sources.SourceRefusedException;
import io.auditwarehouse.sources.SourceUnavailableException;
import io.auditwarehouse.sources.jenkins.AuditTrailDecoder;
import io.auditwarehouse.sources.jenkins.ControllerIds;
import io.auditwarehouse.sources.jenkins.LogstashBuildDecoder;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.sql.SparkSession;
import org.elasticsearch.spark.rdd.api.java.JavaEsSpark;
import scala.Tuple2;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Build records and audit trail from Elasticsearch (inputs.md §3–4) with Elasticsearch-Hadoop: sliced parallel
 * reads, only the fields the decoders use, and the time range pushed down when {@code @timestamp} is mapped as a
 * date (as text or keyword it is filtered after decoding instead).
 */
public final class EsEvidence {

    static final String BUILD_FIELDS = "data.fullProjectName,data.projectName,data.url,data.buildNum,data.id,data.result,"
            + "data.buildDuration,data.buildHost,data.buildVariables,source_host,@buildTimestamp,@timestamp";
    static final String AUDIT_FIELDS = "message,@timestamp";
    private static final ObjectMapper JSON = new ObjectMapper();

    private EsEvidence() {
    }

    public static EvidenceData load(SparkSession spark, AppConfig config, List<LocalDate> dates) {
        ServerSettings s = config.servers();
        EsConnection es = new EsConnection(s);
        RefusalKeys keys = RefusalKeys.elasticsearch(s);
        LocalDate first = Collections.min(dates);
        LocalDate last = Collections.max(dates);
        // context the rules look back on (gaps, approval ranks) and forward to (completions, late reports)
        Instant from = first.atStartOfDay(config.businessZone()).toInstant().minus(config.rules().gapLookback()).minus(Duration.ofDays(1));
        Instant to = last.plusDays(1).atStartOfDay(config.businessZone()).toInstant()
                .plus(config.rules().incompleteAfter()).plus(config.rules().failureReportSla()).plus(Duration.ofDays(1));
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        ControllerIds ids = ControllerIds.of(config.controllers());
        LogstashBuildDecoder buildDecoder = new LogstashBuildDecoder(ids, config.approvalParam());
        AuditTrailDecoder auditDecoder = new AuditTrailDecoder(config.approvalParam());

        List<String> buildIndices = indices(es, keys, s.buildsIndex());
        List<String> auditIndices = indices(es, keys, s.auditIndex());
        if (buildIndices.isEmpty() && auditIndices.isEmpty()) {
            // a missing index is not transient: it stays missing until the pattern or the shipping is fixed
            throw new SourceRefusedException("elasticsearch", SourceFault.Kind.NO_SUCH_TABLE, "no index matches "
                    + s.buildsIndex() + " or " + s.auditIndex() + " on " + es.where() + " (not retried); check "
                    + ConfigKey.BUILDS_INDEX.key() + " and " + ConfigKey.AUDIT_INDEX.key(), null);
        }
        List<String> described = new ArrayList<>();
        JavaRDD<Decoded> decoded = jsc.emptyRDD();
        if (!buildIndices.isEmpty()) {
            boolean pushDown = timestampIsDate(es, keys, s.buildsIndex());
            decoded = decoded.union(read(jsc, es, s.buildsIndex(), BUILD_FIELDS, from, to, pushDown,
                    t -> buildDecoder.decode(t._2(), t._1())));
            described.add(es.where() + " " + s.buildsIndex() + " (" + buildIndices.size() + " indices, "
                    + (pushDown ? "time range pushed down" : "time filtered after reading") + ")");
        }
        for (String index : auditIndices) {
            String controller = AuditIndexes.controllerOf(index, s.auditIndex(), config.controllers());
            boolean pushDown = timestampIsDate(es, keys, index);
            decoded = decoded.union(read(jsc, es, index, AUDIT_FIELDS, from, to, pushDown,
                    t -> auditDecoder.decode(t._2(), t._1(), controller)));
            described.add(es.where() + " " + index + " (controller " + controller + ")");
        }
        return new EvidenceData(decoded, !buildIndices.isEmpty(), !auditIndices.isEmpty(), described);
    }

    private static JavaRDD<Decoded> read(JavaSparkContext jsc, EsConnection es, String index, String fields, Instant from,
                                         Instant to, boolean pushDown, Function<Tuple2<String, String>, Decoded> decode) {
        Map<String, String> cfg = new HashMap<>(es.hadoopSettings());
        cfg.put("es.read.source.filter", fields);
        cfg.put("es.scroll.size", "2000");
        // sliced scrolls: several Spark partitions per shard on large indices
        cfg.put("es.input.max.docs.per.partition", "100000");
        cfg.put("es.index.read.missing.as.empty", "true");
        String query = pushDown
                ? "{\"query\":{\"range\":{\"@timestamp\":{\"gte\":\"" + from + "\",\"lt\":\"" + to + "\",\"format\":\"strict_date_optional_time\"}}}}"
                : "{\"query\":{\"match_all\":{}}}";
        long fromMs = from.toEpochMilli();
        long toMs = to.toEpochMilli();
        cfg.put("es.resource.read", index);
        cfg.put("es.query", query);
        return JavaEsSpark.esJsonRDD(jsc, cfg).map(decode)
                .filter(d -> d.quarantine() != null
                        || (d.event() != null && d.event().timestamp().toEpochMilli() >= fromMs && d.event().timestamp().toEpochMilli() < toMs));
    }

    private static List<String> indices(EsConnection es, RefusalKeys keys, String pattern) {
        return Retry.reading("elasticsearch", es.where() + " " + pattern, keys, () -> {
            EsConnection.Response r = call(es, "GET", "/_cat/indices/" + pattern + "?h=index&format=json&expand_wildcards=open");
            if (r.status() == 404) return List.<String>of();
            if (r.status() != 200) throw new SourceHttpStatusException("GET _cat/indices/" + pattern, r.status(), r.body());
            List<String> names = new ArrayList<>();
            for (JsonNode n : parse(r.body())) names.add(n.path("index").asText());
            Collections.sort(names);
            return names;
        });
    }

    /** True when every index of the pattern maps @timestamp as a date, so a range query finds every document. */
    private static boolean timestampIsDate(EsConnection es, RefusalKeys keys, String pattern) {
        EsConnection.Response r = Retry.reading("elasticsearch", es.where() + " " + pattern, keys,
                () -> statusChecked(call(es, "GET", "/" + pattern + "/_mapping/field/@timestamp"), "GET " + pattern + "/_mapping"));
        if (r.status() != 200) return false;
        JsonNode root = parse(r.body());
        if (root.isEmpty()) return false;
        for (Iterator<JsonNode> it = root.elements(); it.hasNext(); ) {
            String type = it.next().path("mappings").path("@timestamp").path("mapping").path("@timestamp").path("type").asText();
            if (!"date".equals(type) && !"date_nanos".equals(type)) return false;
        }
        return true;
    }

    /** A status that tells (401, 403, 429, 5xx) becomes an exception {@link Retry} classifies; others are the caller's. */
    private static EsConnection.Response statusChecked(EsConnection.Response r, String request) {
        if (r.status() == 401 || r.status() == 403 || r.status() == 408 || r.status() == 429 || r.status() >= 500) {
            throw new SourceHttpStatusException(request, r.status());
        }
        return r;
    }

    private static EsConnection.Response call(EsConnection es, String method, String path) {
        try {
            return es.request(method, path, null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach " + es.where() + ": " + ErrorMessages.firstLine(e), e); // Retry backs off and retries
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SourceUnavailableException("elasticsearch", "interrupted while reading " + es.where(), e);
        }
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException("unreadable answer from Elasticsearch: " + e.getMessage());
        }
    }
}
