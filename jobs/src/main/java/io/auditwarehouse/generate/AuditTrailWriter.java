package io.auditwarehouse.generate;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;

/** audit/&lt;controller&gt;.ndjson: Jenkins Audit Trail plugin documents (inputs.md §4). */
final class AuditTrailWriter {

    private final World w;

    AuditTrailWriter(World w) {
        this.w = w;
    }

    FileStats write(String controller, Path file, Random rng) throws IOException {
        NdjsonFile out = new NdjsonFile();
        for (PlannedRun r : w.runs) {
            if (r.dropped || !r.inAudit || !r.job.controller.equals(controller)) continue;
            add(out, controller, r.auditStart(), AuditLines.startLine(r), true);
            if (r.auditCompletion) add(out, controller, World.seconds(r.finish()), AuditLines.completionLine(r), true);
        }
        for (PlannedAction a : w.actions) {
            if (a.job().controller.equals(controller)) add(out, controller, a.at(), AuditLines.requestLine(a), false);
        }
        for (NoiseLine n : w.noise) {
            if (n.controller().equals(controller)) add(out, controller, n.at(), n.message(), false);
        }
        Map<String, UnaryOperator<ObjectNode>> malformers = new LinkedHashMap<>();
        malformers.put("unparseable_time", doc -> {
            doc.put("@timestamp", "2026-13-45 25:61");
            return doc;
        });
        return out.write(file, rng, 40, 2, malformers, w.spec.malformedPerKind());
    }

    private void add(NdjsonFile out, String controller, Instant t, String message, boolean buildLine) {
        ObjectNode doc = Json.MAPPER.createObjectNode();
        doc.put("message", message);
        doc.put("@timestamp", Formats.format(Formats.JENKINS_SECONDS, t, w.zone));
        out.add(t, doc, "jenkins-audit-" + controller + "-" + Formats.INDEX_DAY.format(t), buildLine);
    }
}
