package io.auditwarehouse.reconcile;

import io.auditwarehouse.model.Severity;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * One business date × controller × control cell of recon_daily_summary, or a contribution to one.
 *
 * @param population runs in the control's population (job actions for C4)
 */
public record SummaryCell(LocalDate businessDate, String controller, String controlId,
                          long population, long compliant, long exceptions, long pending,
                          long high, long medium, long low, long info) implements Serializable {

    public String key() {
        return businessDate + "|" + controller + "|" + controlId;
    }

    public SummaryCell plus(SummaryCell o) {
        return new SummaryCell(businessDate, controller, controlId, population + o.population, compliant + o.compliant,
                exceptions + o.exceptions, pending + o.pending, high + o.high, medium + o.medium, low + o.low, info + o.info);
    }

    static SummaryCell member(LocalDate date, String controller, String controlId, boolean exception, boolean pending) {
        long c = !exception && !pending ? 1 : 0;
        return new SummaryCell(date, controller, controlId, 1, c, exception ? 1 : 0, !exception && pending ? 1 : 0,
                0, 0, 0, 0);
    }

    static SummaryCell finding(LocalDate date, String controller, String controlId, Severity s) {
        return new SummaryCell(date, controller, controlId, 0, 0, 0, 0,
                s == Severity.HIGH ? 1 : 0, s == Severity.MEDIUM ? 1 : 0, s == Severity.LOW ? 1 : 0, s == Severity.INFO ? 1 : 0);
    }
}
