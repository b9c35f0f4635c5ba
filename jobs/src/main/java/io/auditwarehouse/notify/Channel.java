package io.auditwarehouse.notify;

/** Where one target's messages go: a webhook or a NAVER WORKS bot. */
interface Channel {

    /** Sends one plain-text message (several lines), or fails naming the target. */
    void send(String text) throws TargetFailedException;
}
