package io.auditwarehouse.report.pdf;

import io.auditwarehouse.report.content.ReportContent.ExceptionLine;
import io.auditwarehouse.report.content.ReportContent.TrendPoint;
import io.auditwarehouse.report.content.ReportContent;
import net.sf.jasperreports.engine.JRParameter;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.TimeZone;

/** The master template's parameters: the cover's values, the section counts, a data source and a compiled subreport per table. */
final class EvidenceParameters {

    private EvidenceParameters() {
    }

    static Map<String, Object> of(ReportContent c, ResourceBundle labels, Glyphs glyphs, Instant generatedAt) {
        Map<String, Object> p = new HashMap<>();
        p.put(JRParameter.REPORT_LOCALE, Locale.forLanguageTag(c.locale()));
        p.put(JRParameter.REPORT_TIME_ZONE, TimeZone.getTimeZone(c.zone()));
        p.put(JRParameter.REPORT_RESOURCE_BUNDLE, labels);

        p.put("month", c.month().toString());
        p.put("period", c.month().atDay(1) + " – " + c.month().atEndOfMonth());
        p.put("controllers", c.controllers().isEmpty() ? null : glyphs.printable(String.join(", ", c.controllers())));
        p.put("generatedAt", generatedAt);
        p.put("asOf", c.asOf());
        p.put("softwareVersion", c.softwareVersion());
        p.put("contentSha256", c.contentSha256());
        p.put("previousManifestSha256", c.previousManifestSha256());
        p.put("seed", Long.toString(c.seed()));
        // "--seed" names the option; the label keys are seed, config and default
        p.put("seedSource", c.seedSource().replace("-", ""));

        p.put("exceptionCount", c.exceptions().size());
        ReportContent.FailureReports f = c.failureReports();
        p.put("failedRuns", f.failedRuns());
        p.put("reportedAndApproved", f.reportedAndApproved());
        p.put("reportedNotApproved", f.reportedNotApproved());
        p.put("notReported", f.notReported());
        p.put("failurePending", f.pending());
        p.put("buildNumberGaps", c.completeness().buildNumberGaps());

        Map<String, String> names = new LinkedHashMap<>();
        c.controls().forEach(line -> names.put(line.controlId(), glyphs.printable(line.name())));
        p.put("controlNames", names);

        p.put("controlRows", rows(c.controls(), c, glyphs));
        p.put("trendRows", rows(c.trend().stream()
                .sorted(Comparator.comparing(TrendPoint::date).thenComparing(TrendPoint::controlId)).toList(), c, glyphs));
        p.put("exceptionRows", rows(byControl(c.exceptions()), c, glyphs));
        p.put("openFailureRows", rows(byControl(f.open()), c, glyphs));
        p.put("gapRows", rows(byControl(c.completeness().gaps()), c, glyphs));
        p.put("coverageRows", rows(c.completeness().coverage(), c, glyphs));
        p.put("quarantineRows", rows(c.completeness().quarantine(), c, glyphs));
        p.put("sampleRows", rows(c.sample().stream()
                .sorted(Comparator.comparing(ReportContent.SampleItem::controlId)).toList(), c, glyphs));
        p.put("restatementRows", rows(c.restatements(), c, glyphs));

        p.put("controlsReport", Templates.get("controls"));
        p.put("findingsReport", Templates.get("findings"));
        p.put("coverageReport", Templates.get("coverage"));
        p.put("quarantineReport", Templates.get("quarantine"));
        p.put("sampleReport", Templates.get("sample"));
        p.put("restatementsReport", Templates.get("restatements"));
        return p;
    }

    /** Groups print one header per control: a stable sort keeps the content's order inside each control. */
    private static List<ExceptionLine> byControl(List<ExceptionLine> lines) {
        return lines.stream().sorted(Comparator.comparing(ExceptionLine::controlId)).toList();
    }

    private static <T extends Record> RecordRows<T> rows(List<T> list, ReportContent c, Glyphs glyphs) {
        return new RecordRows<>(list, c.zone(), glyphs);
    }
}
