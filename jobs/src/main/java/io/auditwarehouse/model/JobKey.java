package io.auditwarehouse.model;

import java.io.Serializable;

/** A job on a controller. */
public record JobKey(String controller, String jobName) implements Serializable {

    public String asKey() {
        return controller + '\u0001' + jobName;
    }
}
