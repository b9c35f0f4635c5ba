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

    private Notifier(NotifySettings settings, String locale, Consumer<String> say) {
        this.settings = settings;
        this.texts = new AlertTexts(locale);
        this.say = say;
    }

    /** @param say where progress lines go (they name targets, never their URLs or keys) */
    public static Notifier of(AppConfig config, Consumer<String> say) {
        return new Notifier(config.chat(), config.report().locale(), say);
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
        int told = 0, subjects = 0;
        List<String> failures = new ArrayList<>();
        for (NotifyTarget target : settings.targets()) {
            try {
                Set<String> before = ledger.announced(target.name());
                List<PendingFinding> fresh = current.stream().filter(f -> !before.contains(f.findingId())).toList();
                if (fresh.isEmpty()) continue;
                channel(target).send(texts.findings(fresh, settings.minSeverity()));
                ledger.record(target.name(), fresh.stream().map(PendingFinding::findingId).toList(), FINDING, batchId, Instant.now());
                say.accept("notify: " + target.name() + " told of " + fresh.size() + " new finding(s)");
                told++;
                subjects += fresh.size();
            } catch (TargetFailedException e) {
                failed(failures, e.getMessage());
            } catch (RuntimeException e) {
                failed(failures, target.name() + ": " + ErrorMessages.firstLine(e));
            }
        }
        return new Outcome(settings.targets().size(), told, subjects, failures);
    }

    /** A failed batch, at once, with its exit code and one-line reason (not kept in the ledger: each failure is news). */
    public Outcome batchFailed(String kind, LocalDate from, LocalDate to, int exitCode, String reason) {
        if (!enabled()) return Outcome.NONE;
        String text = texts.batchFailed(kind, from, to, exitCode, reason);
        int told = 0;
        List<String> failures = new ArrayList<>();
        for (NotifyTarget target : settings.targets()) {
            try {
                channel(target).send(text);
                told++;
            } catch (TargetFailedException e) {
                failed(failures, e.getMessage());
            } catch (RuntimeException e) {
                failed(failures, target.name() + ": " + ErrorMessages.firstLine(e));
            }
        }
        return new Outcome(settings.targets().size(), told, told > 0 ? 1 : 0, failures);
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
        int told = 0;
        List<String> failures = new ArrayList<>();
        for (NotifyTarget target : settings.targets()) {
            try {
                if (ledger.announced(target.name()).contains(subject)) continue;
                channel(target).send(text);
                ledger.record(target.name(), List.of(subject), PACKAGE, batchId, Instant.now());
                say.accept("notify: " + target.name() + " told of the evidence package " + month);
                told++;
            } catch (TargetFailedException e) {
                failed(failures, e.getMessage());
            } catch (RuntimeException e) {
                failed(failures, target.name() + ": " + ErrorMessages.firstLine(e));
            }
        }
        return new Outcome(settings.targets().size(), told, told > 0 ? 1 : 0, failures);
    }

    private void failed(List<String> failures, String message) {
        failures.add(message);
        say.accept("notify: " + message + "; left for the next run");
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
