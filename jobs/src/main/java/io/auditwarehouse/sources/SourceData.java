package io.auditwarehouse.sources;

import io.auditwarehouse.model.Approval;
import io.auditwarehouse.model.Decoded;
import io.auditwarehouse.model.QuarantineRecord;
import io.auditwarehouse.model.SourceEvent;
import io.auditwarehouse.model.UserDirectory;
import org.apache.spark.api.java.JavaRDD;

import java.util.List;

/**
 * Everything read from the sources for one batch, whatever they are (files, MySQL, Elasticsearch).
 *
 * @param decoded     build records and audit-trail lines, decoded (lazy: read when first used), or quarantined
 * @param rejectedApprovals approval and user rows that could not be read
 * @param approvals   the approval records (small enough for the driver)
 * @param users       the users directory, {@link UserDirectory#absent()} when no users relation is configured
 * @param buildsConfigured build records are configured; {@code auditConfigured} likewise the audit trail
 */
public record SourceData(JavaRDD<Decoded> decoded, List<QuarantineRecord> rejectedApprovals, List<Approval> approvals,
                         UserDirectory users, long usersRead, boolean buildsConfigured, boolean auditConfigured,
                         List<String> description, List<JavaRDD<?>> cached) {

    /** The build records and audit-trail lines that could be decoded. */
    public JavaRDD<SourceEvent> events() {
        return decoded.filter(d -> d.event() != null).map(Decoded::event);
    }

    /** Releases whatever the reader kept in memory. */
    public void release() {
        cached.forEach(rdd -> rdd.unpersist(true));
    }
}
