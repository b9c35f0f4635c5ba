package io.auditwarehouse.portal;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/** Password hashes of the users file: new ones Argon2id; bcrypt ones (from another tool) are checked too. */
final class Passwords {

    private static final Argon2PasswordEncoder ARGON2 = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
    private static final BCryptPasswordEncoder BCRYPT = new BCryptPasswordEncoder();

    private Passwords() {
    }

    static String hash(CharSequence password) {
        return ARGON2.encode(password);
    }

    static boolean matches(CharSequence password, String hash) {
        if (hash.startsWith("$argon2id$")) return ARGON2.matches(password, hash);
        if (hash.startsWith("$2a$") || hash.startsWith("$2b$") || hash.startsWith("$2y$")) return BCRYPT.matches(password, hash);
        return false;
    }

    /** Hashing a password nobody has, so that an unknown name costs the same time as a wrong password. */
    static void spendTheSameTime(CharSequence password) {
        ARGON2.matches(password, DUMMY);
    }

    private static final String DUMMY = hash("no such user");
}
