package io.auditwarehouse.cli;

import io.auditwarehouse.runtime.SparkTestSession;
import io.auditwarehouse.sinks.AppendOnlyLog;
import io.auditwarehouse.sinks.AppendOnlyTables;
import io.auditwarehouse.sinks.ParquetAppendLog;
import io.auditwarehouse.sinks.ParquetWarehouse;
import io.auditwarehouse.sinks.WarehouseTables;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `sql` prints the same table, CSV and JSON whichever engine answers, over every warehouse table. */
class SqlEnginesTest {

    /** Portable queries, each column named, ordered to one row order under both engines' NULL ordering. */
    static final List<String> QUERIES = List.of(
            "select * from recon_run order by controller, job_name, build_number",
            "select * from recon_finding order by finding_id",
            "select * from recon_approval order by business_date, approval_no",
            "select * from recon_daily_summary order by business_date, controller, control_id",
            "select * from control_catalog order by control_id, reason_code",
            "select * from recon_batch order by batch_id",
            "select * from recon_quarantine order by source, document_id",
            "select * from recon_finding_review order by review_id",
            "select job_name, build_number, actor from recon_finding order by job_name, build_number desc, actor",
            "select reason_code, count(*) as n, min(occurred_at) as first_at, max(business_date) as last_date "
                    + "from recon_finding group by reason_code order by reason_code",
            "select sum(duration_ms) as total_ms, sum(build_number) as builds, count(distinct job_name) as jobs, "
                    + "max(approval_decided_at) as decided from recon_run",
            "select count(*) as n from recon_finding where business_date = date '2026-10-02' "
                    + "and occurred_at >= timestamp '2026-10-02 01:02:03'",
            "select control_name_ko, reason_ko from control_catalog where control_name_ko like '%승인%' order by 1, 2",
            "select 1 as one, 'text' as t, cast(null as int) as nothing, 2.50 as price, 7 / 2 as half");

    static final String EDGE_DETAIL = "승인 없이 실행, \"따옴표\"와 쉼표";

    @TempDir
    static Path out;

    @BeforeAll
    static void warehouse() throws Exception {
        Cli.expect(0, "nightly", "--input", WorkedExampleTest.resource("worked-example").toString(), "--out", out.toString(),
                "--date", "2026-10-01", "--as-of", "2026-10-10T00:00:00+09:00");
        // a second date written the way the warehouse writes: microseconds, NULLs, Korean text with quotes and commas
        LocalDate date = LocalDate.parse("2026-10-02");
        append(WarehouseTables.FINDING, WarehouseTables.FINDING_SCHEMA,
                RowFactory.create("edge-1", date, "C9", "BUILD_NUMBER_GAP", "LOW", "batch-a", null, null, null, null,
                        Instant.parse("2026-10-02T01:02:03.000456Z"), EDGE_DETAIL, "b1", "b1"),
                RowFactory.create("edge-2", date, "C9", "BUILD_NUMBER_GAP", "LOW", "batch-a", "정산/야간", Integer.MAX_VALUE,
                        "CHG-9", "kim", Instant.parse("2026-10-02T23:59:59Z"), null, "b1", "b1"));
        // the worked example leaves these two tables empty
        append(WarehouseTables.APPROVAL, WarehouseTables.APPROVAL_SCHEMA,
                RowFactory.create(date, "CHG-9", "STANDARD", "batch-a", "정산/야간", "APPROVED", "lee", "kim",
                        Instant.parse("2026-10-01T09:00:00.5Z"), Instant.parse("2026-10-01T00:00:00Z"), null, 3,
                        Long.MAX_VALUE, 0L, null, null, 1L, "b1"));
        append(WarehouseTables.QUARANTINE, WarehouseTables.QUARANTINE_SCHEMA,
                RowFactory.create("builds", "builds.ndjson@7", "not JSON", "{\"data\": 한글", "b1", "b1"));
        // an append-only table, written in two appends, the second repeating an id
        AppendOnlyLog reviews = new ParquetAppendLog(out.resolve("warehouse"));
        reviews.append(AppendOnlyTables.FINDING_REVIEW, List.of(RowFactory.create("R-1", "edge-1", "RISK_ACCEPTED", "CHG-9",
                "위험 수용, \"따옴표\"", "lee", Instant.parse("2026-10-03T01:00:00.123Z"), null)));
        reviews.append(AppendOnlyTables.FINDING_REVIEW, List.of(
                RowFactory.create("R-1", "edge-1", "FALSE_POSITIVE", null, "repeated id: not kept", "kim", Instant.parse("2026-10-04T00:00:00Z"), null),
                RowFactory.create("R-2", "edge-1", "APPROVED", null, null, "kim", Instant.parse("2026-10-04T00:00:00Z"), "R-1")));
    }

    /** Published the way a batch publishes: staged, then committed in a snapshot (a dated table: for 2026-10-02 only). */
    private static void append(String table, StructType schema, Row... rows) {
        ParquetWarehouse warehouse = new ParquetWarehouse(SparkTestSession.get(), out.resolve("warehouse"));
        String batch = "edge-" + table;
        warehouse.stage(batch, table, SparkTestSession.get().createDataFrame(List.of(rows), schema));
        warehouse.publish(batch, List.of(table), List.of(LocalDate.parse("2026-10-02")));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"csv", "json", "table"})
    void bothEnginesPrintTheSame(String format) {
        for (String query : QUERIES) {
            String duck = sql("duckdb", format, query);
            assertEquals(sql("spark", format, query), duck, query);
            assertTrue(duck.lines().count() > switch (format) { case "json" -> 0; case "csv" -> 1; default -> 3; }, "rows to compare:\n" + query + "\n" + duck);
        }
    }

    @Test
    void timestampsDatesNullsAndTextPrintAsDocumented() {
        for (String engine : List.of("duckdb", "spark")) {
            assertEquals(List.of("finding_id,business_date,occurred_at,actor,build_number,detail",
                            "edge-1,2026-10-02,2026-10-02T01:02:03.000456Z,,,\"승인 없이 실행, \"\"따옴표\"\"와 쉼표\"",
                            "edge-2,2026-10-02,2026-10-02T23:59:59Z,kim,2147483647,"),
                    sql(engine, "csv", "select finding_id, business_date, occurred_at, actor, build_number, detail "
                            + "from recon_finding where business_date = '2026-10-02' order by 1").lines().toList(), engine);
            assertEquals(List.of("{\"finding_id\":\"edge-1\",\"business_date\":\"2026-10-02\",\"occurred_at\":\"2026-10-02T01:02:03.000456Z\"}"),
                    sql(engine, "json", "select finding_id, business_date, occurred_at, actor from recon_finding "
                            + "where finding_id = 'edge-1'").lines().toList(), engine);
        }
    }

    @Test
    void anAppendOnlyTableReadsOneRowPerIdTheFirstAppended() {
        for (String engine : List.of("duckdb", "spark")) {
            assertEquals(List.of("review_id,disposition,reviewed_at,approves_review_id",
                            "R-1,RISK_ACCEPTED,2026-10-03T01:00:00.123Z,", "R-2,APPROVED,2026-10-04T00:00:00Z,R-1"),
                    sql(engine, "csv", "select review_id, disposition, reviewed_at, approves_review_id from recon_finding_review "
                            + "order by review_id").lines().toList(), engine);
        }
    }

    @Test
    void anArrayPrintsAsAListInEveryFormat() {
        // no warehouse column is an array; a query can still make one, in each engine's own syntax
        String duck = "select list(build_number order by build_number) as builds from recon_run";
        String spark = "select sort_array(collect_list(build_number)) as builds from recon_run";
        assertEquals(List.of("builds", "\"[10, 11, 12, 14]\""), sql("duckdb", "csv", duck).lines().toList());
        assertEquals(sql("spark", "csv", spark), sql("duckdb", "csv", duck));
        assertEquals("{\"builds\":[10,11,12,14]}", sql("duckdb", "json", duck).strip());
        assertEquals(sql("spark", "json", spark), sql("duckdb", "json", duck));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"duckdb", "spark"})
    void aBadQueryIsOneLineAndExitCodeTwo(String engine) {
        for (String[] bad : List.of(new String[]{"selec 1", "selec"}, new String[]{"select * from no_such_table", "no_such_table"},
                new String[]{"select no_such_column from recon_run", "no_such_column"})) {
            Cli r = Cli.expect(2, "sql", "--engine", engine, "--out", out.toString(), bad[0]);
            List<String> errors = r.err().lines().filter(l -> l.startsWith("error")).toList();
            assertEquals(1, errors.size(), r.err());
            assertTrue(errors.get(0).startsWith("error (configuration error): QUERY: ") && errors.get(0).contains(bad[1]), errors.get(0));
            assertFalse(r.err().contains("\tat "), r.err());
        }
    }

    @Test
    void anUnpublishedTableReadsAsEmptyWithItsColumns() throws Exception {
        Path fresh = out.resolve("only-catalog");
        java.nio.file.Files.createDirectories(fresh.resolve("warehouse/control_catalog"));
        for (String engine : List.of("duckdb", "spark")) {
            assertEquals(List.of("business_date,finding_id"), sql(fresh, engine, "csv",
                    "select business_date, finding_id from recon_finding").lines().toList(), engine);
        }
    }

    private static String sql(String engine, String format, String query) {
        return sql(out, engine, format, query);
    }

    private static String sql(Path warehouse, String engine, String format, String query) {
        return Cli.expect(0, "sql", "--engine", engine, "--out", warehouse.toString(), "--format", format, query).out();
    }
}
