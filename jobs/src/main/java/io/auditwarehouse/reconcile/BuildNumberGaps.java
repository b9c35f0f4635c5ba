package io.auditwarehouse.reconcile;

import io.auditwarehouse.model.DetailTemplates;
import io.auditwarehouse.model.Finding;
import io.auditwarehouse.model.JobKey;
import io.auditwarehouse.model.ReasonCode;
import io.auditwarehouse.model.RuleSettings;
import io.auditwarehouse.model.Run;
import io.auditwarehouse.model.RunKey;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** C6 population completeness: build numbers missing between consecutive runs of one job. Pure. */
public final class BuildNumberGaps implements Serializable {

    /** All the rule needs of a run: a month's job histories travel as these, not as whole runs. */
    public record BuildStart(int buildNumber, Instant startedAt) implements Serializable {
        public static BuildStart of(Run run) {
            return new BuildStart(run.buildNumber(), run.startedAt());
        }
    }

    /**
     * A gap wider than this is one finding for the whole range, not one per number: a single document claiming build
     * #2147483647 next to #2374 otherwise asked for two billion findings and ran the job out of memory.
     */
    static final int MAX_LISTED_GAP = 1_000;

    private final RuleSettings settings;
    private final FindingFactory findings;

    public BuildNumberGaps(RuleSettings settings, FindingFactory findings) {
        this.settings = settings;
        this.findings = findings;
    }

    /** @param builds every known run of one job, in any order */
    public List<Finding> find(JobKey job, Iterable<BuildStart> builds) {
        List<BuildStart> runs = new ArrayList<>();
        for (BuildStart r : builds) if (r.startedAt() != null) runs.add(r);
        runs.sort(Comparator.comparingInt(BuildStart::buildNumber));
        List<Finding> gaps = new ArrayList<>();
        for (int i = 1; i < runs.size(); i++) {
            BuildStart a = runs.get(i - 1);
            BuildStart b = runs.get(i);
            if (b.buildNumber() - a.buildNumber() <= 1) continue;
            if (Duration.between(a.startedAt(), b.startedAt()).compareTo(settings.gapLookback()) > 0) continue;
            if ((long) b.buildNumber() - a.buildNumber() - 1 > MAX_LISTED_GAP) {
                gaps.add(wideGap(job, a, b));
                continue;
            }
            for (int missing = a.buildNumber() + 1; missing < b.buildNumber(); missing++) {
                RunKey subject = new RunKey(job.controller(), job.jobName(), missing);
                gaps.add(findings.create(ReasonCode.BUILD_NUMBER_GAP, subject.toString(), job.controller(), job.jobName(),
                        missing, null, null, b.startedAt(), findings.fields("missing", missing, "previous", a.buildNumber(),
                                "previous_started", a.startedAt(), "next", b.buildNumber(), "next_started", b.startedAt())));
            }
        }
        return gaps;
    }

    private Finding wideGap(JobKey job, BuildStart a, BuildStart b) {
        int first = a.buildNumber() + 1;
        RunKey subject = new RunKey(job.controller(), job.jobName(), first);
        return findings.create(ReasonCode.BUILD_NUMBER_GAP, subject.toString(), job.controller(), job.jobName(), first, null, null,
                b.startedAt(), findings.fields(DetailTemplates.VARIANT, "range", "first", first, "last", b.buildNumber() - 1,
                        "count", (long) b.buildNumber() - first, "previous", a.buildNumber(), "previous_started", a.startedAt(),
                        "next", b.buildNumber(), "next_started", b.startedAt()));
    }
}
