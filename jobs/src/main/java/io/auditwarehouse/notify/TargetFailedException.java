package io.auditwarehouse.notify;

/** A target that did not take a message this run; the message names the target and the cause, never its URL or keys. */
public final class TargetFailedException extends Exception {
    TargetFailedException(String message) {
        super(message);
    }
}
