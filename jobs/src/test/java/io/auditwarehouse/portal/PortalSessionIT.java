package io.auditwarehouse.portal;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** portal.session_idle: a session without requests for that long is over; the next request goes to the sign-in page. */
class PortalSessionIT {

    @Test
    void anIdleSessionEndsAndItsCookieIsHttpOnlyAndStrict() throws Exception {
        try (PortalFixture portal = new PortalFixture(Files.createTempDirectory("portal-session"), "  session_idle: 4s\n", null)) {
            String cookie = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(portal.url("/login"))).build(),
                    HttpResponse.BodyHandlers.discarding()).headers().firstValue("Set-Cookie").orElse("");
            assertTrue(cookie.startsWith("AWSESSION=") && cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict")
                    && !cookie.contains("Secure"), cookie);
            PortalFixture.Session alice = portal.http("alice");
            assertEquals(200, portal.get(alice, "/packages").statusCode());
            // idleness is what is tested: no request on this session for longer than portal.session_idle
            Thread.sleep(5000);
            HttpResponse<String> after = portal.get(alice, "/packages");
            assertEquals(302, after.statusCode(), "the idle session ended");
            assertEquals("/login", after.headers().firstValue("Location").orElse("").replaceAll("^https?://[^/]+", ""));
        }
    }
}
