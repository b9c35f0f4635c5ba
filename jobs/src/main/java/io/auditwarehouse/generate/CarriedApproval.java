package io.auditwarehouse.generate;

import java.util.Locale;

/**
 * The approval parameter a run carries: a real approval row, or a literal number no row has.
 *
 * @param sloppy printed lower-case with stray spaces, as operators sometimes type it
 */
record CarriedApproval(ApprovalRow row, String literal, boolean sloppy) {

    static CarriedApproval of(ApprovalRow row) {
        return new CarriedApproval(row, null, false);
    }

    static CarriedApproval literal(String number) {
        return new CarriedApproval(null, number, false);
    }

    CarriedApproval sloppily() {
        return new CarriedApproval(row, literal, true);
    }

    /** As printed in the build variables and the audit trail. */
    String raw() {
        String n = row != null ? row.number : literal;
        return sloppy ? " " + n.toLowerCase(Locale.ROOT) + " " : n;
    }
}
