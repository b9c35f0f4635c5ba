package io.auditwarehouse.cli;

import io.auditwarehouse.job.BatchResult;
import io.auditwarehouse.model.Severity;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The short end-of-run summary of outputs.md §5, for one or several batches. */
final class RunSummary {

    private RunSummary() {
    }

    static void print(PrintWriter out, String title, List<BatchResult> batches, Duration elapsed) {
        if (batches.isEmpty()) {
            out.println(title + ": nothing to do (every date already published by this version; --force redoes them)");
            out.flush();
            return;
        }
        LocalDate first = batches.stream().flatMap(b -> b.dates().stream()).min(LocalDate::compareTo).orElseThrow();
        LocalDate last = batches.stream().flatMap(b -> b.dates().stream()).max(LocalDate::compareTo).orElseThrow();
        long runs = 0, compliant = 0, exceptions = 0, pending = 0, quarantined = 0;
        Map<String, Long> bySeverity = new TreeMap<>();
        for (BatchResult b : batches) {
            runs += b.runs();
            compliant += b.compliant();
            exceptions += b.exceptions();
            pending += b.pending();
            quarantined = Math.max(quarantined, b.quarantined());
            b.findingsBySeverity().forEach((k, v) -> bySeverity.merge(k, v, Long::sum));
        }
        StringBuilder severities = new StringBuilder();
        long findings = 0;
        for (Severity s : Severity.values()) {
            long n = bySeverity.getOrDefault(s.name(), 0L);
            findings += n;
            severities.append(severities.isEmpty() ? "" : ", ").append(s.name()).append(' ').append(String.format("%,d", n));
        }
        out.println();
        out.println(title + " " + (first.equals(last) ? first : first + " .. " + last)
                + "  (as of " + batches.get(batches.size() - 1).asOf() + ", " + batches.size() + " batch" + (batches.size() == 1 ? "" : "es") + ")");
        out.printf("  runs        %,d  (compliant %,d, exception %,d, pending %,d)%n", runs, compliant, exceptions, pending);
        out.printf("  findings    %,d  (%s)%n", findings, severities);
        out.printf("  quarantined %,d input document(s)%n", quarantined);
        out.println("  warehouse   " + batches.get(0).warehouse());
        batches.stream().map(BatchResult::chat).filter(java.util.Objects::nonNull).reduce((a, b) -> b)
                .ifPresent(n -> out.println("  chat        " + n));
        out.printf("  elapsed     %.1f s%n", elapsed.toMillis() / 1000.0);
        out.flush();
    }

    /** Prints the summary and returns the command's exit code. */
    static int finish(PrintWriter out, String title, List<BatchResult> batches, java.time.Instant started, Severity failOn) {
        print(out, title, batches, Duration.between(started, java.time.Instant.now()));
        return failOn(failOn, batches);
    }

    /** Exit code for --fail-on: 5 when a published finding is at or above the threshold. */
    static int failOn(Severity threshold, List<BatchResult> batches) {
        if (threshold == null) return ExitCodes.OK;
        for (BatchResult b : batches) {
            for (var e : b.findingsBySeverity().entrySet()) {
                if (e.getValue() > 0 && Severity.valueOf(e.getKey()).atLeast(threshold)) return ExitCodes.FINDINGS_AT_OR_ABOVE;
            }
        }
        return ExitCodes.OK;
    }
}
