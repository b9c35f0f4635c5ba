package io.auditwarehouse.report.content;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;

/**
 * What the PDF and the XLSX say about a month, computed once from the warehouse tables (never the sources), so
 * the two renderings cannot disagree. Plain values only: renderers format, they do not count.
 *
 * @param locale          {@code ko} or {@code en}: which catalog names and labels to print
 * @param zone            business zone: every instant is printed in it
 * @param contentSha256   SHA-256 over the data files of the package (the CSVs): printed on the cover, recorded
 *                        in the manifest (the manifest itself also lists the PDF, so the PDF cannot print its digest)
 * @param previousManifestSha256 the chain link to the previous month, null for the first package
 * @param seedSource      where the sample seed came from: {@code --seed}, {@code config} or {@code default}
 */
public record ReportContent(
        YearMonth month,
        String locale,
        ZoneId zone,
        Instant asOf,
        String softwareVersion,
        List<String> controllers,
        String contentSha256,
        String previousManifestSha256,
        long seed,
        String seedSource,
        List<ControlLine> controls,
        List<TrendPoint> trend,
        List<ExceptionLine> exceptions,
        FailureReports failureReports,
        Completeness completeness,
        List<SampleItem> sample,
        List<Restatement> restatements) {

    /** The change of a restatement line naming a review recorded after the last issued package (issue 12). */
    public static final String REVIEWED = "REVIEWED";

    /** One control's month: catalog text in the report's locale and its totals (population is 0 when it has none). */
    public record ControlLine(String controlId, String name, String test, long population, long compliant,
                              long exceptions, long pending, long high, long medium, long low, long info,
                              long open, long acknowledged, long remediated, long riskAccepted, long falsePositive) {

        /** A control none of whose findings has been reviewed: all open. */
        public ControlLine(String controlId, String name, String test, long population, long compliant, long exceptions,
                           long pending, long high, long medium, long low, long info) {
            this(controlId, name, test, population, compliant, exceptions, pending, high, medium, low, info,
                    high + medium + low + info, 0, 0, 0, 0);
        }

        public long findings() {
            return high + medium + low + info;
        }
    }

    /** One control on one business date: the daily trend chart's point. */
    public record TrendPoint(LocalDate date, String controlId, long population, long exceptions) {
    }

    /** One finding, as the exceptions listing prints it; {@code reason} is the catalog text in the locale. */
    /**
     * @param disposition the finding's current disposition (recon_finding_status: OPEN without a counting review)
     * @param reference   the reference of the review that gave it, or null
     */
    public record ExceptionLine(String controlId, String controlName, String reasonCode, String reason, String severity,
                                LocalDate businessDate, String controller, String jobName, Integer buildNumber,
                                String approvalNo, String actor, Instant occurredAt, String detail, String findingId,
                                String disposition, String reference) {

        /** A finding nobody has reviewed. */
        public ExceptionLine(String controlId, String controlName, String reasonCode, String reason, String severity,
                             LocalDate businessDate, String controller, String jobName, Integer buildNumber,
                             String approvalNo, String actor, Instant occurredAt, String detail, String findingId) {
            this(controlId, controlName, reasonCode, reason, severity, businessDate, controller, jobName, buildNumber,
                    approvalNo, actor, occurredAt, detail, findingId, "OPEN", null);
        }
    }

    /**
     * C5 for the month: failed runs by what happened to their failure report.
     *
     * @param open failure reports filed but not approved (FAILURE_REPORT_UNAPPROVED findings), oldest first
     */
    public record FailureReports(long failedRuns, long reportedAndApproved, long reportedNotApproved, long notReported,
                                 long pending, List<ExceptionLine> open) {
    }

    /** Population and completeness: where each run was seen, the build-number gaps, what was quarantined. */
    public record Completeness(List<SourceCoverage> coverage, long buildNumberGaps, List<ExceptionLine> gaps,
                               List<QuarantineCount> quarantine) {
    }

    /** Runs of one controller by the sources that saw them. */
    public record SourceCoverage(String controller, long runs, long bothSources, long buildRecordsOnly,
                                 long auditTrailOnly) {
    }

    /** Quarantined inputs of one source, with one example reason. */
    public record QuarantineCount(String source, long count, String exampleReason) {
    }

    /**
     * One member of a control's sample. Members are ranked by SHA-256 of "seed:control:unit" and the lowest
     * {@code size} taken, so anyone holding the seed and the population can redraw it.
     *
     * @param unitType RUN (controller/job#build), APPROVAL (approval number) or FINDING (a finding without a run)
     * @param status   COMPLIANT, EXCEPTION or PENDING for runs; the approval status or severity otherwise
     */
    public record SampleItem(String controlId, int ordinal, int sampleSize, long population, String unitType,
                             String unit, LocalDate businessDate, String status, String reasonCodes, String approvalNo,
                             String rankKey) {
    }

    /**
     * A finding that differs from the last issued package of the month, or (change {@link #REVIEWED}) a review recorded
     * since that package was issued.
     *
     * @param change ADDED, REMOVED, CHANGED or REVIEWED
     * @param before what the last issued package said (null for ADDED)
     * @param after  what this package says (null for REMOVED)
     */
    public record Restatement(String change, String findingId, String controlId, String reasonCode,
                              LocalDate businessDate, String subject, String before, String after) {
    }
}
