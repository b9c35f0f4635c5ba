package io.auditwarehouse.sinks.kibana;

import io.auditwarehouse.config.AppConfig;
import io.auditwarehouse.config.ServerSettings;
import io.auditwarehouse.sinks.kibana.KibanaDocuments.Document;
import io.auditwarehouse.sinks.WarehouseTables;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

import java.time.LocalDate;
import java.util.Collection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;

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
    Published publish(String batchId, List<Row> runs, List<Row> findings, Collection<LocalDate> dates);

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
        return sorted(runs, RUN_ORDER).stream().map(r -> KibanaDocuments.run(r, prefix)).iterator();
    }

    static Iterator<Document> findingDocuments(List<Row> findings, String prefix) {
        return sorted(findings, FINDING_ORDER).stream().map(r -> KibanaDocuments.finding(r, prefix)).iterator();
    }

    private static List<Row> sorted(List<Row> rows, Comparator<Row> order) {
        List<Row> copy = new ArrayList<>(rows);
        copy.sort(order);
        return copy;
    }

    Comparator<Row> RUN_ORDER = by(WarehouseTables.RUN_SCHEMA, "business_date", "controller", "job_name", "build_number");
    Comparator<Row> FINDING_ORDER = by(WarehouseTables.FINDING_SCHEMA, "business_date", "finding_id");

    /** Ascending on each column in turn, nulls first (as Spark's orderBy). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Comparator<Row> by(StructType schema, String... columns) {
        Comparator<Row> order = (a, b) -> 0;
        for (String column : columns) {
            int i = schema.fieldIndex(column);
            order = order.thenComparing(r -> (Comparable) r.get(i), Comparator.nullsFirst(Comparator.naturalOrder()));
        }
        return order;
    }
}
