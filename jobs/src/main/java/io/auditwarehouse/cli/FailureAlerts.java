package io.auditwarehouse.cli;

import io.auditwarehouse.config.AppConfig;
import io.auditwarehouse.errors.ErrorMessages;
import io.auditwarehouse.notify.Notifier;
import io.auditwarehouse.runtime.FailureClass;
import io.auditwarehouse.runtime.Progress;

import java.time.LocalDate;
import java.util.concurrent.Callable;

/** A command that fails tells the chat targets at once: its exit code and the one line it prints. */
final class FailureAlerts {

    private FailureAlerts() {
    }

    static int guard(AppConfig config, Progress progress, String kind, LocalDate from, LocalDate to, Callable<Integer> command) throws Exception {
        try {
            return command.call();
        } catch (Exception | LinkageError e) {
            Notifier notifier = Notifier.of(config, progress::step);
            if (notifier.enabled()) {
                notifier.batchFailed(kind, from, to, FailureClass.of(e).exitCode(), ErrorMessages.firstLine(FailureClass.rootOf(e)));
            }
            throw e;
        }
    }
}
