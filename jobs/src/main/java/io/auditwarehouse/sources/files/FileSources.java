package io.auditwarehouse.sources.files;

import io.auditwarehouse.config.AppConfig;
import io.auditwarehouse.config.ControllerMapping;
import io.auditwarehouse.model.Approval;
import io.auditwarehouse.model.Decoded;
import io.auditwarehouse.model.QuarantineRecord;
import io.auditwarehouse.model.SourceEvent;
import io.auditwarehouse.model.User;
import io.auditwarehouse.reconcile.UserDirectory;
import io.auditwarehouse.sources.SourceData;
import io.auditwarehouse.sources.SourceUnavailableException;
import io.auditwarehouse.sources.jenkins.AuditTrailDecoder;
import io.auditwarehouse.sources.jenkins.ControllerIds;
import io.auditwarehouse.sources.jenkins.LogstashBuildDecoder;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.lib.input.TextInputFormat;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The embedded default (inputs.md §6): the four sources as files in one folder. */
public final class FileSources {

    public static final String APPROVALS = "approvals.csv";
    public static final String USERS = "users.csv";
    public static final String BUILDS = "builds.ndjson";
    public static final String BUILDS_DIR = "builds";
    public static final String AUDIT_DIR = "audit";

    private final SparkSession spark;
    private final AppConfig config;

    public FileSources(SparkSession spark, AppConfig config) {
        this.spark = spark;
        this.config = config;
    }

    public SourceData load() {
        Path dir = config.inputDir();
        if (!Files.isDirectory(dir)) {
            throw new SourceUnavailableException("files", "input folder " + dir + " does not exist (run `generate` or pass --input)");
        }
        Path approvalsFile = dir.resolve(APPROVALS);
        if (!Files.isRegularFile(approvalsFile)) {
            throw new SourceUnavailableException("approvals", APPROVALS + " not found in " + dir);
        }
        List<QuarantineRecord> tableRejects = new ArrayList<>();
        Parsed<Approval> approvals = readCsv(approvalsFile, r -> ApprovalsCsv.read(r, config.approvalsZone(), APPROVALS));
        tableRejects.addAll(approvals.rejected());
        Path usersFile = dir.resolve(USERS);
        UserDirectory users = UserDirectory.absent();
        long usersRead = 0;
        if (Files.isRegularFile(usersFile)) {
            Parsed<User> parsed = readCsv(usersFile, r -> UsersCsv.read(r, config.approvalsZone(), USERS));
            tableRejects.addAll(parsed.rejected());
            users = UserDirectory.of(parsed.rows());
            usersRead = parsed.rows().size();
        }

        List<Path> buildFiles = ndjsonFiles(dir.resolve(BUILDS), dir.resolve(BUILDS_DIR));
        List<Path> auditFiles = ndjsonFiles(null, dir.resolve(AUDIT_DIR));
        if (buildFiles.isEmpty() && auditFiles.isEmpty()) {
            throw new SourceUnavailableException("builds", "neither " + BUILDS + " nor " + AUDIT_DIR + "/*.ndjson found in " + dir);
        }
        ControllerIds ids = controllerIds();
        LogstashBuildDecoder buildDecoder = new LogstashBuildDecoder(ids, config.approvalParam());
        AuditTrailDecoder auditDecoder = new AuditTrailDecoder(config.approvalParam());
        JavaRDD<Decoded> decoded = null;
        for (Path f : buildFiles) {
            String name = dir.relativize(f).toString();
            decoded = union(decoded, decodeLines(f, (line, offset) -> buildDecoder.decode(line, name + "@" + offset)));
        }
        for (Path f : auditFiles) {
            String name = dir.relativize(f).toString();
            String controller = ids.forAuditFile(f.getFileName().toString());
            decoded = union(decoded, decodeLines(f, (line, offset) -> auditDecoder.decode(line, name + "@" + offset, controller)));
        }
        // decoded once: events and rejects both come from it
        JavaRDD<Decoded> all = decoded.persist(StorageLevel.MEMORY_AND_DISK());
        JavaRDD<SourceEvent> events = all.filter(d -> d.event() != null).map(Decoded::event);
        JavaRDD<QuarantineRecord> rejected = all.filter(d -> d.quarantine() != null).map(Decoded::quarantine)
                .union(jsc().parallelize(tableRejects, 1));
        List<String> described = new ArrayList<>();
        described.add(dir.relativize(approvalsFile) + ": " + approvals.rows().size() + " approvals");
        described.add(usersRead > 0 ? USERS + ": " + usersRead + " users" : USERS + ": absent (user rules not evaluated)");
        buildFiles.forEach(f -> described.add(dir.relativize(f).toString()));
        auditFiles.forEach(f -> described.add(dir.relativize(f).toString()));
        return new SourceData(events, rejected, approvals.rows(), users, usersRead, !buildFiles.isEmpty(),
                !auditFiles.isEmpty(), described, List.of(all));
    }

    private ControllerIds controllerIds() {
        java.util.Map<String, String> byHost = new java.util.LinkedHashMap<>();
        java.util.Map<String, String> byAudit = new java.util.LinkedHashMap<>();
        for (ControllerMapping c : config.controllers()) {
            if (c.sourceHost() != null) byHost.put(c.sourceHost(), c.id());
            if (c.audit() != null) byAudit.put(c.audit(), c.id());
        }
        return new ControllerIds(byHost, byAudit);
    }

    /** Decodes every line of a file in Spark, keeping its byte offset as the document's lineage. */
    private JavaRDD<Decoded> decodeLines(Path file, LineDecoder decoder) {
        JavaSparkContext jsc = jsc();
        return jsc.newAPIHadoopFile(file.toAbsolutePath().toUri().toString(), TextInputFormat.class,
                        LongWritable.class, Text.class, jsc.hadoopConfiguration())
                .map(t -> decoder.decode(t._2().toString(), t._1().get()))
                .filter(d -> d.event() != null || d.quarantine() != null);
    }

    private JavaSparkContext jsc() {
        return JavaSparkContext.fromSparkContext(spark.sparkContext());
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

    private static <T> Parsed<T> readCsv(Path file, CsvReader<T> reader) {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return reader.read(r);
        } catch (IOException e) {
            throw new SourceUnavailableException(file.getFileName().toString(), "cannot read: " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    private interface CsvReader<T> {
        Parsed<T> read(Reader r) throws IOException;
    }

    @FunctionalInterface
    private interface LineDecoder extends java.io.Serializable {
        Decoded decode(String line, long offset);
    }
}
