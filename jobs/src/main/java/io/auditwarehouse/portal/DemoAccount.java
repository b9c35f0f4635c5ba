package io.auditwarehouse.portal;

import java.security.SecureRandom;

/** The demo auditor of a loopback portal: a random password, held in memory only, printed once at start. */
public final class DemoAccount {

    public static final String NAME = "demo-auditor";
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private DemoAccount() {
    }

    public static char[] randomPassword() {
        SecureRandom random = new SecureRandom();
        char[] p = new char[20];
        for (int i = 0; i < p.length; i++) p[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
        return p;
    }
}
