package io.auditwarehouse.generate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;

/** builds.ndjson: Jenkins Logstash plugin documents (inputs.md §3), console-log documents before the final one. */
final class BuildRecordsWriter {

    private final World w;
    private final ZoneId zone;

    BuildRecordsWriter(World w) {
        this.w = w;
        this.zone = w.zone;
    }

    FileStats write(Path file, Random rng) throws IOException {
        NdjsonFile out = new NdjsonFile();
        for (PlannedRun r : w.runs) {
            if (r.dropped || !r.inBuilds) continue;
            for (int k = 1; k <= r.consoleDocs; k++) {
                long elapsed = r.durationMs * k / (r.consoleDocs + 1);
                Instant ts = r.start.plusMillis(elapsed);
                out.add(ts, document(r, null, elapsed, consoleLines(r), ts), index(ts), true);
            }
            if (r.buildFinalDoc) {
                Instant ts = r.finish().plusMillis(80 + rng.nextInt(1500));
                out.add(ts, document(r, r.result, r.durationMs, List.of("Finished: " + r.result), ts), index(ts), true);
            }
        }
        Map<String, UnaryOperator<ObjectNode>> malformers = new LinkedHashMap<>();
        malformers.put("missing_build_number", BuildRecordsWriter::withoutBuildNumber);
        malformers.put("unparseable_time", doc -> {
            doc.put("@buildTimestamp", "32/13/2026 25:61:00 KST");
            doc.put("@timestamp", "not a time");
            return doc;
        });
        return out.write(file, rng, 70, 4, malformers, w.spec.malformedPerKind());
    }

    private String index(Instant ts) {
        return "jenkins-builds-" + Formats.INDEX_DAY.format(ts);
    }

    private ObjectNode document(PlannedRun r, String result, long durationMs, List<String> message, Instant ts) {
        JobSpec job = r.job;
        ObjectNode data = Json.MAPPER.createObjectNode();
        data.put("id", Integer.toString(r.buildNumber));
        data.put("result", result);
        data.put("projectName", job.projectName());
        data.put("fullProjectName", job.fullName);
        data.put("displayName", "#" + r.buildNumber);
        data.put("fullDisplayName", job.displayPath() + " #" + r.buildNumber);
        data.putNull("description");
        data.put("url", AuditLines.jobPath(job) + r.buildNumber + "/");
        data.put("buildHost", r.node);
        data.put("buildLabel", "linux");
        data.put("buildNum", r.buildNumber);
        data.put("buildDuration", durationMs);
        data.put("rootProjectName", job.projectName());
        data.put("rootFullProjectName", job.fullName);
        data.put("rootProjectDisplayName", "#" + r.buildNumber);
        data.put("rootBuildNum", r.buildNumber);
        ObjectNode vars = data.putObject("buildVariables");
        if (r.buildApproval != null) vars.put("APPROVAL_NO", r.buildApproval.raw());
        if (r.targetDate != null) vars.put("TARGET_DATE", r.targetDate);
        if (r.buildUserId != null) vars.put("BUILD_USER_ID", r.buildUserId);
        vars.put("JOB_NAME", job.fullName);
        data.putArray("sensitiveBuildVariables");
        data.putNull("testResults");

        ObjectNode doc = Json.MAPPER.createObjectNode();
        doc.set("data", data);
        ArrayNode lines = doc.putArray("message");
        message.forEach(lines::add);
        doc.put("source", "jenkins");
        doc.put("source_host", "https://" + job.controller + ".jenkins.example/");
        doc.put("@buildTimestamp", Formats.format(
                r.secondsTimestamp ? Formats.JENKINS_SECONDS : Formats.JENKINS_MILLIS, r.start, zone));
        doc.put("@timestamp", Formats.format(Formats.JENKINS_MILLIS, ts, zone));
        doc.put("@version", 1);
        return doc;
    }

    private static List<String> consoleLines(PlannedRun r) {
        return List.of(AuditLines.cause(r), "Running as SYSTEM",
                "Building remotely on " + r.node + " (linux) in workspace /var/lib/jenkins/workspace/" + r.job.fullName);
    }

    private static ObjectNode withoutBuildNumber(ObjectNode doc) {
        ObjectNode data = (ObjectNode) doc.get("data");
        data.remove("id");
        data.remove("buildNum");
        data.remove("rootBuildNum");
        data.putNull("displayName");
        data.putNull("fullDisplayName");
        data.putNull("rootProjectDisplayName");
        data.putNull("url");
        return doc;
    }
}
