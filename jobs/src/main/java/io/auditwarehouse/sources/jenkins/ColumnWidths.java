package io.auditwarehouse.sources.jenkins;

/**
 * The widest value each decoded field may hold: the warehouse columns it lands in (sql/warehouse/V001__tables.sql).
 * A longer value (a 1 MB job name, a 10 KB approval number) would fail the MySQL warehouse's write, and with it every
 * batch that covers the document's date, so the document is quarantined instead.
 */
public final class ColumnWidths {

    public static final int CONTROLLER = 100;
    public static final int JOB_NAME = 600;
    public static final int APPROVAL_NO = 64;
    public static final int RESULT = 32;
    public static final int PERSON_OR_NODE = 255;

    private ColumnWidths() {
    }

    /** @return the quarantine reason when the value is longer than {@code max} characters, else null */
    public static String tooLong(String field, String value, int max) {
        return value != null && value.length() > max ? field + " longer than " + max + " characters (" + value.length() + ")" : null;
    }

    /** @throws Rejected when the value is longer than {@code max} characters */
    static void check(String field, String value, int max) throws Rejected {
        String reason = tooLong(field, value, max);
        if (reason != null) throw new Rejected(reason);
    }
}
