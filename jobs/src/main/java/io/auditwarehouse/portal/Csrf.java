package io.auditwarehouse.portal;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;

/** The synchronizer token of a session: every form carries it, every POST must echo it. */
final class Csrf {

    static final String FIELD = "_csrf";
    static final String SESSION_KEY = "csrf";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Csrf() {
    }

    static String newToken() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /** Constant-time comparison; a missing token on either side never matches. */
    static boolean matches(String expected, String given) {
        if (expected == null || given == null) return false;
        return MessageDigest.isEqual(expected.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                given.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
