package io.auditwarehouse.portal;

import io.auditwarehouse.config.AppConfig;

import java.util.ArrayList;
import java.util.List;

/** portal_access. INTERIM: held in memory until the warehouse's append-only tables (reviews branch) are merged. */
public final class PortalAccessLog implements AccessLog {

    private final List<AccessEvent> events = new ArrayList<>();

    public static AccessLog of(AppConfig config) {
        return new PortalAccessLog();
    }

    @Override
    public synchronized void record(AccessEvent event) {
        events.add(event);
    }

    @Override
    public synchronized List<AccessEvent> all() {
        return List.copyOf(events);
    }
}
