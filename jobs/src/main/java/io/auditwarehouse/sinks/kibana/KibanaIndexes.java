package io.auditwarehouse.sinks.kibana;

import io.auditwarehouse.config.AppConfig;
import io.auditwarehouse.config.ServerSettings;
import io.auditwarehouse.model.FindingStatus;
import io.auditwarehouse.sinks.kibana.KibanaDocuments.Document;
import org.apache.spark.sql.Row;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The Kibana-ready indexes of outputs.md §2, published after the warehouse: bulk-API NDJSON files under
 * {@code <out>/kibana} in the embedded default, or the indices themselves when {@code elasticsearch.url} is set.
 * Publishing dates replaces their documents: a re-run neither duplicates nor leaves stale ones.
 */
public interface KibanaIndexes {

    /** Documents written per kind. */
    record Published(long runs, long findings) {
    }

    /**
     * @param runs     recon_run rows of this batch (columns of {@code WarehouseTables.RUN_SCHEMA}), in any order
     * @param findings recon_finding rows of this batch (columns of {@code WarehouseTables.FINDING_SCHEMA})
     * @param dates    the business dates the batch publishes, including those left without rows
     */
    default Published publish(String batchId, List<Row> runs, List<Row> findings, Collection<LocalDate> dates) {
        return publish(batchId, runs, findings, dates, Map.of());
    }

    /** @param statuses the current disposition of findings by id (a finding not in it is OPEN) */
    Published publish(String batchId, List<Row> runs, List<Row> findings, Collection<LocalDate> dates, Map<String, FindingStatus> statuses);

    /**
     * After reviews were recorded: sets the disposition fields of the findings' documents (by business date, which
     * names their index), leaving every other field as published. A finding without a document is skipped.
     *
     * @return documents updated
     */
    long updateDispositions(Map<LocalDate, List<FindingStatus>> byDate);

    /** Where the documents go, for progress lines (a folder, or a URL without credentials). */
    String location();

    static KibanaIndexes forConfig(AppConfig config) {
        ServerSettings servers = config.servers();
        KibanaTemplates templates = new KibanaTemplates(servers.kibanaIndexPrefix());
        return servers.esUrl().isEmpty() ? new KibanaBulkFiles(config.outputDir().resolve("kibana"), templates)
                : new ElasticsearchKibanaIndexes(servers, templates);
    }

    /** Run documents in a stable order: business date, then the natural key. */
    static Iterator<Document> runDocuments(List<Row> runs, String prefix) {
        return DocumentOrder.RUNS.sorted(runs).stream().map(r -> KibanaDocuments.run(r, prefix)).iterator();
    }

    static Iterator<Document> findingDocuments(List<Row> findings, String prefix, Map<String, FindingStatus> statuses) {
        int id = io.auditwarehouse.sinks.WarehouseTables.FINDING_SCHEMA.fieldIndex("finding_id");
        return DocumentOrder.FINDINGS.sorted(findings).stream()
                .map(r -> KibanaDocuments.finding(r, prefix, statuses.get(r.getString(id)))).iterator();
    }
}
