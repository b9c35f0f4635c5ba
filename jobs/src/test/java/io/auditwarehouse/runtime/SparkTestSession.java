package io.auditwarehouse.runtime;

import org.apache.spark.sql.SparkSession;

/** One local SparkSession per test JVM, the same one the CLI picks up. */
public final class SparkTestSession {

    private SparkTestSession() {
    }

    public static SparkSession get() {
        return SparkSessions.getOrCreate("local[2]");
    }
}
