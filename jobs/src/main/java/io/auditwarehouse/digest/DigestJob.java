package io.auditwarehouse.digest;

import io.auditwarehouse.config.AppConfig;
import io.auditwarehouse.config.MailSettings;
import io.auditwarehouse.errors.ErrorMessages;
import io.auditwarehouse.runtime.Progress;
import io.auditwarehouse.runtime.SoftwareVersion;
import io.auditwarehouse.runtime.Warehouses;
import io.auditwarehouse.sinks.BatchRecord;
import io.auditwarehouse.sinks.FindingReviews;
import io.auditwarehouse.sinks.WarehouseSink;
import io.auditwarehouse.sinks.WarehouseTables;
import io.auditwarehouse.sinks.WriteFailedException;
import io.auditwarehouse.sources.ApprovalData;
import io.auditwarehouse.sources.configured.Sources;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.apache.spark.sql.functions.col;

/**
 * {@code digest}: the failure reports still awaiting approval, read from the approval source (never the
 * warehouse), mailed once per schedule slot. The slot's row in {@code recon_batch} is checked before anything is
 * sent and says RUNNING before the mail leaves, so neither a re-run nor a crash mid-send can send it twice.
 */
public final class DigestJob {

    /** How a run ended without an error. */
    public sealed interface Outcome permits AlreadySent, NothingToReport, Sent {
    }

    /** The slot's digest was sent earlier: nothing sent now. */
    public record AlreadySent(DigestSlot slot, DigestLedger.Entry entry) implements Outcome {
    }

    /** No failure report awaits approval: no mail. */
    public record NothingToReport(DigestSlot slot, String batchId, int approvalsRead) implements Outcome {
    }

    public record Sent(DigestSlot slot, DigestMail mail, int recipients, String server, String batchId, String ledger,
                       int approvalsRead) implements Outcome {
    }

    /** An earlier attempt for the slot never finished: it may have been delivered, so it is not sent again. */
    public static final class UnfinishedAttemptException extends RuntimeException {
        UnfinishedAttemptException(String message) {
            super(message);
        }
    }

    private final SparkSession spark;
    private final AppConfig config;
    private final Progress progress;

    public DigestJob(SparkSession spark, AppConfig config, Progress progress) {
        this.spark = spark;
        this.config = config;
        this.progress = progress;
    }

    /**
     * @param force send even though an earlier attempt for the slot never finished (status RUNNING); a slot whose
     *              digest was COMPLETED is never sent again
     */
    public Outcome run(DigestSlot slot, Instant asOf, boolean force) {
        MailSettings mail = config.mail();
        mail.requireForSending();
        String batchId = slot.batchId();
        WarehouseSink warehouse = Warehouses.open(spark, config);
        DigestLedger ledger = new DigestLedger(warehouse);
        progress.step("checking the ledger for slot " + slot + " (" + batchId + ")");
        Optional<DigestLedger.Entry> prior = ledger.find(batchId);
        if (prior.isPresent() && DigestLedger.COMPLETED.equals(prior.get().status())) return new AlreadySent(slot, prior.get());
        if (prior.isPresent() && DigestLedger.RUNNING.equals(prior.get().status()) && !force) {
            DigestLedger.Entry p = prior.get();
            throw new UnfinishedAttemptException("digest for slot " + slot + ": an earlier attempt started at " + p.startedAt()
                    + " did not finish" + (p.message() == null ? "" : " (" + p.message() + ")")
                    + "; it may have been delivered, so it is not sent again: check with the recipients, then run with --force to send it anyway");
        }

        Instant started = Instant.now();
        LocalDate date = slot.businessDate(config.businessZone());
        Ledger row = new Ledger(ledger, batchId, date, started, asOf);
        ApprovalData data;
        DigestContent content;
        try {
            progress.step("reading approvals");
            data = Sources.approvals(spark, config);
            content = DigestContent.of(data.approvals(), data.users(), slot, asOf, config.businessZone(), mail.groupBy())
                    .withAgeing(config.review().slaWorkingDays(), ageing(warehouse, asOf));
        } catch (RuntimeException e) {
            row.bestEffort(DigestLedger.FAILED, Instant.now(), 0, 0, 0, ErrorMessages.firstLine(e), e);
            throw e;
        }
        int read = data.approvals().size();
        if (!data.rejected().isEmpty()) {
            progress.step(data.rejected().size() + " approval or user row(s) could not be read and are left out (the nightly quarantines them)");
        }
        if (content.isEmpty()) {
            row.write(DigestLedger.SKIPPED, Instant.now(), read, data.usersRead(), data.rejected().size(), null,
                    "no failure report awaiting approval; no mail sent");
            return new NothingToReport(slot, batchId, read);
        }

        DigestMail digest = new DigestMail(content, DigestLabels.of(config.report().locale()), SoftwareVersion.get());
        if (mail.authenticates() && MailSettings.NONE.equals(mail.security())) {
            progress.step("warning: mail.smtp.security is none: the SMTP login of " + mail.user() + " crosses the network unencrypted");
        }
        SmtpMailer mailer = new SmtpMailer(mail);
        String what = content.reportCount() + " failure report(s) in " + content.groups().size() + " group(s) by "
                + content.groupBy() + " to " + mail.to().size() + " recipient(s) via " + mail.server();
        // before the mail leaves: a crash from here on leaves RUNNING, and the next run will not send it again
        row.write(DigestLedger.RUNNING, null, read, data.usersRead(), data.rejected().size(), digest.textSha256(), "sending " + what);
        progress.step("sending " + what);
        Session session = mailer.session();
        MimeMessage message;
        try {
            message = digest.toMessage(session, mail.from(), mail.to(), Instant.now());
        } catch (MessagingException | RuntimeException e) {
            IllegalStateException failure = new IllegalStateException("building the digest mail failed: " + ErrorMessages.firstLine(e), e);
            row.bestEffort(DigestLedger.FAILED, Instant.now(), read, data.usersRead(), data.rejected().size(), failure.getMessage(), failure);
            throw failure;
        }
        try {
            mailer.send(session, message);
        } catch (SmtpMailer.MailFailedException e) {
            row.bestEffort(e.deliveryUnknown() ? DigestLedger.RUNNING : DigestLedger.FAILED, e.deliveryUnknown() ? null : Instant.now(),
                    read, data.usersRead(), data.rejected().size(), e.getMessage(), e);
            throw e;
        } catch (RuntimeException e) {
            // unexpected while sending: whether the server took the mail is unknown, so the row stays RUNNING
            row.bestEffort(DigestLedger.RUNNING, null, read, data.usersRead(), data.rejected().size(),
                    "failed while sending, delivery unknown: " + ErrorMessages.firstLine(e), e);
            throw e;
        }
        try {
            row.write(DigestLedger.COMPLETED, Instant.now(), read, data.usersRead(), data.rejected().size(), digest.textSha256(), "sent " + what);
        } catch (WriteFailedException e) {
            throw new WriteFailedException("the digest for slot " + slot + " was sent, but recording it failed (the ledger still says RUNNING, "
                    + "so it will not be sent again): " + e.getMessage(), e);
        }
        return new Sent(slot, digest, mail.to().size(), mail.server(), batchId, ledger.location(), read);
    }

    /** HIGH findings of the warehouse still OPEN past review.sla (none before the first nightly). */
    private List<AgeingFindings.Ageing> ageing(WarehouseSink warehouse, Instant asOf) {
        progress.step("reading HIGH findings and their reviews");
        Dataset<Row> findings = warehouse.read(WarehouseTables.FINDING);
        if (findings == null) return List.of();
        List<AgeingFindings.HighFinding> high = new ArrayList<>();
        for (Row f : findings.filter(col("severity").equalTo("HIGH")).collectAsList()) {
            Object date = f.getAs(WarehouseTables.BUSINESS_DATE);
            high.add(new AgeingFindings.HighFinding(f.getAs("finding_id"), f.getAs("control_id"), f.getAs("reason_code"),
                    date instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) date, f.getAs("controller"), f.getAs("job_name"),
                    f.getAs("build_number"), f.getAs("approval_no")));
        }
        var statuses = new FindingReviews(warehouse.appendOnly()).statusesOf(high.stream().map(AgeingFindings.HighFinding::findingId).toList());
        return AgeingFindings.of(high, statuses, asOf, config.businessZone(), config.review().slaWorkingDays());
    }

    /** The slot's ledger row as the run goes on. */
    private final class Ledger {
        private final DigestLedger ledger;
        private final String batchId;
        private final LocalDate date;
        private final Instant started;
        private final Instant asOf;
        private String digest;

        Ledger(DigestLedger ledger, String batchId, LocalDate date, Instant started, Instant asOf) {
            this.ledger = ledger;
            this.batchId = batchId;
            this.date = date;
            this.started = started;
            this.asOf = asOf;
        }

        void write(String status, Instant finished, long approvalsRead, long usersRead, long quarantined, String textSha256, String message) {
            if (textSha256 != null) digest = textSha256;
            ledger.record(BatchRecord.started(batchId, DigestSlot.KIND, date, date, started, asOf, SoftwareVersion.get(),
                            config.digest())
                    .reading(BatchRecord.SourcesRead.approvals(approvalsRead, usersRead, quarantined))
                    .withManifestDigest(digest).ended(status, finished, message));
        }

        /** When the ledger itself cannot be written, the original error is the one to report. */
        void bestEffort(String status, Instant finished, long approvalsRead, long usersRead, long quarantined, String message, RuntimeException cause) {
            try {
                write(status, finished, approvalsRead, usersRead, quarantined, null, message);
            } catch (RuntimeException e) {
                cause.addSuppressed(e);
            }
        }
    }
}
