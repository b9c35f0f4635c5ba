package io.auditwarehouse.portal;

import io.auditwarehouse.config.ConfigException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The portal's own accounts: one line {@code name:role:hash} each (Argon2id or bcrypt), {@code #} comments allowed.
 * Written with owner-only permissions; a password is never stored, only its hash.
 */
public final class UsersFile {

    static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");

    record Account(String name, Role role, String hash) {
    }

    private final Path file;
    private final Map<String, Account> accounts;

    private UsersFile(Path file, Map<String, Account> accounts) {
        this.file = file;
        this.accounts = accounts;
    }

    /** The accounts of a file; a missing file has none. */
    public static UsersFile read(Path file) {
        Map<String, Account> accounts = new LinkedHashMap<>();
        if (Files.isRegularFile(file)) {
            try {
                int n = 0;
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    n++;
                    if (line.isBlank() || line.startsWith("#")) continue;
                    String[] f = line.split(":", 3);
                    Optional<Role> role = f.length == 3 ? Role.parse(f[1]) : Optional.empty();
                    if (role.isEmpty() || !NAME.matcher(f[0]).matches()) {
                        throw new ConfigException("portal.users_file", file + " line " + n + ": expected name:role:hash");
                    }
                    accounts.put(f[0], new Account(f[0], role.get(), f[2].strip()));
                }
            } catch (IOException e) {
                throw new ConfigException("portal.users_file", "cannot read " + file + ": " + e.getMessage());
            }
        }
        return new UsersFile(file, accounts);
    }

    Optional<Account> account(String name) {
        return Optional.ofNullable(accounts.get(name));
    }

    public int size() {
        return accounts.size();
    }

    /** Adds or replaces an account and rewrites the file (atomically, owner read/write only). */
    public void put(String name, Role role, char[] password) {
        if (!NAME.matcher(name).matches()) {
            throw new ConfigException("NAME", "'" + name + "' is not a user name (letters, digits, . _ @ -; at most 64)");
        }
        accounts.put(name, new Account(name, role, Passwords.hash(java.nio.CharBuffer.wrap(password))));
        StringBuilder text = new StringBuilder("# evidence portal users: name:role:hash (portal user add)\n");
        accounts.values().forEach(a -> text.append(a.name()).append(':').append(a.role().id()).append(':').append(a.hash()).append('\n'));
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".users", ".tmp");
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: its default permissions apply
            }
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
