package io.auditwarehouse.config;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/** An RSA private key from PKCS#8 PEM text ({@code -----BEGIN PRIVATE KEY-----}), as NAVER WORKS issues them. */
public final class RsaPrivateKeys {

    private static final String BEGIN = "-----BEGIN PRIVATE KEY-----";
    private static final String END = "-----END PRIVATE KEY-----";

    private RsaPrivateKeys() {
    }

    /** @throws IllegalArgumentException with a message that never quotes the key */
    public static PrivateKey parse(String pem) {
        int begin = pem.indexOf(BEGIN);
        int end = pem.indexOf(END);
        if (begin < 0 || end < begin) {
            throw new IllegalArgumentException(pem.contains("BEGIN RSA PRIVATE KEY")
                    ? "holds a PKCS#1 key (BEGIN RSA PRIVATE KEY); convert it with: openssl pkcs8 -topk8 -nocrypt -in KEY"
                    : "holds no PEM private key (" + BEGIN + ")");
        }
        try {
            byte[] der = Base64.getMimeDecoder().decode(pem.substring(begin + BEGIN.length(), end));
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new IllegalArgumentException("holds a private key that is not a readable RSA key");
        }
    }
}
