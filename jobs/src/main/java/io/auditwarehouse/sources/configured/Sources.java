package io.auditwarehouse.sources.configured;

import io.auditwarehouse.config.AppConfig;
import io.auditwarehouse.model.Decoded;
import io.auditwarehouse.model.User;
import io.auditwarehouse.model.UserDirectory;
import io.auditwarehouse.sources.ApprovalData;
import io.auditwarehouse.sources.EvidenceData;
import io.auditwarehouse.sources.SourceData;
import io.auditwarehouse.sources.elasticsearch.EsEvidence;
import io.auditwarehouse.sources.files.FileApprovals;
import io.auditwarehouse.sources.files.FileEvidence;
import io.auditwarehouse.sources.mysql.MySqlApprovals;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Reads the four sources from where the configuration says: files by default, MySQL and Elasticsearch when set. */
public final class Sources {

    private Sources() {
    }

    /** Approvals and users: approvals.csv and users.csv, or the approval database when configured. */
    public static ApprovalData approvals(SparkSession spark, AppConfig config) {
        return config.servers().approvalsFromMysql() ? MySqlApprovals.load(spark, config) : FileApprovals.load(config);
    }

    /**
     * The users relation when a pseudonym key is configured (a pseudonymised package must find their display names in
     * its text, and {@code reveal} their ids), else nothing.
     */
    public static List<User> usersToPseudonymise(SparkSession spark, AppConfig config) {
        return config.report().pseudonyms().key().present() ? users(spark, config).all() : List.of();
    }

    /** The users relation alone (users.csv or the users table), for the commands that check people, not runs. */
    public static UserDirectory users(SparkSession spark, AppConfig config) {
        return config.servers().approvalsFromMysql() ? MySqlApprovals.users(spark, config) : FileApprovals.users(config);
    }

    /** @param dates the business dates being reconciled (bounds the Elasticsearch time range) */
    public static SourceData load(SparkSession spark, AppConfig config, List<LocalDate> dates) {
        ApprovalData approvals = approvals(spark, config);
        EvidenceData evidence = config.servers().evidenceFromElasticsearch()
                ? EsEvidence.load(spark, config, dates) : FileEvidence.load(spark, config);
        // decoded once: events and rejects both come from it; kept serialized, as Spark sizes cached objects by
        // walking their graphs, which costs more than decoding them
        JavaRDD<Decoded> all = evidence.decoded().persist(StorageLevel.MEMORY_AND_DISK_SER());
        List<String> described = new ArrayList<>(approvals.description());
        described.addAll(evidence.description());
        return new SourceData(all, approvals.rejected(), approvals.approvals(), approvals.users(), approvals.usersRead(),
                evidence.buildsConfigured(), evidence.auditConfigured(), described, List.of(all));
    }
}
