package io.auditwarehouse.portal;

import io.auditwarehouse.config.AppConfig;
import io.auditwarehouse.sinks.AppendOnlyLog;
import io.auditwarehouse.sinks.AppendOnlyTables;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

import java.time.Instant;
import java.util.List;

/** {@code portal_access} in the warehouse: an append-only table (embedded Parquet or MySQL), one row per event. */
public final class PortalAccessLog implements AccessLog {

    private final AppendOnlyLog log;

    public PortalAccessLog(AppendOnlyLog log) {
        this.log = log;
    }

    public static AccessLog of(AppConfig config) {
        return new PortalAccessLog(AppendOnlyLog.of(config));
    }

    @Override
    public void record(AccessEvent e) {
        log.append(AppendOnlyTables.PORTAL_ACCESS, List.of(RowFactory.create(e.accessId(), e.at(), e.user(), e.role(),
                e.action().name(), e.file(), e.sha256(), e.clientAddress(), e.userAgent(), e.detail())));
    }

    @Override
    public List<AccessEvent> all() {
        return log.read(AppendOnlyTables.PORTAL_ACCESS).stream().map(PortalAccessLog::event).toList();
    }

    private static AccessEvent event(Row r) {
        return new AccessEvent(r.getString(0), (Instant) r.get(1), r.getString(2), r.getString(3),
                AccessEvent.Action.valueOf(r.getString(4)), r.getString(5), r.getString(6), r.getString(7), r.getString(8), r.getString(9));
    }
}
