package io.auditwarehouse.portal;

import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SSO: a real OpenID Connect provider (NAV's mock-oauth2-server, on loopback in this JVM) signs a user in through the
 * browser (authorization code with PKCE), and the portal takes the role from a claim of the signed ID token.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortalOidcIT {

    private static final String CLIENT = "evidence-portal";
    private final MockOAuth2Server provider = new MockOAuth2Server();
    private PortalFixture portal;
    private WebDriver browser;

    @BeforeAll
    void start() throws IOException {
        provider.start(InetAddress.getLoopbackAddress(), 0);
        String issuer = provider.issuerUrl("corp").toString().replaceAll("/$", "");
        String yaml = "  oidc:\n    issuer: " + issuer + "\n    client_id: " + CLIENT + "\n    role_claim: portal_roles\n";
        portal = new PortalFixture(PortalFixture.demoCopy(), yaml, config -> OidcSignIn.discover(config.portal()));
        browser = PortalFixture.browser(Files.createTempDirectory("oidc-downloads"));
    }

    @AfterAll
    void stop() {
        if (browser != null) browser.quit();
        if (portal != null) portal.close();
        provider.shutdown();
    }

    @Test
    void aUserSignsInThroughTheProviderWithTheRoleOfAClaim() throws IOException {
        provider.enqueueCallback(new DefaultOAuth2TokenCallback("corp", "u-1234", "JWT", List.of(CLIENT),
                Map.of("preferred_username", "sso.admin", "portal_roles", List.of("auditor", "admin")), 3600));
        browser.get(portal.url("/login"));
        browser.findElement(By.id("sso")).click();
        // the provider (interactive login off) issues the enqueued token at once and sends the browser back here
        PortalFixture.awaitUrl(browser, portal.url("/packages"));
        assertEquals("sso.admin (admin)", browser.findElement(By.id("who")).getText());
        assertFalse(browser.findElements(By.id("nav-access")).isEmpty(), "the admin role from the claim opens the access log");
        PortalFixture.screenshot(browser, "sso-signed-in");
        browser.findElement(By.id("nav-access")).click();
        String log = PortalFixture.await(browser, By.id("access")).getText();
        assertTrue(log.contains("sso.admin") && log.contains("SIGN_IN"), log);
    }

    @Test
    void aTokenWithoutAPortalRoleIsRefused() {
        provider.enqueueCallback(new DefaultOAuth2TokenCallback("corp", "u-5678", "JWT", List.of(CLIENT),
                Map.of("preferred_username", "nobody"), 3600));
        browser.manage().deleteAllCookies();
        browser.get(portal.url("/login"));
        browser.findElement(By.id("sso")).click();
        assertTrue(PortalFixture.await(browser, By.id("message")).isDisplayed());
        browser.get(portal.url("/packages"));
        assertTrue(browser.getCurrentUrl().endsWith("/login"), "not signed in");
    }
}
