package io.auditwarehouse.cli;

import io.auditwarehouse.config.AppConfig;
import io.auditwarehouse.portal.FindingReviewer;
import io.auditwarehouse.review.ReviewRecorder;
import io.auditwarehouse.review.ReviewRequest;
import io.auditwarehouse.runtime.SparkSessions;
import io.auditwarehouse.runtime.Warehouses;
import io.auditwarehouse.sinks.kibana.KibanaIndexes;
import io.auditwarehouse.sources.configured.Sources;
import org.apache.spark.sql.SparkSession;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The portal's review form, recorded as {@code review} records it: the signed-in name is the reviewer, checked against
 * the sources' users (role, four eyes). The Spark session starts at the first review, not with the portal.
 */
public final class PortalReviews implements FindingReviewer {

    private final AppConfig config;

    public PortalReviews(AppConfig config) {
        this.config = config;
    }

    @Override
    public synchronized String review(String reviewer, String findingId, String disposition, String reference, String comment) {
        SparkSession spark = SparkSessions.getOrCreate(config.sparkMaster());
        var users = Sources.users(spark, config);
        var request = new ReviewRequest("portal", findingId, disposition.strip().toUpperCase(Locale.ROOT), blankToNull(reference),
                blankToNull(comment), null);
        return new ReviewRecorder(Warehouses.open(spark, config), KibanaIndexes.forConfig(config))
                .record(users, reviewer, List.of(request), Instant.now()).statuses().get(findingId).disposition().name();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
