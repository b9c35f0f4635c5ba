package io.auditwarehouse.errors;

/** Errors are one readable line: the helper every error message is cut with. */
public final class ErrorMessages {

    private ErrorMessages() {
    }

    /**
     * The first non-blank line of the exception's message (drivers and Spark append plans and stack traces
     * after it), or the exception's simple class name when it has no message.
     */
    public static String firstLine(Throwable e) {
        String m = e.getMessage() == null ? "" : e.getMessage().strip();
        return m.isEmpty() ? e.getClass().getSimpleName() : m.lines().findFirst().orElse(m).strip();
    }
}
