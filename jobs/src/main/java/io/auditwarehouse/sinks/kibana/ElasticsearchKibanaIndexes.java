package io.auditwarehouse.sinks.kibana;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.auditwarehouse.config.ServerSettings;
import io.auditwarehouse.errors.Checkpoints;
import io.auditwarehouse.sinks.kibana.KibanaDocuments.Document;
import org.apache.spark.sql.Row;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;

/**
 * The Kibana-ready indices in Elasticsearch: installs the index templates, bulk-indexes the batch's documents under
 * their natural ids, then deletes what earlier batches left for the same business dates.
 */
public final class ElasticsearchKibanaIndexes implements KibanaIndexes {

    static final int BULK_DOCUMENTS = 2_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ElasticsearchHttp es;
    private final KibanaTemplates templates;

    public ElasticsearchKibanaIndexes(ServerSettings settings, KibanaTemplates templates) {
        this.es = new ElasticsearchHttp(settings);
        this.templates = templates;
    }

    @Override
    public Published publish(String batchId, List<Row> runs, List<Row> findings, Collection<LocalDate> dates) {
        installTemplates();
        long runCount = index(KibanaIndexes.runDocuments(runs, templates.prefix()));
        Checkpoints.reach(Checkpoints.MID_INDEX_PUBLISH); // test-only fault injection, a no-op otherwise
        long findingCount = index(KibanaIndexes.findingDocuments(findings, templates.prefix()));
        deleteStale(KibanaDocuments.RUNS, batchId, dates);
        deleteStale(KibanaDocuments.FINDINGS, batchId, dates);
        return new Published(runCount, findingCount);
    }

    @Override
    public String location() {
        return es.url() + " (" + templates.prefix() + "-*)";
    }

    public void installTemplates() {
        for (String kind : new String[]{KibanaDocuments.RUNS, KibanaDocuments.FINDINGS}) {
            es.send("PUT", "/_index_template/" + templates.templateName(kind), templates.indexTemplate(kind));
        }
    }

    private long index(Iterator<Document> documents) {
        long count = 0;
        StringBuilder body = new StringBuilder();
        int inBody = 0;
        while (documents.hasNext()) {
            body.append(documents.next().bulkLines());
            count++;
            if (++inBody == BULK_DOCUMENTS) {
                bulk(body.toString(), inBody);
                body.setLength(0);
                inBody = 0;
            }
        }
        if (inBody > 0) bulk(body.toString(), inBody);
        return count;
    }

    /** One {@code _bulk} request; any rejected action fails the publish. */
    private void bulk(String body, int documents) {
        JsonNode answer = es.send("POST", "/_bulk", body);
        if (!answer.path("errors").asBoolean(false)) return;
        int failed = 0;
        String first = null;
        for (JsonNode item : answer.path("items")) {
            JsonNode result = item.elements().next();
            if (result.has("error")) {
                failed++;
                if (first == null) {
                    first = result.path("_index").asText() + "/" + result.path("_id").asText() + ": "
                            + ElasticsearchHttp.errorText(result.path("error"));
                }
            }
        }
        throw ElasticsearchHttp.failed("bulk request at " + es.url() + " rejected " + failed + " of " + documents
                + " documents, first " + first, null);
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
            StringBuilder body = new StringBuilder();
            for (JsonNode hit : hits) {
                ObjectNode action = JSON.createObjectNode();
                action.putObject("delete").put("_index", hit.path("_index").asText()).put("_id", hit.path("_id").asText());
                body.append(action).append('\n');
            }
            bulk(body.toString(), hits.size());
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
