package io.auditwarehouse.job;

import io.auditwarehouse.errors.Checkpoints;
import io.auditwarehouse.model.BuildDocument;
import io.auditwarehouse.model.Decoded;
import io.auditwarehouse.model.QuarantineRecord;
import io.auditwarehouse.model.SourceEvent;
import org.apache.spark.api.java.JavaRDD;

import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What reading the evidence gave, counted in the one pass that also decodes and caches it: documents per source,
 * the latest timestamp among them (recon_batch.source_watermark), and the documents quarantined, in input order.
 */
final class SourceTally implements Serializable {

    private long builds;
    private long audit;
    private long latest = Long.MIN_VALUE;
    private final List<QuarantineRecord> rejected = new ArrayList<>();

    /** One Spark job; partitions are merged in their order, so the quarantine keeps the input's order. */
    static SourceTally of(JavaRDD<Decoded> decoded) {
        SourceTally total = new SourceTally();
        for (SourceTally part : decoded.mapPartitions(SourceTally::ofPartition).collect()) total.add(part);
        return total;
    }

    private static Iterator<SourceTally> ofPartition(Iterator<Decoded> documents) {
        SourceTally t = new SourceTally();
        boolean first = true;
        while (documents.hasNext()) {
            Decoded d = documents.next();
            if (first) Checkpoints.reach(Checkpoints.READING_SOURCES); // test-only fault injection, a no-op otherwise
            first = false;
            if (d.quarantine() != null) t.rejected.add(d.quarantine());
            SourceEvent e = d.event();
            if (e == null) continue;
            if (e instanceof BuildDocument) t.builds++;
            else t.audit++;
            if (e.timestamp() != null) t.latest = Math.max(t.latest, e.timestamp().toEpochMilli());
        }
        return List.of(t).iterator();
    }

    private void add(SourceTally o) {
        builds += o.builds;
        audit += o.audit;
        latest = Math.max(latest, o.latest);
        rejected.addAll(o.rejected);
    }

    /** Documents per source that read any ("builds", "audit"), as the ledger and the progress line name them. */
    Map<String, Long> read() {
        Map<String, Long> read = new TreeMap<>();
        if (builds > 0) read.put("builds", builds);
        if (audit > 0) read.put("audit", audit);
        return read;
    }

    Instant watermark() {
        return latest == Long.MIN_VALUE ? null : Instant.ofEpochMilli(latest);
    }

    List<QuarantineRecord> rejected() {
        return rejected;
    }
}
