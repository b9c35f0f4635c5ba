package io.auditwarehouse.cli;

import io.auditwarehouse.config.AppConfig;
import io.auditwarehouse.config.ConfigException;
import io.auditwarehouse.config.ConfigKey;
import io.auditwarehouse.digest.DigestContent;
import io.auditwarehouse.digest.DigestJob;
import io.auditwarehouse.digest.DigestSlot;
import io.auditwarehouse.digest.SmtpMailer;
import io.auditwarehouse.runtime.Progress;
import io.auditwarehouse.runtime.SparkSessions;
import io.auditwarehouse.sources.SourceUnavailableException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;

@Command(name = "digest", mixinStandardHelpOptions = true, footer = ExitCodes.HELP,
        description = "Mails the failure reports still awaiting approval (FAILURE_REPORT records in status REQUESTED, read from "
                + "the approval source, never the warehouse), grouped by approver or department (digest.group_by), oldest first, "
                + "as an HTML mail with a plain-text part, through the SMTP server of mail.smtp.*. At most once per schedule slot: "
                + "the send is recorded in recon_batch as batch digest-<slot>, and a slot already sent is not sent again. "
                + "Nothing awaiting approval: no mail. An unreachable mail server exits 3, a refused login 2.")
final class DigestCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Option(names = "--slot", paramLabel = "SLOT",
            description = "schedule slot: a date (2026-10-05) or an ISO-8601 instant (2026-10-05T09:00:00+09:00); default: today in the business zone")
    String slot;

    @Option(names = "--force",
            description = "send even though an earlier attempt for this slot never finished (it may have been delivered); "
                    + "a slot already sent is never sent again")
    boolean force;

    @Override
    public Integer call() {
        Instant started = Instant.now();
        AppConfig config = common.load();
        config.mail().requireForSending();
        DigestSlot s = slot == null ? DigestSlot.today(config.businessZone()) : DigestSlot.parse(slot, config.businessZone());
        Instant asOf = common.asOf(config.businessZone());
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        DigestJob.Outcome outcome;
        try {
            outcome = new DigestJob(SparkSessions.getOrCreate(config.sparkMaster()), config, Progress.to(err)).run(s, asOf, force);
        } catch (SmtpMailer.MailFailedException e) {
            throw switch (e.failure()) {
                case AUTHENTICATION -> new ConfigException(ConfigKey.MAIL_SMTP_USER.key(), e.getMessage());
                case UNREACHABLE -> new SourceUnavailableException("mail server", e.getMessage(), e);
                case REFUSED -> e;
            };
        }
        Duration elapsed = Duration.between(started, Instant.now());
        if (outcome instanceof DigestJob.AlreadySent a) {
            out.println("digest for slot " + a.slot() + " already sent at " + a.entry().finishedAt()
                    + " (recon_batch " + a.entry().batchId() + "); nothing sent");
        } else if (outcome instanceof DigestJob.NothingToReport n) {
            out.println("digest for slot " + n.slot() + ": no failure report awaiting approval among "
                    + n.approvalsRead() + " approval records; no mail sent (recon_batch " + n.batchId() + " SKIPPED)");
        } else if (outcome instanceof DigestJob.Sent sent) {
            DigestContent c = sent.mail().content();
            out.println();
            out.println("digest for slot " + sent.slot() + "  (as of " + c.asOf() + ")");
            out.printf("  sent        %d failure report%s in %d group%s by %s, to %d recipient%s%n", c.reportCount(),
                    c.reportCount() == 1 ? "" : "s", c.groups().size(), c.groups().size() == 1 ? "" : "s", c.groupBy(),
                    sent.recipients(), sent.recipients() == 1 ? "" : "s");
            out.println("  subject     " + sent.mail().subject());
            out.println("  server      " + sent.server());
            out.println("  ledger      recon_batch " + sent.batchId() + " COMPLETED in " + sent.ledger());
        }
        out.printf("  elapsed     %.1f s%n", elapsed.toMillis() / 1000.0);
        out.flush();
        return ExitCodes.OK;
    }
}
