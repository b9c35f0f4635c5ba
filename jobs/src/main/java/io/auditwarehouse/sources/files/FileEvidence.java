package io.auditwarehouse.sources.files;

import io.auditwarehouse.config.AppConfig;
import io.auditwarehouse.config.ConfigException;
import io.auditwarehouse.config.ConfigKey;
import io.auditwarehouse.model.Decoded;
import io.auditwarehouse.sources.EvidenceData;
import io.auditwarehouse.sources.SourceUnavailableException;
import io.auditwarehouse.sources.jenkins.AuditTrailDecoder;
import io.auditwarehouse.sources.jenkins.ControllerIds;
import io.auditwarehouse.sources.jenkins.LogstashBuildDecoder;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.lib.input.TextInputFormat;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** builds.ndjson (or builds/*.ndjson) and audit/<controller>.ndjson, decoded line by line in Spark. */
public final class FileEvidence {

    public static final String BUILDS = "builds.ndjson";
    public static final String BUILDS_DIR = "builds";
    public static final String AUDIT_DIR = "audit";

    private FileEvidence() {
    }

    static Path inputDir(AppConfig config) {
        Path dir = config.inputDir();
        if (!Files.isDirectory(dir)) {
            // not transient: the folder stays missing until the configuration names one (exit 2, not retried)
            throw new ConfigException(ConfigKey.INPUT_DIR.key(), "input folder " + dir.toAbsolutePath().normalize()
                    + " does not exist: pass --input DIR or set " + ConfigKey.INPUT_DIR.key() + " (`generate` makes one)");
        }
        return dir;
    }

    public static EvidenceData load(SparkSession spark, AppConfig config) {
        Path dir = inputDir(config);
        List<Path> buildFiles = ndjsonFiles(dir.resolve(BUILDS), dir.resolve(BUILDS_DIR));
        List<Path> auditFiles = ndjsonFiles(null, dir.resolve(AUDIT_DIR));
        if (buildFiles.isEmpty() && auditFiles.isEmpty()) {
            throw new ConfigException(ConfigKey.INPUT_DIR.key(), "neither " + BUILDS + " nor " + AUDIT_DIR + "/*.ndjson found in "
                    + dir.toAbsolutePath().normalize() + ": pass --input DIR or set " + ConfigKey.INPUT_DIR.key());
        }
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        ControllerIds ids = ControllerIds.of(config.controllers());
        LogstashBuildDecoder buildDecoder = new LogstashBuildDecoder(ids, config.approvalParam());
        AuditTrailDecoder auditDecoder = new AuditTrailDecoder(config.approvalParam());
        JavaRDD<Decoded> decoded = null;
        List<String> described = new ArrayList<>();
        for (Path f : buildFiles) {
            String name = dir.relativize(f).toString();
            decoded = union(decoded, decodeLines(jsc, f, (line, offset) -> NdjsonLine.decode(line.getBytes(), line.getLength(),
                    LogstashBuildDecoder.SOURCE, name + "@" + offset, text -> buildDecoder.decode(text, name + "@" + offset))));
            described.add(name);
        }
        for (Path f : auditFiles) {
            String name = dir.relativize(f).toString();
            String controller = ids.forAuditFile(f.getFileName().toString());
            decoded = union(decoded, decodeLines(jsc, f, (line, offset) -> NdjsonLine.decode(line.getBytes(), line.getLength(),
                    AuditTrailDecoder.SOURCE, name + "@" + offset, text -> auditDecoder.decode(text, name + "@" + offset, controller))));
            described.add(name + " (controller " + controller + ")");
        }
        return new EvidenceData(decoded, !buildFiles.isEmpty(), !auditFiles.isEmpty(), described);
    }

    /**
     * Decodes every line of a file in Spark, keeping its byte offset as the document's lineage. Lines end at LF only
     * (NDJSON): Hadoop's default also ends one at a bare CR, which cut a document holding a stray CR into two.
     */
    private static JavaRDD<Decoded> decodeLines(JavaSparkContext jsc, Path file, LineDecoder decoder) {
        Configuration lines = new Configuration(jsc.hadoopConfiguration());
        lines.set("textinputformat.record.delimiter", "\n");
        return jsc.newAPIHadoopFile(file.toAbsolutePath().toUri().toString(), TextInputFormat.class,
                        LongWritable.class, Text.class, lines)
                .map(t -> decoder.decode(t._2(), t._1().get()))
                .filter(d -> d.event() != null || d.quarantine() != null);
    }

    private static JavaRDD<Decoded> union(JavaRDD<Decoded> a, JavaRDD<Decoded> b) {
        return a == null ? b : a.union(b);
    }

    private static List<Path> ndjsonFiles(Path single, Path folder) {
        List<Path> files = new ArrayList<>();
        if (single != null && Files.isRegularFile(single)) files.add(single);
        if (Files.isDirectory(folder)) {
            try (Stream<Path> s = Files.list(folder)) {
                s.filter(p -> p.getFileName().toString().endsWith(".ndjson")).sorted().forEach(files::add);
            } catch (IOException e) {
                throw new SourceUnavailableException("files", "cannot list " + folder + ": " + e.getMessage(), e);
            }
        }
        return files;
    }

    @FunctionalInterface
    private interface LineDecoder extends Serializable {
        Decoded decode(Text line, long offset);
    }
}
