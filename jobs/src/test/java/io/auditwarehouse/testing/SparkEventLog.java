package io.auditwarehouse.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What one finished application's Spark event log says: its id and how many tasks each executor finished. The
 * project turns the driver's UI off, so the log (spark.eventLog.enabled) is where the executor summary lives.
 */
public record SparkEventLog(String appId, Map<String, Integer> successfulTasksByExecutor) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Reads the one log in {@code dir}, written by one application that has ended. */
    public static SparkEventLog readOnly(Path dir) throws IOException {
        List<Path> logs;
        try (Stream<Path> s = Files.list(dir)) {
            logs = s.toList();
        }
        if (logs.size() != 1 || logs.get(0).getFileName().toString().endsWith(".inprogress")) {
            throw new AssertionError("expected one finished application's event log in " + dir + ", found " + logs);
        }
        String appId = null;
        Map<String, Integer> tasks = new TreeMap<>();
        try (BufferedReader r = Files.newBufferedReader(logs.get(0), StandardCharsets.UTF_8)) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                JsonNode event = JSON.readTree(line);
                switch (event.path("Event").asText()) {
                    case "SparkListenerApplicationStart" -> appId = event.path("App ID").asText();
                    case "SparkListenerTaskEnd" -> {
                        if ("Success".equals(event.path("Task End Reason").path("Reason").asText())) {
                            tasks.merge(event.path("Task Info").path("Executor ID").asText(), 1, Integer::sum);
                        }
                    }
                    default -> {
                    }
                }
            }
        }
        if (appId == null) throw new AssertionError("no application start in " + logs.get(0));
        return new SparkEventLog(appId, tasks);
    }
}
