package io.auditwarehouse.runtime;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

import java.util.Map;

/** The one place a SparkSession is configured: local by default, whatever spark-submit says otherwise. */
public final class SparkSessions {

    /** Java serialization of shuffled and cached records was about half of a nightly's CPU (JFR). */
    static final Map<String, String> KRYO = Map.of(
            "spark.serializer", "org.apache.spark.serializer.KryoSerializer",
            "spark.kryo.registrator", KryoRegistrations.class.getName(),
            // records hold no cycles; tracking references cleared a large identity map after every object (JFR)
            "spark.kryo.referenceTracking", "false");

    private SparkSessions() {
    }

    public static SparkSession getOrCreate(String defaultMaster) {
        // what spark-submit (or -Dspark.*) gives wins over every default below
        SparkConf submitted = new SparkConf();
        SparkSession.Builder builder = SparkSession.builder().appName("audit-warehouse")
                // Rows carry Instant and LocalDate; timestamps are stored and shown in UTC
                .config("spark.sql.datetime.java8API.enabled", "true")
                .config("spark.sql.session.timeZone", "UTC")
                .config("spark.sql.sources.partitionOverwriteMode", "static")
                .config("spark.sql.parquet.compression.codec", "snappy")
                // every reader of the warehouse (this Spark, DuckDB) uses the proleptic Gregorian calendar: a timestamp
                // before 1900 (an approval valid from year 1) is written as it is, instead of failing the whole batch
                .config("spark.sql.parquet.datetimeRebaseModeInWrite", "CORRECTED")
                .config("spark.sql.parquet.int96RebaseModeInWrite", "CORRECTED")
                .config("spark.sql.parquet.datetimeRebaseModeInRead", "CORRECTED")
                .config("spark.sql.parquet.int96RebaseModeInRead", "CORRECTED");
        // batches are small next to Spark's defaults: a few shuffle partitions beat 200, and no UI to serve
        defaultTo(builder, submitted, "spark.sql.shuffle.partitions", "4");
        defaultTo(builder, submitted, "spark.ui.enabled", "false");
        defaultTo(builder, submitted, "spark.ui.showConsoleProgress", "false");
        KRYO.forEach((key, value) -> defaultTo(builder, submitted, key, value));
        // spark.eventLog.* is left to spark-submit or -Dspark.* (JAVA_OPTS): credentials never enter Spark's conf
        // (JDBC properties, Elasticsearch-Hadoop settings), so an event log holds none (SecretsIT)
        if (!submitted.contains("spark.master")) {
            builder.master(defaultMaster)
                    .config("spark.driver.host", "127.0.0.1")
                    .config("spark.driver.bindAddress", "127.0.0.1");
        }
        return builder.getOrCreate();
    }

    private static void defaultTo(SparkSession.Builder builder, SparkConf submitted, String key, String value) {
        if (!submitted.contains(key)) builder.config(key, value);
    }
}
