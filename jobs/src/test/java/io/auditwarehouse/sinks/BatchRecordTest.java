package io.auditwarehouse.sinks;

import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The named factories put each value in the recon_batch column of that name. */
class BatchRecordTest {

    private static final Instant STARTED = Instant.parse("2026-10-02T01:00:00Z");
    private static final Instant AS_OF = Instant.parse("2026-10-10T00:00:00Z");
    private static final LocalDate D1 = LocalDate.of(2026, 10, 1);
    private static final LocalDate D2 = LocalDate.of(2026, 10, 3);

    private static Map<String, Object> columns(BatchRecord r) {
        Row row = r.toRow();
        Map<String, Object> byName = new HashMap<>();
        String[] names = BatchRecord.SCHEMA.fieldNames();
        for (int i = 0; i < names.length; i++) byName.put(names[i], row.get(i));
        return byName;
    }

    private static BatchRecord started() {
        return BatchRecord.started("b-1", "nightly", D1, D1, STARTED, AS_OF, "1.2.3", "cfg");
    }

    @Test
    void aStartedBatchIsRunningWithNothingReadOrWritten() {
        Map<String, Object> c = columns(started());
        assertEquals("b-1", c.get("batch_id"));
        assertEquals("nightly", c.get("kind"));
        assertEquals("RUNNING", c.get("status"));
        assertEquals(STARTED, c.get("started_at"));
        assertNull(c.get("finished_at"));
        assertEquals(AS_OF, c.get("as_of"));
        assertEquals(0L, c.get("builds_read"));
        assertEquals(0L, c.get("runs_written"));
        assertEquals("1.2.3", c.get("software_version"));
        assertEquals("cfg", c.get("config_digest"));
    }

    @Test
    void aCompletedBatchKeepsWhatItReadAndRecordsWhatItWrote() {
        Instant watermark = Instant.parse("2026-10-01T23:59:00Z");
        Instant done = STARTED.plusSeconds(30);
        BatchRecord r = started().reading(new BatchRecord.SourcesRead(10, 20, 30, 40, 5, watermark))
                .completed(done, new BatchRecord.RowsWritten(1, 2, 3, 4), "ok");
        Map<String, Object> c = columns(r);
        assertEquals("COMPLETED", c.get("status"));
        assertEquals(done, c.get("finished_at"));
        assertEquals(watermark, c.get("source_watermark"));
        assertEquals(10L, c.get("builds_read"));
        assertEquals(20L, c.get("audit_read"));
        assertEquals(30L, c.get("approvals_read"));
        assertEquals(40L, c.get("users_read"));
        assertEquals(5L, c.get("quarantined"));
        assertEquals(1L, c.get("runs_written"));
        assertEquals(2L, c.get("findings_written"));
        assertEquals(3L, c.get("approvals_written"));
        assertEquals(4L, c.get("summary_rows_written"));
        assertEquals("ok", c.get("message"));
    }

    @Test
    void coveringFailingAndNotingChangeOnlyTheirColumns() {
        BatchRecord running = started().noting("fired by node-1").withManifestDigest("abc");
        BatchRecord failed = running.covering(D1, D2).failed(STARTED.plusSeconds(5), "boom");
        Map<String, Object> c = columns(failed);
        assertEquals(D1, c.get("date_from"));
        assertEquals(D2, c.get("date_to"));
        assertEquals("FAILED", c.get("status"));
        assertEquals("boom", c.get("message"));
        assertEquals("abc", c.get("manifest_digest"));
        assertEquals("fired by node-1", columns(running).get("message"));
        assertEquals(STARTED, c.get("started_at"));
    }
}
