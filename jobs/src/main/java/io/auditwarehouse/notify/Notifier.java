package io.auditwarehouse.notify;

import io.auditwarehouse.config.AppConfig;
import io.auditwarehouse.config.NotifySettings;
import io.auditwarehouse.config.NotifyTarget;
import io.auditwarehouse.errors.ErrorMessages;
import io.auditwarehouse.sinks.WarehouseSink;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Chat alerts to every {@code notify.targets} entry: new findings after a batch, a failed batch, an issued package.
 * Never throws and never fails the caller: a target that does not take a message within its tries
 * ({@link Delivery}) is named in the {@link Outcome}, and what it missed is caught up on the next run.
 */
public final class Notifier {

    public static final String FINDING = "finding";
    public static final String PACKAGE = "package";

    private final NotifySettings settings;
    private final AlertTexts texts;
    private final Consumer<String> say;
    /** Made on first use: a notifier without targets starts no HTTP client threads. */
    private HttpClient http;

    private final OwedAlerts owed;

    private Notifier(NotifySettings settings, String locale, OwedAlerts owed, Consumer<String> say) {
        this.settings = settings;
        this.texts = new AlertTexts(locale);
        this.owed = owed;
        this.say = say;
    }

    /** @param say where progress lines go (they name targets, never their URLs or keys) */
    public static Notifier of(AppConfig config, Consumer<String> say) {
        return new Notifier(config.chat(), config.report().locale(), new OwedAlerts(config.outputDir()), say);
    }

    public boolean enabled() {
        return settings.enabled();
    }

    public NotifySettings settings() {
        return settings;
    }

    /** How a notification went, over all targets. */
    public record Outcome(int targets, int told, int subjects, List<String> failures) {

        public static final Outcome NONE = new Outcome(0, 0, 0, List.of());

        public boolean partial() {
            return !failures.isEmpty();
        }

        /** One line for recon_batch.message and the summary: {@code notify: partial (...)} when a target failed. */
        public String note() {
            if (partial()) return "notify: partial (" + String.join("; ", failures) + ")";
            if (told == 0) return "notify: nothing new for " + targets + " target(s)";
            return "notify: " + subjects + " new to " + told + " of " + targets + " target(s)";
        }
    }

    /** After a batch: the warehouse's findings at or above notify.min_severity that a target has not been told of. */
    public Outcome afterBatch(WarehouseSink warehouse, NoticeLedger ledger, String batchId) {
        if (!enabled()) return Outcome.NONE;
        List<PendingFinding> current;
        try {
            current = PendingFindings.read(warehouse, settings.minSeverity());
        } catch (RuntimeException e) {
            String failure = "reading the findings failed: " + ErrorMessages.firstLine(e);
            say.accept("notify: " + failure + "; left for the next run");
            return new Outcome(settings.targets().size(), 0, 0, List.of(failure));
        }
        return announceFindings(current, ledger, batchId);
    }

    /**
     * One message per target with the findings it has not been told of yet (each target has its own ledger rows,
     * so a target that was down gets everything it missed).
     */
    public Outcome announceFindings(List<PendingFinding> current, NoticeLedger ledger, String batchId) {
        if (!enabled()) return Outcome.NONE;
        return toEach(target -> {
            Set<String> before = ledger.announced(target.name());
            List<PendingFinding> fresh = current.stream().filter(f -> !before.contains(f.findingId())).toList();
            if (fresh.isEmpty()) return 0;
            channel(target).send(texts.findings(fresh, settings.minSeverity()));
            ledger.record(target.name(), fresh.stream().map(PendingFinding::findingId).toList(), FINDING, batchId, Instant.now());
            say.accept("notify: " + target.name() + " told of " + fresh.size() + " new finding(s)");
            return fresh.size();
        });
    }

    /**
     * A failed batch, at once, with its exit code and one-line reason. Not in the ledger (each failure is news once);
     * a target that does not take it has it kept ({@link OwedAlerts}) and delivered before its next message.
     */
    public Outcome batchFailed(String kind, LocalDate from, LocalDate to, int exitCode, String reason) {
        if (!enabled()) return Outcome.NONE;
        String body = texts.failureBody(kind, from, to, exitCode, reason);
        String text = texts.batchFailed(kind, from, to, exitCode, reason);
        Instant failedAt = Instant.now();
        return toEach(target -> {
            channel(target).send(text);
            return 1;
        }, target -> {
            try {
                owed.keep(target.name(), failedAt, body);
            } catch (RuntimeException e) {
                say.accept("notify: the failure alert for " + target.name() + " could not be kept: " + ErrorMessages.firstLine(e));
            }
        });
    }

    /**
     * The monthly package issued in {@code dir}: its manifest's SHA-256 and where it is. Once per target and content
     * digest: a package issued again with the same data is not announced again, a restated one is.
     */
    public Outcome packageIssued(YearMonth month, Path dir, NoticeLedger ledger, String batchId) {
        if (!enabled()) return Outcome.NONE;
        IssuedPackage issued;
        try {
            issued = IssuedPackage.at(dir);
        } catch (RuntimeException e) {
            return new Outcome(settings.targets().size(), 0, 0, List.of("the package in " + dir + " could not be read: " + ErrorMessages.firstLine(e)));
        }
        String subject = PACKAGE + " " + month + " " + issued.contentSha256();
        String text = texts.packageIssued(month, issued.manifestSha256(), dir);
        return toEach(target -> {
            if (ledger.announced(target.name()).contains(subject)) return 0;
            channel(target).send(text);
            ledger.record(target.name(), List.of(subject), PACKAGE, batchId, Instant.now());
            say.accept("notify: " + target.name() + " told of the evidence package " + month);
            return 1;
        });
    }

    /** What is sent to one target: how many subjects it was told of (0: nothing new for it). */
    private interface PerTarget {
        int send(NotifyTarget target) throws TargetFailedException;
    }

    private Outcome toEach(PerTarget action) {
        return toEach(action, target -> { });
    }

    /**
     * Every target in turn, the failure alerts it missed first: one that fails is named in the outcome, {@code missed}
     * is told, and the others are still served.
     */
    private Outcome toEach(PerTarget action, Consumer<NotifyTarget> missed) {
        int told = 0, subjects = 0;
        List<String> failures = new ArrayList<>();
        for (NotifyTarget target : settings.targets()) {
            String failure;
            try {
                deliverOwed(target);
                int n = action.send(target);
                if (n > 0) {
                    told++;
                    subjects += n;
                }
                continue;
            } catch (TargetFailedException e) {
                failure = e.getMessage();
            } catch (RuntimeException e) {
                failure = target.name() + ": " + ErrorMessages.firstLine(e);
            }
            failures.add(failure);
            missed.accept(target);
            say.accept("notify: " + failure + "; left for the next run");
        }
        return new Outcome(settings.targets().size(), told, subjects, failures);
    }

    /** The failure alerts {@code target} did not take before, oldest first, each no longer owed once taken. */
    private void deliverOwed(NotifyTarget target) throws TargetFailedException {
        List<OwedAlerts.Owed> kept = owed.of(target.name());
        for (OwedAlerts.Owed o : kept) {
            channel(target).send(texts.late(o.body(), o.failedAt()));
            owed.settled(o);
        }
        if (!kept.isEmpty()) say.accept("notify: " + target.name() + " told of " + kept.size() + " failure alert(s) it missed");
    }

    private Channel channel(NotifyTarget target) {
        if (http == null) {
            http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(settings.timeout())
                    .followRedirects(HttpClient.Redirect.NEVER).build();
        }
        Delivery delivery = new Delivery(http, target.name(), settings.attempts(), settings.maxWait(), settings.timeout());
        if (target instanceof NotifyTarget.Webhook w) return new WebhookChannel(w, delivery);
        return new WorksChannel((NotifyTarget.WorksBot) target, delivery);
    }
}
