package io.auditwarehouse.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.auditwarehouse.model.ReasonCode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MonthGeneratorTest {

    private static final YearMonth MONTH = YearMonth.of(2026, 10);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static GenerationSummary summary;

    @BeforeAll
    static void generate() throws IOException {
        summary = new MonthGenerator().generate(GeneratorSpec.of(MONTH, 20_000, 42), dir);
    }

    @Test
    void plantsEveryReasonCodeAtLeastFiveTimes() {
        assertTrue(summary.runs() >= 20_000, "runs " + summary.runs());
        for (ReasonCode code : ReasonCode.values()) {
            assertTrue(summary.findings().get(code) >= 5, code + " has " + summary.findings().get(code));
        }
    }

    @Test
    void groundTruthIsExactlyWhatThePlantsMeant() {
        assertEquals(List.of(), summary.unplanned(), "findings no plant meant");
        assertEquals(List.of(), summary.missed(), "planted findings the rules do not produce");
    }

    @Test
    void groundTruthRowsAreSortedAndDatedInsideTheMonth() throws IOException {
        List<String> lines = Files.readAllLines(dir.resolve("ground-truth.csv"), StandardCharsets.UTF_8);
        assertEquals("reason_code,business_date,controller,job_name,build_number,approval_no,occurred_at", lines.get(0));
        int total = summary.findings().values().stream().mapToInt(Integer::intValue).sum();
        assertEquals(total, lines.size() - 1);
        for (String line : lines.subList(1, lines.size())) {
            LocalDate date = LocalDate.parse(line.split(",")[1]);
            assertEquals(MONTH, YearMonth.from(date), line);
        }
        assertEquals(ReasonCode.values().length, lines.stream().skip(1).map(l -> l.split(",")[0]).distinct().count());
    }

    @Test
    void buildRecordsAreLogstashPluginDocumentsApartFromThePlantedMalformedLines() throws IOException {
        int malformed = 0;
        for (String line : Files.readAllLines(dir.resolve("builds.ndjson"), StandardCharsets.UTF_8)) {
            JsonNode doc = parse(line);
            if (doc == null) {
                malformed++;
                continue;
            }
            JsonNode source = doc.has("_source") ? doc.get("_source") : doc;
            if (doc.has("_source")) assertTrue(doc.get("_id").isTextual() && doc.get("_index").isTextual(), line);
            JsonNode data = source.get("data");
            assertTrue(data.get("fullProjectName").isTextual(), line);
            assertTrue(data.has("result") && data.get("buildVariables").isObject(), line);
            assertEquals("jenkins", source.get("source").asText());
            assertTrue(source.get("source_host").asText().matches("https://[a-z0-9-]+\\.jenkins\\.example/"), line);
            assertTrue(source.get("message").isArray() && source.get("@version").asInt() == 1, line);
            boolean timesOk = source.get("@buildTimestamp").asText().matches(
                    "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{3})?\\+0900")
                    && source.get("@timestamp").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\+0900");
            boolean numbered = data.path("buildNum").isInt() && data.path("id").asText().equals(data.get("buildNum").asText());
            if (!timesOk || !numbered) malformed++;
        }
        assertEquals(summary.malformedLines("builds.ndjson"), malformed);
        assertTrue(malformed > 0);
    }

    @Test
    void buildDocumentsHaveTheFieldsOfTheLogstashPluginInItsOrder() throws IOException {
        String line = Files.readAllLines(dir.resolve("builds.ndjson"), StandardCharsets.UTF_8).get(0);
        JsonNode doc = JSON.readTree(line);
        JsonNode source = doc.has("_source") ? doc.get("_source") : doc;
        assertEquals(List.of("data", "message", "source", "source_host", "@buildTimestamp", "@timestamp", "@version"),
                names(source));
        assertEquals(List.of("id", "result", "projectName", "fullProjectName", "displayName", "fullDisplayName",
                "description", "url", "buildHost", "buildLabel", "buildNum", "buildDuration", "rootProjectName",
                "rootFullProjectName", "rootProjectDisplayName", "rootBuildNum", "buildVariables",
                "sensitiveBuildVariables", "testResults"), names(source.get("data")));
    }

    private static List<String> names(JsonNode node) {
        List<String> out = new ArrayList<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }

    @Test
    void auditTrailIsAuditTrailPluginDocumentsApartFromThePlantedMalformedLines() throws IOException {
        for (String controller : summary.controllers()) {
            String name = "audit/" + controller + ".ndjson";
            int malformed = 0;
            List<String> messages = new ArrayList<>();
            for (String line : Files.readAllLines(dir.resolve(name), StandardCharsets.UTF_8)) {
                JsonNode doc = parse(line);
                if (doc == null) {
                    malformed++;
                    continue;
                }
                JsonNode source = doc.has("_source") ? doc.get("_source") : doc;
                assertEquals(2, source.size(), line);
                messages.add(source.get("message").asText());
                if (!source.get("@timestamp").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+0900")) malformed++;
            }
            assertEquals(summary.malformedLines(name), malformed, name);
            assertTrue(messages.stream().anyMatch(m -> m.matches("job/\\S+/ #\\d+ Started by .*, Parameters:\\[.*]")));
            assertTrue(messages.stream().anyMatch(m -> m.matches(".+ #\\d+ Started by .* on node \\S+ started at "
                    + "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ completed in \\d+ms completed: [A-Z_]+")));
            assertTrue(messages.stream().anyMatch(m -> m.matches("/job/\\S+/configSubmit by \\S+")));
        }
    }

    @Test
    void generationJsonRecordsTheMonth() throws IOException {
        JsonNode g = JSON.readTree(dir.resolve("generation.json").toFile());
        assertEquals("2026-10", g.get("month").asText());
        assertEquals(42, g.get("seed").asLong());
        assertEquals("2026-11-10T00:00+09:00", g.get("as_of").asText());
        assertEquals(summary.runs(), g.get("runs").asInt());
        assertEquals(summary.malformedLines("builds.ndjson"), g.at("/malformed_lines/builds.ndjson/total").asInt());
        for (ReasonCode code : ReasonCode.values()) {
            assertEquals(summary.findings().get(code).intValue(), g.at("/findings/" + code.name()).asInt());
        }
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            return null;
        }
    }
}
