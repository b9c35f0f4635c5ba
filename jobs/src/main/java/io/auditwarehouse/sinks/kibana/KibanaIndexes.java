package io.auditwarehouse.sinks.kibana;

import io.auditwarehouse.config.AppConfig;
import io.auditwarehouse.config.ServerSettings;
import io.auditwarehouse.sinks.kibana.KibanaDocuments.Document;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Iterator;

import static org.apache.spark.sql.functions.col;

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
     * @param runs     recon_run rows of this batch (columns of {@code WarehouseTables.RUN_SCHEMA})
     * @param findings recon_finding rows of this batch (columns of {@code WarehouseTables.FINDING_SCHEMA})
     * @param dates    the business dates the batch publishes, including those left without rows
     */
    Published publish(String batchId, Dataset<Row> runs, Dataset<Row> findings, Collection<LocalDate> dates);

    /** Where the documents go, for progress lines (a folder, or a URL without credentials). */
    String location();

    static KibanaIndexes forConfig(AppConfig config) {
        ServerSettings servers = config.servers();
        KibanaTemplates templates = new KibanaTemplates(servers.kibanaIndexPrefix());
        return servers.esUrl().isEmpty() ? new KibanaBulkFiles(config.outputDir().resolve("kibana"), templates)
                : new ElasticsearchKibanaIndexes(servers, templates);
    }

    /** Run documents in a stable order (business date, natural key), streamed partition by partition to the driver. */
    static Iterator<Document> runDocuments(Dataset<Row> runs, String prefix) {
        Iterator<Row> rows = runs.orderBy(col("business_date"), col("controller"), col("job_name"), col("build_number"))
                .toLocalIterator();
        return map(rows, r -> KibanaDocuments.run(r, prefix));
    }

    static Iterator<Document> findingDocuments(Dataset<Row> findings, String prefix) {
        Iterator<Row> rows = findings.orderBy(col("business_date"), col("finding_id")).toLocalIterator();
        return map(rows, r -> KibanaDocuments.finding(r, prefix));
    }

    private static Iterator<Document> map(Iterator<Row> rows, java.util.function.Function<Row, Document> f) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return rows.hasNext();
            }

            @Override
            public Document next() {
                return f.apply(rows.next());
            }
        };
    }
}
