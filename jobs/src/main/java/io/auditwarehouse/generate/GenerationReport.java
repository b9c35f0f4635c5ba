package io.auditwarehouse.generate;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.auditwarehouse.model.ReasonCode;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/** generation.json: what was generated, so a test or an auditor can check the reconciler against it. */
final class GenerationReport {

    private GenerationReport() {
    }

    static void write(GenerationSummary s, GeneratorSpec spec, Path file) throws IOException {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("month", s.month().toString());
        root.put("seed", s.seed());
        root.put("runs", s.runs());
        root.put("as_of", s.asOf().toString());
        root.put("business_zone", spec.businessZone().getId());
        root.put("approvals_zone", spec.approvalsZone().getId());
        s.controllers().forEach(root.putArray("controllers")::add);
        ObjectNode files = root.putObject("documents");
        ObjectNode malformed = root.putObject("malformed_lines");
        for (Map.Entry<String, FileStats> e : s.files().entrySet()) {
            FileStats f = e.getValue();
            ObjectNode n = files.putObject(e.getKey());
            n.put("lines", f.lines());
            n.put("documents", f.documents());
            n.put("duplicates", f.duplicates());
            if (!f.malformed().isEmpty()) {
                ObjectNode m = malformed.putObject(e.getKey());
                m.put("total", f.malformedLines());
                f.malformed().forEach(m::put);
            }
        }
        ObjectNode plants = root.putObject("plants");
        ObjectNode findings = root.putObject("findings");
        for (ReasonCode c : ReasonCode.values()) {
            plants.put(c.name(), s.plants().get(c));
            findings.put(c.name(), s.findings().get(c));
        }
        root.put("findings_total", s.findings().values().stream().mapToInt(Integer::intValue).sum());
        Json.MAPPER.writer().with(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), root);
    }
}
