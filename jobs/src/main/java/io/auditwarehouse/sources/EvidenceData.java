package io.auditwarehouse.sources;

import io.auditwarehouse.model.Decoded;
import org.apache.spark.api.java.JavaRDD;

import java.util.List;

/** Build records and audit-trail lines, decoded lazily in Spark, from files or Elasticsearch. */
public record EvidenceData(JavaRDD<Decoded> decoded, boolean buildsConfigured, boolean auditConfigured,
                           List<String> description) {
}
