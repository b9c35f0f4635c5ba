package io.auditwarehouse.report;

import io.auditwarehouse.config.ReportSettings;
import io.auditwarehouse.model.DetailTemplates;
import io.auditwarehouse.model.QuarantineReasons;
import io.auditwarehouse.model.FindingStatus;
import io.auditwarehouse.model.ReasonCode;
import io.auditwarehouse.model.Trigger;
import io.auditwarehouse.reconcile.ControlPopulations;
import io.auditwarehouse.report.content.ReportContent.Completeness;
import io.auditwarehouse.report.content.ReportContent.ControlLine;
import io.auditwarehouse.report.content.ReportContent.ExceptionLine;
import io.auditwarehouse.report.content.ReportContent.FailureReports;
import io.auditwarehouse.report.content.ReportContent.QuarantineCount;
import io.auditwarehouse.report.content.ReportContent.Restatement;
import io.auditwarehouse.report.content.ReportContent.SourceCoverage;
import io.auditwarehouse.report.content.ReportContent.TrendPoint;
import io.auditwarehouse.report.content.ReportContent;
import io.auditwarehouse.sinks.WarehouseTables;
import org.apache.spark.sql.Row;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Computes a month's {@link ReportContent} from its warehouse tables: one streamed pass over the runs, the rest small. */
final class ReportContents {

    /** The identity of the package being rendered, decided before the content is computed. */
    record Header(ZoneId zone, Instant asOf, String softwareVersion, String contentSha256, String previousManifestSha256,
                  long seed, String seedSource) {
    }

    private final MonthTables tables;
    private final ReportSettings settings;
    private final boolean korean;
    private final Map<String, Row> catalogByCode = new LinkedHashMap<>();
    private final DetailTemplates details = DetailTemplates.shipped();
    private final QuarantineReasons quarantineReasons = QuarantineReasons.shipped();
    private final List<String> controlIds;
    private final Map<String, FindingStatus> statuses;

    private ReportContents(MonthTables tables, ReportSettings settings, Map<String, FindingStatus> statuses) {
        this.tables = tables;
        this.settings = settings;
        this.statuses = statuses;
        this.korean = "ko".equals(settings.locale());
        for (Row r : tables.collect(WarehouseTables.CATALOG)) catalogByCode.put(r.getAs("reason_code"), r);
        this.controlIds = catalogByCode.values().stream().map(r -> r.<String>getAs("control_id")).distinct().toList();
    }

    /** @param statuses the current disposition of the month's findings by id (a finding not in it is OPEN) */
    static ReportContent build(MonthTables tables, ReportSettings settings, Header h, List<Restatement> restatements,
                               Map<String, FindingStatus> statuses) {
        return new ReportContents(tables, settings, statuses).build(h, restatements);
    }

    private ReportContent build(Header h, List<Restatement> restatements) {
        List<Row> findings = tables.collect(WarehouseTables.FINDING);
        List<ExceptionLine> exceptions = findings.stream().map(this::exception)
                .sorted(Comparator.comparing(ExceptionLine::controlId).thenComparing(ExceptionLine::reasonCode)
                        .thenComparing(ExceptionLine::businessDate).thenComparing(ExceptionLine::findingId))
                .toList();
        RunPass runs = new RunPass(new AuditorSample(h.seed(), settings::sampleSize));
        tables.forEach(WarehouseTables.RUN, runs::accept);
        changeControlMembers(runs.sample, findings);
        return new ReportContent(tables.month(), settings.locale(), h.zone(), h.asOf(), h.softwareVersion(),
                List.copyOf(runs.coverage.keySet()), h.contentSha256(), h.previousManifestSha256(), h.seed(), h.seedSource(),
                controls(exceptions), trend(), exceptions, runs.failures(only(exceptions, ReasonCode.FAILURE_REPORT_UNAPPROVED)),
                completeness(runs, only(exceptions, ReasonCode.BUILD_NUMBER_GAP)), runs.sample.items(controlIds),
                restatements);
    }

    private List<ControlLine> controls(List<ExceptionLine> exceptions) {
        Map<String, long[]> dispositions = new TreeMap<>();
        List<String> counted = List.of("OPEN", "ACKNOWLEDGED", "REMEDIATED", "RISK_ACCEPTED", "FALSE_POSITIVE");
        for (ExceptionLine e : exceptions) {
            dispositions.computeIfAbsent(e.controlId(), k -> new long[counted.size()])[counted.indexOf(e.disposition())]++;
        }
        Map<String, long[]> sums = new TreeMap<>();
        for (Row r : tables.collect(WarehouseTables.DAILY_SUMMARY)) {
            long[] s = sums.computeIfAbsent(r.getAs("control_id"), k -> new long[8]);
            String[] columns = {"population", "compliant", "exceptions", "pending", "findings_high", "findings_medium",
                    "findings_low", "findings_info"};
            for (int i = 0; i < columns.length; i++) s[i] += r.<Long>getAs(columns[i]);
        }
        List<ControlLine> lines = new ArrayList<>();
        for (String id : controlIds) {
            Row c = controlRow(id);
            long[] s = sums.getOrDefault(id, new long[8]);
            long[] d = dispositions.getOrDefault(id, new long[counted.size()]);
            lines.add(new ControlLine(id, text(c, "control_name"), text(c, "control_test"), s[0], s[1], s[2], s[3], s[4],
                    s[5], s[6], s[7], d[0], d[1], d[2], d[3], d[4]));
        }
        return lines;
    }

    /** Every control on every date of the month, zero where nothing happened, so the chart has no holes. */
    private List<TrendPoint> trend() {
        Map<String, long[]> byDateAndControl = new TreeMap<>();
        for (Row r : tables.collect(WarehouseTables.DAILY_SUMMARY)) {
            long[] s = byDateAndControl.computeIfAbsent(r.getAs("business_date").toString() + "|" + r.getAs("control_id"),
                    k -> new long[2]);
            s[0] += r.<Long>getAs("population");
            s[1] += r.<Long>getAs("exceptions");
        }
        List<TrendPoint> points = new ArrayList<>();
        for (LocalDate d : tables.dates()) {
            for (String id : controlIds) {
                long[] s = byDateAndControl.getOrDefault(d + "|" + id, new long[2]);
                points.add(new TrendPoint(d, id, s[0], s[1]));
            }
        }
        return points;
    }

    private Completeness completeness(RunPass runs, List<ExceptionLine> gaps) {
        Map<String, long[]> bySource = new TreeMap<>();
        Map<String, String> example = new TreeMap<>();
        for (Row q : tables.collect(WarehouseTables.QUARANTINE)) {
            bySource.computeIfAbsent(q.getAs("source"), k -> new long[1])[0]++;
            example.computeIfAbsent(q.getAs("source"), k -> quarantineReasons.render(settings.locale(), q.getAs("reason")));
        }
        List<QuarantineCount> quarantine = new ArrayList<>();
        bySource.forEach((source, n) -> quarantine.add(new QuarantineCount(source, n[0], example.get(source))));
        List<SourceCoverage> coverage = new ArrayList<>();
        runs.coverage.forEach((controller, c) -> coverage.add(new SourceCoverage(controller, c[0] + c[1] + c[2], c[0], c[1], c[2])));
        return new Completeness(coverage, gaps.size(), gaps, quarantine);
    }

    /** C4's members the warehouse keeps: change and toggle approvals used this month, and unapproved actions. */
    private void changeControlMembers(AuditorSample sample, List<Row> findings) {
        String c4 = controlOf(ReasonCode.UNAPPROVED_CONFIG_CHANGE);
        Set<String> changeTypes = Set.of("CHANGE", "ENABLE", "DISABLE", "EMERGENCY");
        Map<String, Row> firstUse = new TreeMap<>();
        tables.forEach(WarehouseTables.APPROVAL, a -> {
            String type = a.getAs("request_type");
            if (type != null && changeTypes.contains(type)) firstUse.putIfAbsent(a.getAs("approval_no"), a);
        });
        firstUse.forEach((no, a) -> sample.offer(c4, "APPROVAL", no, a.getAs("business_date"), a.getAs("status"),
                null, no));
        for (Row f : findings) {
            if (!c4.equals(f.getAs("control_id"))) continue;
            String unit = f.getAs("controller") + "/" + f.getAs("job_name") + "@" + f.getAs("occurred_at");
            sample.offer(c4, "FINDING", unit, f.getAs("business_date"), "EXCEPTION", f.getAs("reason_code"),
                    f.getAs("approval_no"));
        }
    }

    private ExceptionLine exception(Row f) {
        Row c = catalogByCode.get(f.<String>getAs("reason_code"));
        FindingStatus status = statuses.getOrDefault(f.<String>getAs("finding_id"), FindingStatus.open(f.getAs("finding_id")));
        return new ExceptionLine(f.getAs("control_id"), text(c, "control_name"), f.getAs("reason_code"), text(c, "reason"),
                f.getAs("severity"), f.getAs("business_date"), f.getAs("controller"), f.getAs("job_name"),
                f.getAs("build_number"), f.getAs("approval_no"), f.getAs("actor"), instant(f.getAs("occurred_at")),
                detail(f), f.getAs("finding_id"), status.disposition().name(), status.reference());
    }

    /** The detail line in the report's language, from the finding's fields; the stored English line when it has none. */
    private String detail(Row f) {
        return details.renderOrStored(settings.locale(), f.getAs("reason_code"), f.getAs("detail_fields"), f.getAs("detail"));
    }

    private List<ExceptionLine> only(List<ExceptionLine> lines, ReasonCode code) {
        return lines.stream().filter(l -> l.reasonCode().equals(code.name())).toList();
    }

    private Row controlRow(String controlId) {
        return catalogByCode.values().stream().filter(r -> controlId.equals(r.getAs("control_id"))).findFirst().orElseThrow();
    }

    private String controlOf(ReasonCode code) {
        return catalogByCode.get(code.name()).<String>getAs("control_id");
    }

    /** Catalog text in the report's language: {@code control_name} reads control_name_ko or control_name_en. */
    private String text(Row catalogRow, String column) {
        return catalogRow == null ? "" : catalogRow.getAs(column + (korean ? "_ko" : "_en"));
    }

    static Instant instant(Object v) {
        return v == null ? null : v instanceof Instant i ? i : ((java.sql.Timestamp) v).toInstant();
    }

    /** The one pass over the month's runs: sources per controller, failure-report outcomes, sample draws. */
    private final class RunPass {
        final Map<String, long[]> coverage = new TreeMap<>();
        final AuditorSample sample;
        long failed;
        long notReported;
        long notApproved;
        long pending;

        RunPass(AuditorSample sample) {
            this.sample = sample;
        }

        void accept(Row r) {
            boolean builds = Boolean.TRUE.equals(r.getAs("in_build_records"));
            boolean audit = Boolean.TRUE.equals(r.getAs("in_audit_trail"));
            coverage.computeIfAbsent(r.getAs("controller"), k -> new long[3])[builds && audit ? 0 : builds ? 1 : 2]++;
            String codes = r.getAs("reason_codes");
            List<String> reasons = codes == null || codes.isEmpty() ? List.of() : Arrays.asList(codes.split(","));
            boolean failedRun = "FAILURE".equals(r.getAs("result"));
            if (failedRun) {
                failed++;
                if (reasons.contains(ReasonCode.FAILURE_NOT_REPORTED.name())) notReported++;
                else if (reasons.contains(ReasonCode.FAILURE_REPORT_UNAPPROVED.name())) notApproved++;
                else if ("PENDING".equals(r.getAs("control_status"))) pending++;
            }
            String approvalNo = r.getAs("approval_no");
            boolean manual = Trigger.valueOf(r.getAs("trigger_type")).isManual() || approvalNo != null;
            String unit = r.getAs("controller") + "/" + r.getAs("job_name") + "#" + r.getAs("build_number");
            for (String control : ControlPopulations.ofRun(ReportContents.this::controlOf, manual, failedRun)) {
                sample.offer(control, "RUN", unit, r.getAs("business_date"), r.getAs("control_status"), codes, approvalNo);
            }
        }

        FailureReports failures(List<ExceptionLine> open) {
            List<ExceptionLine> oldestFirst = open.stream().sorted(Comparator.comparing(ExceptionLine::occurredAt,
                    Comparator.nullsLast(Comparator.naturalOrder()))).toList();
            return new FailureReports(failed, failed - notReported - notApproved - pending, notApproved, notReported,
                    pending, oldestFirst);
        }
    }
}
