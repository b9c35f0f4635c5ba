package io.auditwarehouse.config;

/**
 * {@code report.pseudonymise} and its key: whether the evidence package names users by keyed pseudonyms.
 *
 * @param key present whenever {@code enabled}; also used alone by {@code reveal} and by reproducing a pseudonymised package
 */
public record PseudonymSettings(boolean enabled, Secret key) {

    /** Shorter keys are guessable: a pseudonym is only as secret as its key. */
    public static final int MIN_KEY_LENGTH = 16;

    public static final PseudonymSettings OFF = new PseudonymSettings(false, Secret.NONE);
}
