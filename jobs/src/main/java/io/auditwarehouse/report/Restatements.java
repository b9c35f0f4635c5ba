package io.auditwarehouse.report;

import io.auditwarehouse.model.DetailTemplates;
import io.auditwarehouse.report.content.ReportContent.Restatement;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * What changed in a month's findings since its last issued package: the package lists these instead of
 * silently different numbers. Findings are compared by finding_id on every column but the batch ids.
 */
final class Restatements {

    static final String FILE = "restatements.csv";
    private static final List<String> HEADER = List.of("change", "finding_id", "control_id", "reason_code",
            "business_date", "subject", "before", "after");
    /** detail_fields says what detail says (and packages before it lack the column): comparing it would restate nothing new. */
    private static final List<String> NOT_COMPARED = List.of("first_batch_id", "last_batch_id", "detail_fields");

    private Restatements() {
    }

    /** Findings by id, each as column to CSV text. */
    static Map<String, Map<String, String>> readFindings(Path csv) throws IOException {
        Map<String, Map<String, String>> byId = new TreeMap<>();
        try (Reader r = bomless(csv)) {
            for (CSVRecord rec : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
                byId.put(rec.get("finding_id"), new LinkedHashMap<>(rec.toMap()));
            }
        }
        return byId;
    }

    /** @param details a finding's detail line in the package's language (the English {@code detail} in an en package) */
    static List<Restatement> between(Map<String, Map<String, String>> issued, Map<String, Map<String, String>> current,
                                     Function<Map<String, String>, String> details) {
        List<Restatement> changes = new ArrayList<>();
        current.forEach((id, now) -> {
            Map<String, String> was = issued.get(id);
            if (was == null) {
                changes.add(of("ADDED", now, null, summary(now, details)));
                return;
            }
            Map<String, String> columns = compared(now);
            if (!compared(was).equals(columns)) {
                StringBuilder before = new StringBuilder();
                StringBuilder after = new StringBuilder();
                columns.forEach((column, value) -> {
                    if (Objects.equals(value, was.get(column))) return;
                    boolean detail = column.equals("detail");
                    before.append(before.isEmpty() ? "" : "; ").append(column).append(": ").append(detail ? details.apply(was) : was.get(column));
                    after.append(after.isEmpty() ? "" : "; ").append(column).append(": ").append(detail ? details.apply(now) : value);
                });
                changes.add(of("CHANGED", now, before.toString(), after.toString()));
            }
        });
        issued.forEach((id, was) -> {
            if (!current.containsKey(id)) changes.add(of("REMOVED", was, summary(was, details), null));
        });
        changes.sort(Comparator.comparing(Restatement::businessDate).thenComparing(Restatement::controlId)
                .thenComparing(Restatement::reasonCode).thenComparing(Restatement::findingId));
        return changes;
    }

    private static Restatement of(String change, Map<String, String> f, String before, String after) {
        String subject = f.get("build_number").isEmpty()
                ? (f.get("approval_no").isEmpty() ? f.get("controller") + "/" + f.get("job_name") : f.get("approval_no"))
                : f.get("controller") + "/" + f.get("job_name") + "#" + f.get("build_number");
        return new Restatement(change, f.get("finding_id"), f.get("control_id"), f.get("reason_code"),
                LocalDate.parse(f.get("business_date")), subject, before, after);
    }

    private static String summary(Map<String, String> f, Function<Map<String, String>, String> details) {
        return f.get("severity") + ": " + details.apply(f);
    }

    /** A finding row's detail line in {@code locale}, from its detail_fields (a package issued before them has the English line only). */
    static Function<Map<String, String>, String> detailsIn(String locale) {
        DetailTemplates templates = DetailTemplates.shipped();
        return f -> templates.renderOrStored(locale, f.get("reason_code"), f.get("detail_fields"), f.get("detail"));
    }

    private static Map<String, String> compared(Map<String, String> row) {
        Map<String, String> columns = new LinkedHashMap<>(row);
        NOT_COMPARED.forEach(columns::remove);
        return columns;
    }

    static void write(Path file, List<Restatement> changes) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            CSVPrinter csv = CsvPackage.printer(w, HEADER.toArray(String[]::new));
            for (Restatement r : changes) {
                CsvPackage.print(csv, java.util.Arrays.asList(r.change(), r.findingId(), r.controlId(), r.reasonCode(),
                        r.businessDate().toString(), r.subject(), r.before(), r.after()));
            }
            csv.flush();
        }
    }

    static List<Restatement> read(Path file) throws IOException {
        List<Restatement> changes = new ArrayList<>();
        try (Reader r = bomless(file)) {
            for (CSVRecord rec : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
                changes.add(new Restatement(rec.get("change"), rec.get("finding_id"), rec.get("control_id"),
                        rec.get("reason_code"), LocalDate.parse(rec.get("business_date")), rec.get("subject"),
                        emptyToNull(rec.get("before")), emptyToNull(rec.get("after"))));
            }
        }
        return changes;
    }

    private static String emptyToNull(String s) {
        return s.isEmpty() ? null : s;
    }

    /** The header of one of our CSV files. */
    static List<String> header(Path csv) throws IOException {
        try (Reader r = bomless(csv)) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r).getHeaderNames();
        }
    }

    /** Our CSVs start with a byte-order mark for Excel; a reader must step over it. */
    private static Reader bomless(Path csv) throws IOException {
        Reader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
        r.mark(1);
        if (r.read() != '\uFEFF') r.reset();
        return r;
    }
}
