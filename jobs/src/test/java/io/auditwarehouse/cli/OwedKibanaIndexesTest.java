package io.auditwarehouse.cli;

import io.auditwarehouse.errors.Checkpoints;
import io.auditwarehouse.runtime.SparkTestSession;
import io.auditwarehouse.sinks.BatchRecord;
import io.auditwarehouse.sinks.ParquetWarehouse;
import io.auditwarehouse.sinks.WarehouseTables;
import io.auditwarehouse.testing.CliProcess;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Kibana indexes never lag silently (embedded warehouse, bulk files): a nightly stopped in the middle of its index
 * publish by a checkpoint, after the warehouse committed, leaves the ledger saying so; the next nightly, of a later date
 * whose lookback does not reach the first one's dates, republishes them from the warehouse and records that, and the
 * tables and documents then equal those of two undisturbed nightlies.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class OwedKibanaIndexesTest {

    private static final String AS_OF = "2026-10-10T00:00:00+09:00";
    /** Lookback 7 days: 2026-09-24 .. 2026-10-01. */
    private static final String FIRST = "2026-10-01";
    /** 2026-10-02 .. 2026-10-09: none of the first nightly's dates. */
    private static final String SECOND = "2026-10-09";

    @TempDir
    static Path shared;
    @TempDir
    Path tmp;

    private static Map<String, List<String>> undisturbedAfterFirst;
    private static Map<String, List<String>> undisturbedTables;
    private static Map<String, String> undisturbedDocuments;

    @BeforeAll
    static void twoUndisturbedNightlies() throws Exception {
        Path out = shared.resolve("undisturbed");
        Cli.expect(ExitCodes.OK, nightly(out, FIRST));
        undisturbedAfterFirst = WarehouseSnapshot.of(out, false);
        Cli.expect(ExitCodes.OK, nightly(out, SECOND));
        undisturbedTables = WarehouseSnapshot.of(out, false);
        undisturbedDocuments = documents(out);
    }

    @Test
    void aFailedIndexPublishIsRecordedPublishedWarehouseOnlyAndTheNextNightlyOfAnotherDateRepaysIt() throws Exception {
        Path out = tmp.resolve("out");
        CliProcess failed = CliProcess.expect(ExitCodes.WRITE_FAILED, tmp, "failed", List.of(),
                Map.of(Checkpoints.ENV, Checkpoints.MID_INDEX_PUBLISH + ":fail"), nightly(out, FIRST));
        String line = errorLine(failed.output());
        BatchRecord owed = onlyBatch(out);
        assertEquals(BatchRecord.PUBLISHED_WAREHOUSE_ONLY, owed.status(), owed.toString());
        assertEquals("error (write failed): batch " + owed.batchId() + " is PUBLISHED_WAREHOUSE_ONLY: the warehouse is"
                + " published and the Kibana indexes are owed; the next nightly or backfill republishes them (injected fault"
                + " at checkpoint mid-index-publish (AW_TEST_CHECKPOINT))", line);
        assertTrue(owed.message().startsWith("the warehouse is published; the Kibana indexes are owed: injected fault"), owed.message());
        assertEquals(4, owed.runsWritten(), "the rows the warehouse committed are counted");
        assertEquals(undisturbedAfterFirst, WarehouseSnapshot.of(out, false), "the warehouse shows the batch");
        Path findings = out.resolve("kibana/audit-recon-findings-2026.10/2026-10-01.ndjson");
        assertTrue(Files.exists(out.resolve("kibana/audit-recon-runs-2026.10/2026-10-01.ndjson")), "the run documents were written");
        assertFalse(Files.exists(findings), "the finding documents were not: the indexes lag");

        Cli repaid = Cli.expect(ExitCodes.OK, nightly(out, SECOND));
        assertTrue(repaid.err().contains("kibana: republished the Kibana indexes owed by " + owed.batchId()), repaid.err());
        Map<String, BatchRecord> ledger = ledger(out);
        BatchRecord before = ledger.get(owed.batchId());
        BatchRecord after = ledger.values().stream().filter(b -> !b.batchId().equals(owed.batchId())).findFirst().orElseThrow();
        assertEquals(BatchRecord.COMPLETED, before.status());
        assertTrue(before.message().contains("; the Kibana indexes were republished by batch " + after.batchId() + " at 20"),
                before.message());
        assertEquals(owed.finishedAt(), before.finishedAt(), "the warehouse was published when the batch ended");
        assertEquals(BatchRecord.COMPLETED, after.status());
        assertEquals("republished the Kibana indexes owed by " + owed.batchId(), after.message());

        assertEquals(undisturbedTables, WarehouseSnapshot.of(out, false));
        assertSameDocuments(undisturbedDocuments, documents(out));
        assertTrue(documents(out).get("audit-recon-findings-2026.10/2026-10-01.ndjson").contains("\"batch_id\":\"batch 1\""),
                "a republished date's documents name the batch whose rows the warehouse holds");
    }

    @Test
    void aNightlyKilledInTheMiddleOfItsIndexPublishIsFailedAndItsDatesRepublishedByTheNextOne() throws Exception {
        Path out = tmp.resolve("out");
        CliProcess.expect(Checkpoints.HALT_STATUS, tmp, "killed", List.of(),
                Map.of(Checkpoints.ENV, Checkpoints.MID_INDEX_PUBLISH + ":halt"), nightly(out, FIRST));
        BatchRecord dead = onlyBatch(out);
        assertEquals("RUNNING", dead.status(), "a halted process records nothing more");
        assertEquals(undisturbedAfterFirst, WarehouseSnapshot.of(out, false), "the warehouse had committed the batch");

        Cli.expect(ExitCodes.OK, nightly(out, SECOND));
        BatchRecord found = ledger(out).get(dead.batchId());
        assertEquals(BatchRecord.FAILED, found.status());
        assertTrue(found.message().startsWith("the process ended while publishing"), found.message());
        assertTrue(found.message().contains("the Kibana indexes were republished by batch nightly-"), found.message());
        assertEquals(undisturbedTables, WarehouseSnapshot.of(out, false));
        assertSameDocuments(undisturbedDocuments, documents(out));
    }

    private static String[] nightly(Path out, String date) throws Exception {
        return new String[]{"nightly", "--input", WorkedExampleTest.resource("worked-example").toString(), "--out", out.toString(),
                "--date", date, "--as-of", AS_OF};
    }

    private static BatchRecord onlyBatch(Path out) {
        Map<String, BatchRecord> ledger = ledger(out);
        assertEquals(1, ledger.size(), ledger.toString());
        return ledger.values().iterator().next();
    }

    static Map<String, BatchRecord> ledger(Path out) {
        Dataset<Row> rows = new ParquetWarehouse(SparkTestSession.get(), out.resolve("warehouse")).read(WarehouseTables.BATCH);
        Map<String, BatchRecord> ledger = new TreeMap<>();
        rows.collectAsList().stream().map(BatchRecord::of).forEach(b -> ledger.put(b.batchId(), b));
        return ledger;
    }

    /**
     * Every Kibana file by its path under kibana/, each batch id replaced by its place in the ledger ("batch 1" for the
     * first nightly, "batch 2" for the second): the ids differ from run to run, which batch wrote what must not.
     */
    private static Map<String, String> documents(Path out) throws IOException {
        List<String> batches = ledger(out).values().stream().sorted(Comparator.comparing(BatchRecord::startedAt))
                .map(BatchRecord::batchId).toList();
        Path root = out.resolve("kibana");
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.filter(Files::isRegularFile).toList()) {
                String content = Files.readString(p);
                for (int i = 0; i < batches.size(); i++) content = content.replace(batches.get(i), "batch " + (i + 1));
                files.put(root.relativize(p).toString(), content);
            }
        }
        return files;
    }

    /** Document for document, as two undisturbed nightlies left them; a difference names the file and line. */
    private static void assertSameDocuments(Map<String, String> expected, Map<String, String> actual) {
        assertEquals(expected.keySet(), actual.keySet(), "the same files");
        for (String file : expected.keySet()) {
            List<String> want = expected.get(file).lines().toList();
            List<String> got = actual.get(file).lines().toList();
            for (int i = 0; i < Math.min(want.size(), got.size()); i++) assertEquals(want.get(i), got.get(i), file + " line " + (i + 1));
            assertEquals(want.size(), got.size(), file + ": lines");
        }
    }

    private static String errorLine(String output) {
        List<String> errors = output.lines().filter(l -> l.startsWith("error")).toList();
        assertEquals(1, errors.size(), output);
        return errors.get(0);
    }
}
