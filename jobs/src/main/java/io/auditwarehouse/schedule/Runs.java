package io.auditwarehouse.schedule;

import io.auditwarehouse.sinks.WarehouseSink;
import io.auditwarehouse.config.AppConfig;
import io.auditwarehouse.digest.DigestJob;
import io.auditwarehouse.digest.DigestSlot;
import io.auditwarehouse.job.BatchPlanner;
import io.auditwarehouse.job.BatchResult;
import io.auditwarehouse.job.ReconcileJob;
import io.auditwarehouse.notify.PackageAlerts;
import io.auditwarehouse.report.EvidencePackage;
import io.auditwarehouse.report.PackageRequest;
import io.auditwarehouse.runtime.Warehouses;
import io.auditwarehouse.sources.configured.Sources;
import io.auditwarehouse.sinks.WarehouseLock;
import org.quartz.DisallowConcurrentExecution;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/** The scheduled jobs: each kind is never run twice at once, across the cluster. */
public final class Runs {

    private Runs() {
    }

    static ReportTiming timing(AppConfig config) {
        return new ReportTiming(config.businessZone(), config.rules().failureReportSla(), config.schedule().crons().get("report"),
                config.schedule().crons().get("nightly"));
    }

    /** {@code nightly} for the day before the slot (business zone), as the nightly command does. */
    @DisallowConcurrentExecution
    public static final class Nightly extends ScheduledRun {
        @Override
        protected String kind() {
            return "nightly";
        }

        @Override
        protected Outcome work(SchedulerRuntime rt, Instant slot) throws IOException {
            AppConfig config = rt.config();
            LocalDate d = slot.atZone(config.businessZone()).toLocalDate().minusDays(1);
            List<LocalDate> dates = BatchPlanner.nightly(d, (int) config.lookback().toDays());
            BatchResult r = new ReconcileJob(rt.spark(), config, rt.progress()).reconcile("nightly", dates, Instant.now());
            String message = "batch " + r.batchId() + ": " + r.runs() + " runs, " + r.findings() + " findings";
            Optional<YearMonth> deferred = timing(config).nightlyWrites(slot);
            if (deferred.isPresent()) {
                Path dir = Report.renderMonth(rt, deferred.get());
                message += "; then the evidence package " + deferred.get() + " (its failure-report SLA has passed) in " + dir;
            }
            return new Outcome(dates.get(0), dates.get(dates.size() - 1), message);
        }
    }

    /** The evidence package of the month before the slot's month, as the report command writes it. */
    @DisallowConcurrentExecution
    public static final class Report extends ScheduledRun {
        @Override
        protected String kind() {
            return "report";
        }

        @Override
        protected Outcome work(SchedulerRuntime rt, Instant slot) throws IOException {
            ReportTiming timing = timing(rt.config());
            YearMonth month = timing.monthFor(slot);
            if (!timing.reportRunWrites(slot)) {
                return new Outcome(month.atDay(1), month.atEndOfMonth(), "evidence package " + month + " deferred: its "
                        + "failure-report SLA passes at " + timing.readyAt(month).atZone(rt.config().businessZone()).toOffsetDateTime()
                        + "; the first nightly run after that writes it");
            }
            Path dir = renderMonth(rt, month);
            return new Outcome(month.atDay(1), month.atEndOfMonth(), "evidence package " + month + " in " + dir);
        }

        /** Renders the month's package under the writer lock, as the report command does, and announces it. */
        static Path renderMonth(SchedulerRuntime rt, YearMonth month) throws IOException {
            AppConfig config = rt.config();
            PackageRequest request = new PackageRequest(month, Set.of(PackageRequest.PDF, PackageRequest.XLSX, PackageRequest.CSV),
                    config.report(), config.businessZone(), OptionalLong.empty(), Sources.usersToPseudonymise(rt.spark(), config));
            // the same writer lock as the report command's
            try (WarehouseLock.Held lock = Warehouses.lock(config, "scheduled report --month " + month, rt.progress()::step)) {
                WarehouseSink warehouse = Warehouses.openForWriting(rt.spark(), config, rt.progress()::step);
                Path dir = EvidencePackage.render(warehouse, config.outputDir().resolve("reports"), request).dir();
                PackageAlerts.issued(config, warehouse, rt.progress(), month, dir, "scheduled report --month " + month);
                return dir;
            }
        }
    }

    /** The failure-report digest for the slot (its own digest-&lt;slot&gt; row keeps it once per slot). */
    @DisallowConcurrentExecution
    public static final class Digest extends ScheduledRun {
        @Override
        protected String kind() {
            return "digest";
        }

        @Override
        protected Outcome work(SchedulerRuntime rt, Instant slot) {
            AppConfig config = rt.config();
            config.mail().requireForSending();
            ZonedDateTime at = slot.atZone(config.businessZone());
            DigestJob.Outcome o = new DigestJob(rt.spark(), config, rt.progress())
                    .run(DigestSlot.parse(at.toOffsetDateTime().toString(), config.businessZone()), Instant.now(), false);
            return new Outcome(at.toLocalDate(), at.toLocalDate(), "digest: " + o.getClass().getSimpleName());
        }
    }

    /** For tests and smoke checks: records itself and sleeps {@code schedule.probe_sleep}. */
    @DisallowConcurrentExecution
    public static final class Probe extends ScheduledRun {
        @Override
        protected String kind() {
            return "probe";
        }

        @Override
        protected Outcome work(SchedulerRuntime rt, Instant slot) throws InterruptedException {
            Thread.sleep(rt.config().schedule().probeSleep().toMillis());
            LocalDate d = slot.atZone(rt.config().businessZone()).toLocalDate();
            return new Outcome(d, d, "probe slept " + rt.config().schedule().probeSleep());
        }
    }
}
