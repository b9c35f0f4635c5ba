package io.auditwarehouse.report.xlsx;

import io.auditwarehouse.report.content.ReportContent.ControlLine;
import io.auditwarehouse.report.content.ReportContent.ExceptionLine;
import io.auditwarehouse.report.content.ReportContent.QuarantineCount;
import io.auditwarehouse.report.content.ReportContent.Restatement;
import io.auditwarehouse.report.content.ReportContent.SampleItem;
import io.auditwarehouse.report.content.ReportContent.SourceCoverage;
import io.auditwarehouse.report.content.ReportContent.TrendPoint;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.util.ArrayList;
import java.util.List;

/** The workbook's tables: headers in snake_case like the package's CSV files, so the two line up for analysis. */
final class Columns {

    static final List<Column<ControlLine>> CONTROLS = List.of(
            Column.text("control_id", ControlLine::controlId),
            Column.text("control_name", 36, ControlLine::name),
            Column.text("control_test", 48, ControlLine::test),
            Column.number("population", ControlLine::population),
            Column.number("compliant", ControlLine::compliant),
            Column.number("exceptions", ControlLine::exceptions),
            Column.number("pending", ControlLine::pending),
            Column.number("findings_high", ControlLine::high),
            Column.number("findings_medium", ControlLine::medium),
            Column.number("findings_low", ControlLine::low),
            Column.number("findings_info", ControlLine::info),
            Column.number("findings", ControlLine::findings),
            Column.number("open", ControlLine::open),
            Column.number("remediated", ControlLine::remediated),
            Column.number("risk_accepted", ControlLine::riskAccepted),
            Column.number("false_positive", ControlLine::falsePositive),
            Column.number("acknowledged", ControlLine::acknowledged));

    static final List<Column<TrendPoint>> TREND = List.of(
            Column.text("control_id", TrendPoint::controlId),
            Column.date("business_date", TrendPoint::date),
            Column.number("population", TrendPoint::population),
            Column.number("exceptions", TrendPoint::exceptions));

    /** Also the columns of the build-number gaps on the Completeness sheet: a gap is a finding too. */
    static final List<Column<ExceptionLine>> EXCEPTIONS = List.of(
            Column.text("control_id", ExceptionLine::controlId),
            Column.text("control_name", 36, ExceptionLine::controlName),
            Column.text("reason_code", 28, ExceptionLine::reasonCode),
            Column.text("reason", 48, ExceptionLine::reason),
            Column.text("severity", ExceptionLine::severity),
            Column.date("business_date", ExceptionLine::businessDate),
            Column.text("controller", ExceptionLine::controller),
            Column.text("job_name", 28, ExceptionLine::jobName),
            Column.number("build_number", ExceptionLine::buildNumber),
            Column.text("approval_no", ExceptionLine::approvalNo),
            Column.text("actor", ExceptionLine::actor),
            Column.dateTime("occurred_at", ExceptionLine::occurredAt),
            Column.text("detail", 60, ExceptionLine::detail),
            Column.text("finding_id", 24, ExceptionLine::findingId),
            Column.text("disposition", 16, ExceptionLine::disposition),
            Column.text("reference", 20, ExceptionLine::reference));

    static final List<Column<SampleItem>> SAMPLE = List.of(
            Column.text("control_id", SampleItem::controlId),
            Column.number("ordinal", SampleItem::ordinal),
            Column.number("sample_size", SampleItem::sampleSize),
            Column.number("population", SampleItem::population),
            Column.text("unit_type", SampleItem::unitType),
            Column.text("unit", 36, SampleItem::unit),
            Column.date("business_date", SampleItem::businessDate),
            Column.text("status", SampleItem::status),
            Column.text("reason_codes", 36, SampleItem::reasonCodes),
            Column.text("approval_no", SampleItem::approvalNo),
            Column.text("rank_key", 66, SampleItem::rankKey));

    static final List<Column<SourceCoverage>> COVERAGE = List.of(
            Column.text("controller", SourceCoverage::controller),
            Column.number("runs", SourceCoverage::runs),
            Column.number("both_sources", SourceCoverage::bothSources),
            Column.number("build_records_only", SourceCoverage::buildRecordsOnly),
            Column.number("audit_trail_only", SourceCoverage::auditTrailOnly));

    static final List<Column<QuarantineCount>> QUARANTINE = List.of(
            Column.text("quarantined_source", QuarantineCount::source),
            Column.number("quarantined", QuarantineCount::count),
            Column.text("example_reason", 60, QuarantineCount::exampleReason));

    static final List<Column<Restatement>> RESTATEMENTS = List.of(
            Column.text("change", Restatement::change),
            Column.text("finding_id", 24, Restatement::findingId),
            Column.text("control_id", Restatement::controlId),
            Column.text("reason_code", 28, Restatement::reasonCode),
            Column.date("business_date", Restatement::businessDate),
            Column.text("subject", 36, Restatement::subject),
            Column.text("before", 48, Restatement::before),
            Column.text("after", 48, Restatement::after));

    private Columns() {
    }

    /** Every column of a warehouse table in schema order, typed from its Spark type, headed by its name. */
    static List<Column<Row>> of(StructType schema) {
        List<Column<Row>> columns = new ArrayList<>();
        StructField[] fields = schema.fields();
        for (int i = 0; i < fields.length; i++) {
            int index = i;
            columns.add(new Column<>(fields[i].name(), CellKind.of(fields[i].dataType()), 0, r -> r.get(index)));
        }
        return columns;
    }
}
