package io.auditwarehouse.report;

import io.auditwarehouse.config.Secret;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keyed pseudonyms of user ids: {@code U-} and the first 8 hex digits of HMAC-SHA-256(key, user id). The same key
 * gives the same pseudonym every month, another key another one; without the key a pseudonym cannot be traced back
 * (8 digits rather than 6: with 6, two of a few thousand users would likely share one).
 */
public final class Pseudonyms {

    public static final String PREFIX = "U-";
    static final int HEX_DIGITS = 8;
    public static final String METHOD = "U- and the first " + HEX_DIGITS + " hex digits of HMAC-SHA-256(key, user id)";

    private final byte[] key;
    private final Map<String, String> cache = new ConcurrentHashMap<>();

    private Pseudonyms(byte[] key) {
        this.key = key;
    }

    public static Pseudonyms of(Secret key) {
        if (!key.present()) throw new IllegalArgumentException("no pseudonym key");
        return new Pseudonyms(key.reveal().getBytes(StandardCharsets.UTF_8));
    }

    /** The pseudonym of a user id (null stays null). */
    public String of(String userId) {
        return userId == null ? null : cache.computeIfAbsent(userId, this::hmac);
    }

    public static boolean looksLikeOne(String text) {
        return text.matches("(?i)" + PREFIX + "[0-9a-f]{" + HEX_DIGITS + "}");
    }

    /** What the manifest records of the key: the first 16 hex digits of its SHA-256, never the key. */
    public String keyFingerprint() {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key), 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private String hmac(String userId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] h = mac.doFinal(userId.getBytes(StandardCharsets.UTF_8));
            return PREFIX + HexFormat.of().withUpperCase().formatHex(h, 0, HEX_DIGITS / 2);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
