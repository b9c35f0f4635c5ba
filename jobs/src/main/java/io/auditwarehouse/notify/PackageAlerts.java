package io.auditwarehouse.notify;

import io.auditwarehouse.config.AppConfig;
import io.auditwarehouse.runtime.Progress;
import io.auditwarehouse.sinks.WarehouseSink;

import java.nio.file.Path;
import java.time.YearMonth;

/** The one call the report command and the scheduled report make once a package is issued (under the writer lock). */
public final class PackageAlerts {

    private PackageAlerts() {
    }

    /** @return the note for the summary, or null when no target is configured */
    public static String issued(AppConfig config, WarehouseSink warehouse, Progress progress, YearMonth month, Path dir, String by) {
        Notifier notifier = Notifier.of(config, progress::step);
        if (!notifier.enabled()) return null;
        return notifier.packageIssued(month, dir, WarehouseNoticeLedger.of(warehouse.appendOnly()), by).note();
    }
}
