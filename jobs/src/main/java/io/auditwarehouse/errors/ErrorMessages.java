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

    /**
     * A value the user gave, quoted for an error line, its control characters written as escapes: a value pasted from
     * a CRLF file would otherwise end in a carriage return and cut or garble the line.
     */
    public static String quoted(String value) {
        StringBuilder q = new StringBuilder("'");
        value.codePoints().forEach(c -> {
            switch (c) {
                case '\r' -> q.append("\\r");
                case '\n' -> q.append("\\n");
                case '\t' -> q.append("\\t");
                default -> {
                    if (Character.isISOControl(c)) q.append(String.format("\\u%04x", c));
                    else q.appendCodePoint(c);
                }
            }
        });
        return q.append('\'').toString();
    }
}
