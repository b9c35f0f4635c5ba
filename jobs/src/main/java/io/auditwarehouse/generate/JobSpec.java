package io.auditwarehouse.generate;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/** One Jenkins job on one controller, with how it is normally started. */
final class JobSpec {

    enum Kind { TIMER, DOWNSTREAM, SCM, MANUAL }

    final String controller;
    final String fullName;
    final Kind kind;
    /** TIMER only: the cron times of day, in the business zone. */
    final List<LocalTime> cronTimes;
    final boolean weekdaysOnly;
    /** DOWNSTREAM only: the job whose successful runs trigger this one. */
    final JobSpec upstream;
    final long typicalDurationMs;
    final boolean takesTargetDate;
    final List<JobSpec> downstream = new ArrayList<>();
    /** Runs in build-number order, filled when the runs are numbered. */
    final List<PlannedRun> runs = new ArrayList<>();
    ApprovalRow registration;
    /** Reserved by a job-level plant: no other job-level plant may touch it. */
    boolean reserved;

    JobSpec(String controller, String fullName, Kind kind, List<LocalTime> cronTimes, boolean weekdaysOnly,
            JobSpec upstream, long typicalDurationMs, boolean takesTargetDate) {
        this.controller = controller;
        this.fullName = fullName;
        this.kind = kind;
        this.cronTimes = cronTimes;
        this.weekdaysOnly = weekdaysOnly;
        this.upstream = upstream;
        this.typicalDurationMs = typicalDurationMs;
        this.takesTargetDate = takesTargetDate;
    }

    String projectName() {
        return fullName.substring(fullName.lastIndexOf('/') + 1);
    }

    /** {@code a » b}, as Jenkins prints a full display name. */
    String displayPath() {
        return fullName.replace("/", " » ");
    }

    boolean scheduled() {
        return kind != Kind.MANUAL;
    }

    @Override
    public String toString() {
        return controller + ":" + fullName;
    }
}
