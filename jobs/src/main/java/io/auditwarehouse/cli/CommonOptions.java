package io.auditwarehouse.cli;

import io.auditwarehouse.config.AppConfig;
import io.auditwarehouse.config.ConfigException;
import io.auditwarehouse.config.ConfigLoader;
import io.auditwarehouse.errors.Checkpoints;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/** Options every command takes; the only place flags meet the config file. */
public final class CommonOptions {

    @Option(names = "--config", paramLabel = "FILE", description = "configuration file (default ./audit-warehouse.yaml if present)")
    Path config;

    @Option(names = "--input", paramLabel = "DIR", description = "files source folder (default ./data)")
    Path input;

    @Option(names = "--out", paramLabel = "DIR", description = "embedded warehouse and outputs (default ./out)")
    Path out;

    @Option(names = "--as-of", paramLabel = "TIMESTAMP",
            description = "judge SLAs, windows and unfinished runs as of this instant (ISO-8601, e.g. 2026-10-10T00:00:00+09:00; default now)")
    String asOf;

    @Option(names = "--verbose", description = "print stack traces of errors")
    boolean verbose;

    /** The one config of this command; it also arms (or disarms) the test-only checkpoint hook it names. */
    public AppConfig load() {
        AppConfig loaded = ConfigLoader.load(config, input, out);
        Checkpoints.install(loaded.checkpoint());
        return loaded;
    }

    public Instant asOf(ZoneId businessZone) {
        return asOf == null ? Instant.now() : parseInstant("--as-of", asOf, businessZone);
    }

    /** ISO-8601 with offset or Z; a bare date or date-time is read in the business zone. */
    static Instant parseInstant(String option, String text, ZoneId zone) {
        try {
            if (text.length() == 10) return LocalDate.parse(text).atStartOfDay(zone).toInstant();
            if (text.endsWith("Z") || text.matches(".*[+-]\\d\\d:?\\d\\d$")) return OffsetDateTime.parse(text).toInstant();
            return LocalDateTime.parse(text).atZone(zone).toInstant();
        } catch (DateTimeException e) {
            throw new ConfigException(option, "expected an ISO-8601 time like 2026-10-10T00:00:00+09:00, got '" + text + "'");
        }
    }

    static LocalDate parseDate(String option, String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeException e) {
            throw new ConfigException(option, "expected a date like 2026-10-01, got '" + text + "'");
        }
    }
}
