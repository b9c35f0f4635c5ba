package io.auditwarehouse.model;

import java.io.Serializable;

/** A job on a controller. */
public record JobKey(String controller, String jobName) implements Serializable, Comparable<JobKey> {

    @Override
    public int compareTo(JobKey o) {
        int c = controller.compareTo(o.controller);
        return c != 0 ? c : jobName.compareTo(o.jobName);
    }

}
