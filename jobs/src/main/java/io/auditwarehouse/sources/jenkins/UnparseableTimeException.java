package io.auditwarehouse.sources.jenkins;

/** A timestamp in none of the accepted forms; the message quotes it and reads well as a quarantine reason. */
public class UnparseableTimeException extends Exception {

    public UnparseableTimeException(String value) {
        super("unparseable time '" + value + "'");
    }
}
