package io.auditwarehouse.portal;

import io.auditwarehouse.testing.LocalCommands;
import org.junit.jupiter.api.Test;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** portal.tls.*: the portal serves https only, with the keystore's certificate, and its session cookie is Secure. */
class PortalTlsIT {

    @Test
    void withAKeystoreThePortalServesHttpsOnlyAndItsCookieIsSecure() throws Exception {
        Path out = Files.createTempDirectory("portal-tls");
        Path keystore = out.resolve("portal.p12");
        Path passwordFile = out.resolve("keystore-password");
        String password = "tls-test-" + System.nanoTime();
        Files.writeString(passwordFile, password);
        LocalCommands.exec(List.of("keytool", "-genkeypair", "-alias", "portal", "-keyalg", "RSA", "-keysize", "2048",
                "-validity", "2", "-dname", "CN=127.0.0.1", "-ext", "SAN=IP:127.0.0.1", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", password));
        String yaml = "  tls:\n    keystore: " + keystore + "\n    password_file: " + passwordFile + "\n";
        try (PortalFixture portal = new PortalFixture(out, yaml, null)) {
            assertTrue(portal.base.startsWith("https://127.0.0.1:"), portal.base);
            HttpClient trusting = HttpClient.newBuilder().sslContext(trusting(keystore, password)).build();
            HttpResponse<String> login = trusting.send(HttpRequest.newBuilder(URI.create(portal.url("/login"))).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, login.statusCode());
            String cookie = login.headers().firstValue("Set-Cookie").orElse("");
            assertTrue(cookie.contains("Secure") && cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"), cookie);
            assertTrue(login.headers().firstValue("Strict-Transport-Security").isPresent());

            HttpClient plain = HttpClient.newHttpClient();
            URI http = URI.create(portal.url("/login").replace("https://", "http://"));
            // plain http to the https port: refused (Jetty answers a TLS-less request with 400 or drops it)
            try {
                HttpResponse<String> r = plain.send(HttpRequest.newBuilder(http).build(), HttpResponse.BodyHandlers.ofString());
                assertTrue(r.statusCode() >= 400, "plain http answered " + r.statusCode());
            } catch (IOException expected) {
                // connection closed without an answer
            }
            // the JVM's default trust (no test CA) refuses the self-signed certificate: it really is TLS
            assertThrows(IOException.class, () -> plain.send(HttpRequest.newBuilder(URI.create(portal.url("/login"))).build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
    }

    private static SSLContext trusting(Path keystore, String password) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            ks.load(in, password.toCharArray());
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return ctx;
    }
}
