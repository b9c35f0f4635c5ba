package io.auditwarehouse.sinks.kibana;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.auditwarehouse.config.ServerSettings;
import io.auditwarehouse.model.FindingStatus;
import io.auditwarehouse.errors.Checkpoints;
import io.auditwarehouse.sinks.kibana.KibanaDocuments.Document;
import io.auditwarehouse.sources.Backoff;
import org.apache.spark.sql.Row;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The Kibana-ready indices in Elasticsearch: installs the index templates, bulk-indexes the batch's documents under
 * their natural ids, then deletes what earlier batches left for the same business dates.
 */
public final class ElasticsearchKibanaIndexes implements KibanaIndexes {

    static final int BULK_DOCUMENTS = 2_000;
    private static final int TOO_MANY_REQUESTS = 429;
    /** Rejected documents are sent again for at most about 30 s: a busy node, not a dead one (that fails at once). */
    private static final Backoff REJECTED = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(4), Duration.ofSeconds(30));
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ElasticsearchHttp es;
    private final KibanaTemplates templates;

    public ElasticsearchKibanaIndexes(ServerSettings settings, KibanaTemplates templates) {
        this.es = new ElasticsearchHttp(settings);
        this.templates = templates;
    }

    @Override
    public Published publish(String batchId, List<Row> runs, List<Row> findings, Collection<LocalDate> dates,
                             Map<String, FindingStatus> statuses) {
        installTemplates();
        long runCount = index(KibanaIndexes.runDocuments(runs, templates.prefix()));
        Checkpoints.reach(Checkpoints.MID_INDEX_PUBLISH); // test-only fault injection, a no-op otherwise
        long findingCount = index(KibanaIndexes.findingDocuments(findings, templates.prefix(), statuses));
        deleteStale(KibanaDocuments.RUNS, batchId, dates);
        deleteStale(KibanaDocuments.FINDINGS, batchId, dates);
        return new Published(runCount, findingCount);
    }

    @Override
    public String location() {
        return es.url() + " (" + templates.prefix() + "-*)";
    }

    /** Partial updates of the findings' documents; one absent (never published to this cluster) is skipped, not an error. */
    @Override
    public long updateDispositions(Map<LocalDate, List<FindingStatus>> byDate) {
        List<String> actions = new ArrayList<>();
        byDate.forEach((date, statuses) -> {
            for (FindingStatus s : statuses) {
                ObjectNode action = JSON.createObjectNode();
                action.putObject("update").put("_index", KibanaDocuments.indexName(templates.prefix(), KibanaDocuments.FINDINGS, date))
                        .put("_id", s.findingId());
                actions.add(action + "\n{\"doc\":" + KibanaDocuments.dispositionDocument(s) + "}\n");
            }
        });
        if (actions.isEmpty()) return 0;
        JsonNode answer = es.send("POST", "/_bulk?refresh=wait_for", String.join("", actions));
        long updated = 0;
        for (JsonNode item : answer.path("items")) {
            JsonNode result = item.path("update");
            if (!result.has("error")) updated++;
            else if (result.path("status").asInt() != 404) {
                throw ElasticsearchHttp.failed("Elasticsearch at " + es.url() + " refused to update " + result.path("_index").asText() + "/"
                        + result.path("_id").asText() + ": " + ElasticsearchHttp.errorText(result.path("error")), null);
            }
        }
        return updated;
    }

    public void installTemplates() {
        for (String kind : new String[]{KibanaDocuments.RUNS, KibanaDocuments.FINDINGS}) {
            es.send("PUT", "/_index_template/" + templates.templateName(kind), templates.indexTemplate(kind));
        }
    }

    private long index(Iterator<Document> documents) {
        long count = 0;
        List<String> actions = new ArrayList<>();
        while (documents.hasNext()) {
            actions.add(documents.next().bulkLines());
            count++;
            if (actions.size() == BULK_DOCUMENTS) {
                bulk(actions);
                actions = new ArrayList<>();
            }
        }
        if (!actions.isEmpty()) bulk(actions);
        return count;
    }

    /**
     * One {@code _bulk} request of the given actions (each its own lines). A full write queue answers 429, for the whole
     * request or for the actions of some shards: only those are sent again, with backoff, within {@link #REJECTED}'s
     * budget (a document indexed under its own id twice is still one document). Any other failed action fails the
     * publish at once.
     */
    private void bulk(List<String> actions) {
        List<String> pending = actions;
        long start = System.nanoTime();
        for (int retry = 1; ; retry++) {
            ElasticsearchHttp.Answer answer = es.exchange("POST", "/_bulk", String.join("", pending));
            List<String> rejected = answer.status() == TOO_MANY_REQUESTS ? pending
                    : rejectedActions(es.check("POST", "/_bulk", answer), pending);
            if (rejected.isEmpty()) return;
            Duration wait = REJECTED.delay(retry, ThreadLocalRandom.current().nextDouble());
            if (!REJECTED.allows(Duration.ofNanos(System.nanoTime() - start), wait)) {
                throw ElasticsearchHttp.failed("Elasticsearch at " + es.url() + " still rejected " + rejected.size() + " of "
                        + actions.size() + " documents (429, its write queue is full) after " + retry + " attempts", null);
            }
            pending = rejected;
            try {
                Thread.sleep(wait.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw ElasticsearchHttp.failed("interrupted while waiting to send rejected documents again", e);
            }
        }
    }

    /** The actions answered 429; fails on any other error, naming the first. */
    private List<String> rejectedActions(JsonNode answer, List<String> sent) {
        if (!answer.path("errors").asBoolean(false)) return List.of();
        List<String> rejected = new ArrayList<>();
        int failed = 0;
        String first = null;
        int i = 0;
        for (JsonNode item : answer.path("items")) {
            JsonNode result = item.elements().next();
            if (result.has("error")) {
                if (result.path("status").asInt() == TOO_MANY_REQUESTS) {
                    rejected.add(sent.get(i));
                } else {
                    failed++;
                    if (first == null) {
                        first = result.path("_index").asText() + "/" + result.path("_id").asText() + ": "
                                + ElasticsearchHttp.errorText(result.path("error"));
                    }
                }
            }
            i++;
        }
        if (failed > 0) {
            throw ElasticsearchHttp.failed("bulk request at " + es.url() + " rejected " + failed + " of " + sent.size()
                    + " documents, first " + first, null);
        }
        return rejected;
    }

    /**
     * Documents of the published dates that this batch did not write are left over from earlier batches. Searched and
     * bulk-deleted rather than {@code _delete_by_query}, which needs the reindex module that minimal distributions lack.
     */
    private void deleteStale(String kind, String batchId, Collection<LocalDate> dates) {
        String indices = "/" + templates.prefix() + "-" + kind + "-*";
        String query = staleQuery(batchId, dates);
        while (true) {
            // earlier versions of overwritten documents must no longer be searchable, or they would be deleted
            es.send("POST", indices + "/_refresh", null);
            JsonNode hits = es.send("POST", indices + "/_search", query).path("hits").path("hits");
            if (hits.isEmpty()) return;
            List<String> deletes = new ArrayList<>();
            for (JsonNode hit : hits) {
                ObjectNode action = JSON.createObjectNode();
                action.putObject("delete").put("_index", hit.path("_index").asText()).put("_id", hit.path("_id").asText());
                deletes.add(action + "\n");
            }
            bulk(deletes);
        }
    }

    private static String staleQuery(String batchId, Collection<LocalDate> dates) {
        ObjectNode search = JSON.createObjectNode().put("size", BULK_DOCUMENTS).put("_source", false);
        ObjectNode bool = search.putObject("query").putObject("bool");
        var terms = bool.putArray("filter").addObject().putObject("terms").putArray("business_date");
        dates.forEach(d -> terms.add(d.toString()));
        bool.putArray("must_not").addObject().putObject("term").put("batch_id", batchId);
        return search.toString();
    }
}
