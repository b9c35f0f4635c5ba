package io.auditwarehouse.model;

/** What started a run (controls.md "Runs"). */
public enum Trigger {
    USER, TIMER, UPSTREAM, SCM, REMOTE, UNKNOWN;

    /** Manual runs need their own approval; scheduled runs are covered by the job's standing approval. */
    public boolean isManual() {
        return this == USER || this == REMOTE || this == UNKNOWN;
    }
}
