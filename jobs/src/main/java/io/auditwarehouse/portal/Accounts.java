package io.auditwarehouse.portal;

import java.nio.CharBuffer;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The users file's accounts (re-read when it changes) and the demo account, which lives in memory only. */
final class Accounts {

    private final Path file;
    private final Map<String, UsersFile.Account> inMemory = new ConcurrentHashMap<>();

    Accounts(Path file) {
        this.file = file;
    }

    void addInMemory(String name, Role role, char[] password) {
        inMemory.put(name, new UsersFile.Account(name, role, Passwords.hash(CharBuffer.wrap(password))));
    }

    /** The user a name and password sign in as, or empty; an unknown name costs as long as a wrong password. */
    Optional<PortalUser> check(String name, char[] password) {
        Optional<UsersFile.Account> account = Optional.ofNullable(inMemory.get(name)).or(() -> UsersFile.read(file).account(name));
        if (account.isEmpty()) {
            Passwords.spendTheSameTime(CharBuffer.wrap(password));
            return Optional.empty();
        }
        if (!Passwords.matches(CharBuffer.wrap(password), account.get().hash())) return Optional.empty();
        return Optional.of(new PortalUser(name, account.get().role(), "password"));
    }
}
