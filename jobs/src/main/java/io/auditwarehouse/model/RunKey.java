package io.auditwarehouse.model;

import java.io.Serializable;

/** Identity of one Jenkins build: (controller, full job name, build number). */
public record RunKey(String controller, String jobName, int buildNumber) implements Serializable, Comparable<RunKey> {

    public JobKey job() {
        return new JobKey(controller, jobName);
    }


    @Override
    public int compareTo(RunKey o) {
        int c = controller.compareTo(o.controller);
        if (c != 0) return c;
        c = jobName.compareTo(o.jobName);
        return c != 0 ? c : Integer.compare(buildNumber, o.buildNumber);
    }

    @Override
    public String toString() {
        return controller + ":" + jobName + "#" + buildNumber;
    }
}
