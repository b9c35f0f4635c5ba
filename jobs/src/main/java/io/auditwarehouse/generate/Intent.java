package io.auditwarehouse.generate;

import io.auditwarehouse.model.ReasonCode;

/** A finding a plant means to cause; resolved to a ground-truth row once build and approval numbers exist. */
record Intent(ReasonCode code, PlannedRun run, PlannedAction action, ApprovalRow approval, int missingNumber,
              PlannedRun next) {

    static Intent run(ReasonCode code, PlannedRun run) {
        return new Intent(code, run, null, null, 0, null);
    }

    static Intent action(ReasonCode code, PlannedAction action) {
        return new Intent(code, null, action, null, 0, null);
    }

    static Intent unused(ApprovalRow approval) {
        return new Intent(ReasonCode.APPROVAL_UNUSED, null, null, approval, 0, null);
    }

    static Intent gap(PlannedRun dropped, PlannedRun next) {
        return new Intent(ReasonCode.BUILD_NUMBER_GAP, dropped, null, null, 0, next);
    }

    ExpectedFinding resolve(World w) {
        if (action != null) {
            return new ExpectedFinding(code, w.dateOf(action.at()), action.job().controller, action.job().fullName,
                    null, null, action.at());
        }
        if (approval != null) {
            return new ExpectedFinding(code, w.dateOf(approval.validTo), approval.controller, approval.jobName, null,
                    approval.normalisedNumber(), null);
        }
        if (next != null) {
            return new ExpectedFinding(code, w.dateOf(RunView.of(next).startedAt()), run.job.controller,
                    run.job.fullName, run.buildNumber, null, null);
        }
        return new ExpectedFinding(code, w.dateOf(RunView.of(run).startedAt()), run.job.controller, run.job.fullName,
                run.buildNumber, null, null);
    }
}
