package io.auditwarehouse.generate;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/** approvals.csv and users.csv (inputs.md §1, §2, §6), and ground-truth.csv. */
final class CsvWriters {

    static final String[] APPROVAL_COLUMNS = {"approval_no", "request_type", "controller", "job_name", "build_number",
            "requester_id", "approver_id", "status", "requested_at", "decided_at", "valid_from", "valid_to", "max_runs",
            "reason", "updated_at"};
    static final String[] USER_COLUMNS = {"user_id", "display_name", "department", "role", "active_from", "active_to"};
    static final String[] TRUTH_COLUMNS = {"reason_code", "business_date", "controller", "job_name", "build_number",
            "approval_no", "occurred_at"};

    private CsvWriters() {
    }

    private static CSVPrinter printer(Path file, String[] header) throws IOException {
        Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        return new CSVPrinter(out, CSVFormat.RFC4180.builder().setRecordSeparator("\n").setHeader(header).build());
    }

    /** MySQL's DATETIME(3) in the approvals zone; a few rows spell their times as ISO-8601 with an offset, or the status in mixed case. */
    static FileStats approvals(World w, Path file, Random rng) throws IOException {
        List<ApprovalRow> rows = new ArrayList<>();
        for (ApprovalRow a : w.approvals) if (!a.deleted) rows.add(a);
        rows.sort(Comparator.comparing(a -> a.number));
        ZoneId zone = w.spec.approvalsZone();
        try (CSVPrinter csv = printer(file, APPROVAL_COLUMNS)) {
            for (ApprovalRow a : rows) {
                boolean iso = rng.nextInt(100) < 3;
                String status = rng.nextInt(100) < 3 ? a.status.charAt(0) + a.status.substring(1).toLowerCase(Locale.ROOT) : a.status;
                csv.printRecord(a.number, a.type, a.controller, a.jobName, a.buildNumber(), a.requester, a.approver,
                        status, time(a.requestedAt, zone, iso, w.zone), time(a.decidedAt, zone, iso, w.zone),
                        time(a.validFrom, zone, iso, w.zone), time(a.validTo, zone, iso, w.zone), a.maxRuns, a.reason,
                        time(a.updatedAt(), zone, iso, w.zone));
            }
        }
        return new FileStats(rows.size(), rows.size(), 0, Map.of());
    }

    private static String time(Instant t, ZoneId zone, boolean iso, ZoneId isoZone) {
        if (t == null) return null;
        return iso ? Formats.format(Formats.ISO_OFFSET_MILLIS, t, isoZone) : Formats.format(Formats.MYSQL_MILLIS, t, zone);
    }

    static FileStats users(World w, Path file) throws IOException {
        ZoneId zone = w.spec.approvalsZone();
        try (CSVPrinter csv = printer(file, USER_COLUMNS)) {
            for (Person p : w.org.all) {
                csv.printRecord(p.userId(), p.displayName(), p.department(), p.role(),
                        Formats.format(Formats.MYSQL_SECONDS, p.activeFrom(), zone),
                        p.activeTo() == null ? null : Formats.format(Formats.MYSQL_SECONDS, p.activeTo(), zone));
            }
        }
        return new FileStats(w.org.all.size(), w.org.all.size(), 0, Map.of());
    }

    static void groundTruth(List<ExpectedFinding> findings, Path file) throws IOException {
        try (CSVPrinter csv = printer(file, TRUTH_COLUMNS)) {
            for (ExpectedFinding f : findings) {
                csv.printRecord(f.code().name(), f.businessDate(), f.controller(), f.jobName(), f.buildNumber(),
                        f.approvalNo(), f.occurredAt() == null ? null : DateTimeFormatter.ISO_INSTANT.format(f.occurredAt()));
            }
        }
    }
}
