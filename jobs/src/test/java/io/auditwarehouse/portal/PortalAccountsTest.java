package io.auditwarehouse.portal;

import io.auditwarehouse.cli.Cli;
import io.auditwarehouse.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The users file: Argon2id hashes (bcrypt ones accepted), owner-only, written by `portal user add` from standard input. */
class PortalAccountsTest {

    @TempDir
    Path tmp;

    @Test
    void portalUserAddStoresAnArgon2idHashNeverThePassword() throws Exception {
        String password = "a long enough passphrase";
        InputStream stdin = System.in;
        Cli added;
        try {
            System.setIn(new ByteArrayInputStream((password + "\n").getBytes(StandardCharsets.UTF_8)));
            added = Cli.expect(0, "portal", "user", "add", "dana", "--role", "compliance", "--out", tmp.toString());
        } finally {
            System.setIn(stdin);
        }
        Path file = tmp.resolve("portal").resolve("users");
        assertTrue(added.out().contains("dana (compliance)"), added.out());
        String text = Files.readString(file);
        assertFalse(text.contains(password));
        assertTrue(text.contains("\ndana:compliance:$argon2id$"), text);
        assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(file));
        Accounts accounts = new Accounts(file);
        assertEquals(new PortalUser("dana", Role.COMPLIANCE, "password"), accounts.check("dana", password.toCharArray()).orElseThrow());
        assertTrue(accounts.check("dana", "a long enough passphrasE".toCharArray()).isEmpty());
        assertTrue(accounts.check("nobody", password.toCharArray()).isEmpty());
    }

    @Test
    void aShortPasswordOrAnUnknownRoleIsRefused() {
        InputStream stdin = System.in;
        try {
            System.setIn(new ByteArrayInputStream("short\n".getBytes(StandardCharsets.UTF_8)));
            Cli.expect(2, "portal", "user", "add", "eve", "--role", "auditor", "--out", tmp.toString());
            System.setIn(new ByteArrayInputStream("a long enough passphrase\n".getBytes(StandardCharsets.UTF_8)));
            Cli.expect(2, "portal", "user", "add", "eve", "--role", "root", "--out", tmp.toString());
        } finally {
            System.setIn(stdin);
        }
        assertFalse(Files.exists(tmp.resolve("portal").resolve("users")));
    }

    @Test
    void aBcryptHashFromAnotherToolSignsInAndABrokenLineIsNamed() throws Exception {
        Path file = tmp.resolve("users");
        Files.write(file, List.of("# made elsewhere", "fay:auditor:" + new BCryptPasswordEncoder().encode("bcrypt passphrase")));
        assertEquals(Role.AUDITOR, new Accounts(file).check("fay", "bcrypt passphrase".toCharArray()).orElseThrow().role());
        Files.write(file, List.of("fay:superuser:$2a$10$x"));
        ConfigException e = assertThrows(ConfigException.class, () -> UsersFile.read(file));
        assertTrue(e.getMessage().contains("line 1"), e.getMessage());
    }

    @Test
    void theRoleOfAnSsoClaimIsTheHighestItNames() {
        assertEquals(Role.ADMIN, OidcSignIn.role(List.of("auditor", "admin", "other")).orElseThrow());
        assertEquals(Role.COMPLIANCE, OidcSignIn.role("Compliance").orElseThrow());
        assertTrue(OidcSignIn.role(List.of("staff")).isEmpty());
        assertTrue(OidcSignIn.role(null).isEmpty());
    }

    @Test
    void aDownloadNameIsEncodedForContentDisposition() {
        assertEquals("attachment; filename=\"___2026-10_.pdf\"; filename*=UTF-8''%EC%A6%9D%EC%A0%81%202026-10%22.pdf",
                Downloads.attachment("증적 2026-10\".pdf"));
    }
}
