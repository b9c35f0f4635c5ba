package io.auditwarehouse.config;

import io.auditwarehouse.errors.Checkpoints;
import io.auditwarehouse.model.RuleSettings;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

/** The whole configuration, read once at start ({@link ConfigLoader}) and validated; immutable. */
public record AppConfig(
        Path inputDir,
        Path outputDir,
        ZoneId approvalsZone,
        String approvalParam,
        List<ControllerMapping> controllers,
        Duration lookback,
        RuleSettings rules,
        String sparkMaster,
        ServerSettings servers,
        ReportSettings report,
        String digest,
        MailSettings mail,
        ReviewSettings review,
        ScheduleSettings schedule,
        NotifySettings chat,
        Duration warehouseLockWait,
        /* how long a superseded snapshot of the embedded warehouse is kept */
        Duration warehouseRetention,
        /* the evidence portal (serve) */
        PortalSettings portal,
        /* test-only fault injection (AW_TEST_CHECKPOINT); null in production */
        Checkpoints.Hook checkpoint) {

    public ZoneId businessZone() {
        return rules.businessZone();
    }

    /** The portal's users file: portal.users_file, or {@code <output.dir>/portal/users}. */
    public Path portalUsersFile() {
        return portal.usersFile() != null ? portal.usersFile() : outputDir.resolve("portal").resolve("users");
    }

    public Path warehouseDir() {
        return outputDir.resolve("warehouse");
    }
}
