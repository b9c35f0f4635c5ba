package io.auditwarehouse.reconcile;

import io.auditwarehouse.model.ReasonCode;

import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;

/** Which controls' populations a run belongs to: the reconciler counts them, the auditor sample draws from them. */
public final class ControlPopulations {

    private ControlPopulations() {
    }

    /**
     * @param controlOf        the catalog: the control a reason code tests
     * @param manualRulesApply a manual trigger, or a scheduled run carrying an approval number
     * @param failed           result FAILURE
     */
    public static SortedSet<String> ofRun(Function<ReasonCode, String> controlOf, boolean manualRulesApply, boolean failed) {
        SortedSet<String> controls = new TreeSet<>();
        if (manualRulesApply) {
            controls.add(controlOf.apply(ReasonCode.NO_APPROVAL_REFERENCE));
            controls.add(controlOf.apply(ReasonCode.EXECUTOR_NOT_AUTHORIZED));
        } else {
            controls.add(controlOf.apply(ReasonCode.NO_STANDING_APPROVAL));
        }
        if (failed) controls.add(controlOf.apply(ReasonCode.FAILURE_NOT_REPORTED));
        controls.add(controlOf.apply(ReasonCode.RUN_INCOMPLETE));
        return controls;
    }
}
