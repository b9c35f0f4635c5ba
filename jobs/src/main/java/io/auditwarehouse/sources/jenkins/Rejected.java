package io.auditwarehouse.sources.jenkins;

/** A document that cannot be understood; the message is the quarantine reason. */
final class Rejected extends Exception {

    Rejected(String reason) {
        super(reason);
    }
}
