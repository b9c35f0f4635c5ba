package io.auditwarehouse.schedule;

import io.auditwarehouse.errors.ErrorMessages;
import io.auditwarehouse.notify.Notifier;
import io.auditwarehouse.runtime.FailureClass;
import io.auditwarehouse.runtime.SoftwareVersion;
import io.auditwarehouse.sinks.BatchRecord;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * One fired run of a scheduled job, with its row in {@code recon_batch}: kind {@code scheduled-<kind>}, batch id
 * {@code <kind>-<slot>} where the slot is the trigger's scheduled fire time in the business zone (e.g.
 * {@code nightly-20261005T023000+0900}), written RUNNING, then COMPLETED or FAILED. A run re-run by another node after
 * its node died keeps the original slot, so it rewrites the same row; the message names the scheduler instance.
 */
public abstract class ScheduledRun implements Job {

    public static final String RUNNING = "RUNNING";
    public static final String COMPLETED = "COMPLETED";
    public static final String FAILED = "FAILED";
    static final DateTimeFormatter SLOT = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssxx");

    /** What the work did: the dates it covered and a line for the ledger. */
    protected record Outcome(LocalDate dateFrom, LocalDate dateTo, String message) {
    }

    /** nightly, report, digest or probe. */
    protected abstract String kind();

    protected abstract Outcome work(SchedulerRuntime runtime, Instant slot) throws Exception;

    public static String batchId(String kind, Instant slot, ZoneId zone) {
        return kind + "-" + SLOT.format(slot.atZone(zone));
    }

    @Override
    public final void execute(JobExecutionContext context) throws JobExecutionException {
        SchedulerRuntime runtime;
        String instance;
        try {
            runtime = (SchedulerRuntime) context.getScheduler().getContext().get(SchedulerRuntime.KEY);
            instance = context.getScheduler().getSchedulerInstanceId();
        } catch (SchedulerException e) {
            throw new JobExecutionException(e, false);
        }
        Instant slot = slotOf(context);
        ZoneId zone = runtime.config().businessZone();
        String batchId = batchId(kind(), slot, zone);
        LocalDate slotDate = slot.atZone(zone).toLocalDate();
        Instant started = Instant.now();
        String who = "instance " + instance + (context.isRecovering() ? ", recovering a run whose node died" : "")
                + ", fired " + context.getFireTime().toInstant();
        BatchRecord row = BatchRecord.started(batchId, "scheduled-" + kind(), slotDate, slotDate, started, started,
                SoftwareVersion.get(), runtime.config().digest()).noting(who);
        runtime.ledger().recordBatch(row);
        runtime.say("run started   " + batchId + " slot=" + slot + " fired=" + context.getFireTime().toInstant()
                + " instance=" + instance + (context.isRecovering() ? " recovering" : ""));
        try {
            Outcome o = work(runtime, slot);
            BatchRecord done = row.covering(o.dateFrom(), o.dateTo())
                    .completed(Instant.now(), BatchRecord.RowsWritten.NOTHING, who + "; " + o.message());
            runtime.ledger().recordBatch(done);
            runtime.finished(kind(), true);
            runtime.say("run completed " + batchId + " instance=" + instance + ": " + o.message());
        } catch (Exception | LinkageError e) {
            String message = ErrorMessages.firstLine(e);
            runtime.finished(kind(), false);
            runtime.say("run FAILED    " + batchId + " instance=" + instance + ": " + message);
            Notifier notifier = Notifier.of(runtime.config(), runtime::say);
            if (notifier.enabled()) {
                notifier.batchFailed("scheduled " + kind() + " " + batchId, null, null, FailureClass.of(e).exitCode(),
                        ErrorMessages.firstLine(FailureClass.rootOf(e)));
            }
            try {
                runtime.ledger().recordBatch(row.failed(Instant.now(), who + "; failed: " + message));
            } catch (RuntimeException ledger) {
                runtime.say("  and its ledger row could not be written: " + ledger.getMessage());
            }
            throw new JobExecutionException(e, false);
        }
    }

    /** The scheduled fire time; for a recovered run, the one of the run that was interrupted. */
    static Instant slotOf(JobExecutionContext context) {
        if (context.isRecovering()) {
            String original = context.getMergedJobDataMap().getString(Scheduler.FAILED_JOB_ORIGINAL_TRIGGER_SCHEDULED_FIRETIME_IN_MILLISECONDS);
            if (original != null) return Instant.ofEpochMilli(Long.parseLong(original));
        }
        return context.getScheduledFireTime().toInstant();
    }
}
