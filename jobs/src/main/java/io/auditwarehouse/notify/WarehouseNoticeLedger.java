package io.auditwarehouse.notify;

import io.auditwarehouse.sinks.AppendOnlyLog;
import io.auditwarehouse.sinks.AppendOnlyTable;
import io.auditwarehouse.sinks.AppendOnlyTables;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The notification ledger as the append-only table {@code recon_notification} of the configured warehouse. */
public final class WarehouseNoticeLedger implements NoticeLedger {

    private static final AppendOnlyTable TABLE = AppendOnlyTables.NOTIFICATION_LEDGER;

    private final AppendOnlyLog log;
    /** target -> subjects, read once per instance (one batch), kept up to date by {@link #record}. */
    private Map<String, Set<String>> announced;

    private WarehouseNoticeLedger(AppendOnlyLog log) {
        this.log = log;
    }

    /** @param log the publishing warehouse's own ({@code WarehouseSink.appendOnly()}), so no second connection is opened */
    public static NoticeLedger of(AppendOnlyLog log) {
        return new WarehouseNoticeLedger(log);
    }

    /** The natural id: target names cannot hold '|' (ConfigLoader checks them). */
    static String noticeId(String target, String subject) {
        return target + "|" + subject;
    }

    @Override
    public Set<String> announced(String target) {
        if (announced == null) {
            announced = new HashMap<>();
            for (Row r : log.read(TABLE)) {
                announced.computeIfAbsent(r.getString(1), t -> new HashSet<>()).add(r.getString(2));
            }
        }
        return Set.copyOf(announced.getOrDefault(target, Set.of()));
    }

    @Override
    public void record(String target, Collection<String> subjects, String kind, String batchId, Instant sentAt) {
        List<Row> rows = new ArrayList<>();
        for (String s : subjects) rows.add(RowFactory.create(noticeId(target, s), target, s, kind, batchId, sentAt));
        log.append(TABLE, rows);
        if (announced != null) announced.computeIfAbsent(target, t -> new HashSet<>()).addAll(subjects);
    }
}
