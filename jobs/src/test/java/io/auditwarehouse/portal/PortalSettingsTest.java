package io.auditwarehouse.portal;

import io.auditwarehouse.config.AppConfig;
import io.auditwarehouse.config.ConfigException;
import io.auditwarehouse.config.ConfigLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** portal.* defaults (issue 13) and the refusal of plain http off loopback. */
class PortalSettingsTest {

    @TempDir
    Path tmp;

    private AppConfig load(String yaml) throws IOException {
        Path file = tmp.resolve("c.yaml");
        Files.writeString(file, yaml);
        return ConfigLoader.load(file, null, tmp);
    }

    @Test
    void defaultsAreLoopback8080ThirtyMinutesAndNoSso() throws IOException {
        AppConfig c = load("{}\n");
        assertEquals("127.0.0.1", c.portal().host());
        assertEquals(8080, c.portal().port());
        assertEquals(Duration.ofMinutes(30), c.portal().sessionIdle());
        assertFalse(c.portal().tls() || c.portal().oidc() || c.portal().allowPlainHttp());
        assertEquals(tmp.resolve("portal").resolve("users"), c.portalUsersFile());
    }

    @Test
    void plainHttpOffLoopbackIsRefusedUnlessAllowed() throws IOException {
        AppConfig open = load("portal:\n  bind: 0.0.0.0:8080\n");
        ConfigException e = assertThrows(ConfigException.class,
                () -> new PortalServer(open.portal(), tmp, PortalWarehouse.of(open), open.portalUsersFile(), new PortalAccessLog(null), null, null));
        assertTrue(e.getMessage().contains("portal.tls.keystore"), e.getMessage());
        AppConfig allowed = load("portal:\n  bind: 0.0.0.0:0\n  allow_plain_http: true\n");
        new PortalServer(allowed.portal(), tmp, PortalWarehouse.of(allowed), allowed.portalUsersFile(), new PortalAccessLog(null), null, null).close();
    }

    @Test
    void badValuesNameTheirKey() {
        assertEquals("portal.bind", assertThrows(ConfigException.class, () -> load("portal:\n  bind: localhost\n")).key());
        assertEquals("portal.allow_plain_http", assertThrows(ConfigException.class, () -> load("portal:\n  allow_plain_http: maybe\n")).key());
        assertEquals("portal.oidc.client_id", assertThrows(ConfigException.class, () -> load("portal:\n  oidc:\n    issuer: https://idp.example\n")).key());
    }
}
