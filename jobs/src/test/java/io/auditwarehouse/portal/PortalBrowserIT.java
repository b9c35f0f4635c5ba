package io.auditwarehouse.portal;

import io.auditwarehouse.cli.Cli;
import io.auditwarehouse.model.Disposition;
import io.auditwarehouse.model.FindingReview;
import io.auditwarehouse.report.PackageVerifier;
import io.auditwarehouse.sinks.FindingReviews;
import io.auditwarehouse.sinks.ParquetAppendLog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The evidence portal in a real browser (headless Debian chromium) against the demo's warehouse and package. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortalBrowserIT {

    private PortalFixture portal;
    private WebDriver browser;
    private Path downloads;

    @BeforeAll
    void start() throws IOException {
        portal = new PortalFixture(PortalFixture.demoCopy(), PortalFixture.demoInput(), "", null);
        downloads = Files.createTempDirectory("portal-downloads");
        browser = PortalFixture.browser(downloads);
    }

    @AfterAll
    void stop() {
        if (browser != null) browser.quit();
        if (portal != null) portal.close();
    }

    private void signInAs(String user) {
        browser.manage().deleteAllCookies();
        portal.signIn(browser, user, PortalFixture.PASSWORD);
        PortalFixture.awaitUrl(browser, "/packages");
        assertEquals(portal.url("/packages"), browser.getCurrentUrl(), "signed in as " + user);
    }

    @Test
    void anAuditorSignsInSeesTheDemoMonthAndDownloadsThePdfByteForByte() throws IOException {
        signInAs("alice");
        WebElement row = browser.findElement(By.id("package-" + PortalFixture.MONTH));
        assertTrue(row.findElement(By.className("chain")).getAttribute("class").contains("ok"), "the demo package verifies");
        assertEquals(PackageVerifier.sha256(portal.packageFile("manifest.json")), row.findElement(By.className("sha")).getText());
        PortalFixture.screenshot(browser, "packages");
        Path pdf = download(row.findElement(By.className("pdf")), "evidence-" + PortalFixture.MONTH + ".pdf");
        assertArrayEquals(Files.readAllBytes(portal.packageFile("evidence-" + PortalFixture.MONTH + ".pdf")), Files.readAllBytes(pdf));
    }

    @Test
    void everyDownloadIsRecordedInPortalAccessWithTheSha256OfTheBytesServed() throws IOException {
        signInAs("alice");
        browser.get(portal.url("/packages"));
        WebElement row = browser.findElement(By.id("package-" + PortalFixture.MONTH));
        Map<String, Path> got = new TreeMap<>();
        String month = PortalFixture.MONTH;
        got.put(month + "/evidence-" + month + ".xlsx", download(row.findElement(By.className("xlsx")), "evidence-" + month + ".xlsx"));
        row = browser.findElement(By.id("package-" + month));
        got.put(month + "/csv.zip", download(row.findElement(By.className("csvzip")), "csv.zip"));
        row = browser.findElement(By.id("package-" + month));
        got.put(month + "/manifest.json", download(row.findElement(By.className("manifest")), "manifest.json"));

        // read back through the warehouse, as an auditor's own query would
        List<String> rows = Cli.expect(0, "sql", "--out", portal.out.toString(), "--format", "csv",
                "select file, sha256, user_name, client_address from portal_access where action = 'DOWNLOAD' and user_name = 'alice'").csvRows();
        for (Map.Entry<String, Path> e : got.entrySet()) {
            String line = e.getKey() + "," + PackageVerifier.sha256(e.getValue()) + ",alice,127.0.0.1";
            assertTrue(rows.contains(line), line + " in portal_access: " + rows);
        }
        assertEquals(PackageVerifier.sha256(portal.packageFile("manifest.json")), PackageVerifier.sha256(got.get(month + "/manifest.json")));
        browser.get(portal.url("/packages/" + month));
        String downloadsTable = browser.findElement(By.id("downloads")).getText();
        assertTrue(downloadsTable.contains(month + "/csv.zip"), "the package page shows who downloaded it: " + downloadsTable);
        PortalFixture.screenshot(browser, "package");
    }

    @Test
    void theFindingsFilterReturnsTheSameRowsAsTheEquivalentSqlQuery() throws IOException {
        signInAs("alice");
        browser.get(portal.url("/findings"));
        new Select(browser.findElement(By.id("f-control_id"))).selectByValue("C1");
        // a date input's typing order follows the browser's locale; its value is ISO whatever the locale
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "document.getElementById('f-from').value = '2026-10-01'; document.getElementById('f-to').value = '2026-10-20'");
        clickAndWaitFor(By.id("apply"), "control_id=C1");
        List<String> shown = new ArrayList<>();
        for (int page = 2; ; page++) {
            browser.findElements(By.className("finding-id")).forEach(e -> shown.add(e.getText()));
            if (browser.findElements(By.id("next")).isEmpty()) break;
            clickAndWaitFor(By.id("next"), "page=" + page);
        }
        PortalFixture.screenshot(browser, "findings");
        List<String> expected = Cli.expect(0, "sql", "--out", portal.out.toString(), "--format", "csv",
                "select finding_id from recon_finding where control_id = 'C1' and business_date between '2026-10-01' and '2026-10-20' "
                        + "order by business_date, finding_id").csvRows();
        assertFalse(expected.isEmpty(), "the demo month has C1 findings in that range");
        assertEquals(expected, shown);
        assertEquals(String.valueOf(expected.size()), browser.findElement(By.id("total")).getText());

        browser.findElements(By.className("finding-id")).get(0).click();
        assertFalse(PortalFixture.await(browser, By.className("source-docs")).getText().isBlank(), "the finding's page shows its source documents");
        PortalFixture.screenshot(browser, "finding");
        browser.get(portal.url("/summary?month=" + PortalFixture.MONTH));
        assertEquals(6, browser.findElements(By.cssSelector("#controls tbody tr")).size(), "controls C1-C6");
        PortalFixture.screenshot(browser, "summary");
    }

    @Test
    void theDispositionFilterAndTheReviewHistoryReadTheReviews() throws IOException {
        String id = Cli.expect(0, "sql", "--out", portal.out.toString(), "--format", "csv",
                "select finding_id from recon_finding where control_id = 'C2' order by finding_id limit 1").csvRows().get(0);
        new FindingReviews(new ParquetAppendLog(portal.out.resolve("warehouse"))).record(List.of(FindingReview.of(id,
                Disposition.ACKNOWLEDGED, "JIRA-42", "seen", "baek.admin", java.time.Instant.parse("2026-11-12T01:00:00Z"), null)));
        signInAs("alice");
        browser.get(portal.url("/findings"));
        new Select(browser.findElement(By.id("f-disposition"))).selectByValue("ACKNOWLEDGED");
        clickAndWaitFor(By.id("apply"), "disposition=ACKNOWLEDGED");
        assertEquals(List.of(id), browser.findElements(By.className("finding-id")).stream().map(WebElement::getText).toList());
        List<String> expected = Cli.expect(0, "sql", "--out", portal.out.toString(), "--format", "csv",
                "select finding_id from recon_finding_status where disposition = 'ACKNOWLEDGED'").csvRows();
        assertEquals(expected, List.of(id), "the same as the sql query");
        browser.findElement(By.className("finding-id")).click();
        String history = PortalFixture.await(browser, By.id("reviews")).getText();
        assertTrue(history.contains("ACKNOWLEDGED") && history.contains("JIRA-42") && history.contains("baek.admin"), history);
        PortalFixture.screenshot(browser, "finding-reviewed");
    }

    @Test
    void aComplianceReviewerRecordsADispositionAndAnAuditorHasNoForm() throws IOException {
        String id = Cli.expect(0, "sql", "--out", portal.out.toString(), "--format", "csv",
                "select f.finding_id from recon_finding f left join recon_run r on r.controller = f.controller and r.job_name = f.job_name "
                        + "and r.build_number = f.build_number where f.control_id = 'C1' and 'baek.admin' not in (coalesce(f.actor, ''), "
                        + "coalesce(r.executor, ''), coalesce(r.approval_requester, ''), coalesce(r.approval_approver, '')) "
                        + "order by f.finding_id limit 1").csvRows().get(0);
        signInAs("alice");
        browser.get(portal.url("/findings/" + id));
        assertTrue(browser.findElements(By.id("review")).isEmpty(), "no review form for an auditor");

        signInAs("baek.admin");
        browser.get(portal.url("/findings/" + id));
        new Select(browser.findElement(By.id("r-disposition"))).selectByValue("REMEDIATED");
        browser.findElement(By.id("r-reference")).sendKeys("CHG-2026-1107");
        browser.findElement(By.id("r-comment")).sendKeys("job re-run under its approval");
        browser.findElement(By.id("r-submit")).click();
        assertEquals("→ REMEDIATED", PortalFixture.await(browser, By.id("review-outcome")).getText());
        String history = browser.findElement(By.id("reviews")).getText();
        assertTrue(history.contains("REMEDIATED") && history.contains("CHG-2026-1107") && history.contains("baek.admin"), history);
        PortalFixture.screenshot(browser, "finding-review-form");
        assertEquals(List.of("REMEDIATED,baek.admin"), Cli.expect(0, "sql", "--out", portal.out.toString(), "--format", "csv",
                "select disposition, reviewer from recon_finding_status where finding_id = '" + id + "'").csvRows());
    }

    @Test
    void fiveWrongPasswordsLockTheAccountAndTheLockIsLogged() throws IOException {
        browser.manage().deleteAllCookies();
        for (int i = 1; i <= 5; i++) {
            portal.signIn(browser, "locky", "wrong password " + i);
            PortalFixture.await(browser, By.id("error"));
        }
        String locked = browser.findElement(By.id("error")).getText();
        PortalFixture.screenshot(browser, "login-locked");
        portal.signIn(browser, "locky", PortalFixture.PASSWORD);
        assertEquals(locked, PortalFixture.await(browser, By.id("error")).getText(), "the right password is refused while locked");
        assertTrue(browser.getCurrentUrl().endsWith("/login"));
        List<String> actions = Cli.expect(0, "sql", "--out", portal.out.toString(), "--format", "csv",
                "select action, count(*) as n from portal_access where user_name = 'locky' group by action order by action").csvRows();
        // five wrong passwords, the lock, and the right password refused while locked
        assertEquals(List.of("ACCOUNT_LOCKED,1", "SIGN_IN_FAILED,6"), actions);
    }

    @Test
    void anAuditorCannotReachTheAccessLogButAnAdminCan() throws Exception {
        assertEquals(403, portal.get(portal.http("alice"), "/admin/access").statusCode());
        assertEquals(403, portal.get(portal.http("carol"), "/admin/access.csv").statusCode());
        signInAs("alice");
        assertTrue(browser.findElements(By.id("nav-access")).isEmpty(), "no access-log link for an auditor");
        browser.get(portal.url("/admin/access"));
        PortalFixture.screenshot(browser, "access-denied");

        PortalFixture.Session admin = portal.http("root");
        HttpResponse<String> csv = portal.get(admin, "/admin/access.csv");
        assertEquals(200, csv.statusCode());
        assertTrue(csv.body().startsWith("access_id,accessed_at,user_name,role,action,file,sha256,client_address,user_agent,detail"));
        assertTrue(csv.body().contains(",alice,auditor,DENIED,"), "the refusal is logged: " + csv.body());
        signInAs("root");
        clickAndWaitFor(By.id("nav-access"), "/admin/access");
        assertFalse(browser.findElements(By.className("event")).isEmpty());
        PortalFixture.screenshot(browser, "access-log");

        // filtered to alice's refusals: the page and its CSV hold those and nothing else, and the export is itself recorded
        browser.findElement(By.id("a-user")).sendKeys("alice");
        new Select(browser.findElement(By.id("a-action"))).selectByValue("DENIED");
        clickAndWaitFor(By.id("a-apply"), "action=DENIED");
        List<String> shown = browser.findElements(By.className("event")).stream()
                .map(e -> e.findElements(By.tagName("td")).get(1).getText() + " " + e.findElement(By.className("action")).getText()).toList();
        assertFalse(shown.isEmpty());
        assertEquals(List.of("alice DENIED"), shown.stream().distinct().toList(), "only alice's refusals: " + shown);
        assertEquals(String.valueOf(shown.size()), browser.findElement(By.id("total")).getText());
        PortalFixture.screenshot(browser, "access-log-filtered");
        HttpResponse<String> filtered = portal.get(admin, "/admin/access.csv?user=alice&action=DENIED");
        List<String> lines = filtered.body().lines().skip(1).toList();
        assertEquals(shown.size(), lines.size(), filtered.body());
        assertTrue(lines.stream().allMatch(l -> l.contains(",alice,auditor,DENIED,")), filtered.body());
        String exports = portal.get(admin, "/admin/access.csv?action=EXPORT").body();
        assertTrue(exports.contains(",root,admin,EXPORT,portal_access.csv?user=alice&action=DENIED,"), "the export is recorded: " + exports);
    }

    @Test
    void aFormWithoutTheSessionsCsrfTokenIsRefused() throws Exception {
        PortalFixture.Session alice = portal.http("alice");
        assertEquals(403, alice.client().send(portal.post("/logout", ""), HttpResponse.BodyHandlers.ofString()).statusCode());
        assertEquals(403, alice.client().send(portal.post("/logout", "_csrf=" + "0".repeat(64)), HttpResponse.BodyHandlers.ofString()).statusCode());
        assertEquals(200, portal.get(alice, "/packages").statusCode(), "still signed in: the forged sign-out did nothing");
        assertEquals(302, alice.client().send(portal.post("/logout", "_csrf=" + alice.csrf()), HttpResponse.BodyHandlers.ofString()).statusCode());
        assertEquals(302, portal.get(alice, "/packages").statusCode(), "the real sign-out worked");

        // the sign-in form itself, its token stripped in the browser
        browser.manage().deleteAllCookies();
        browser.get(portal.url("/login"));
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("document.querySelector('input[name=_csrf]').remove()");
        browser.findElement(By.id("username")).sendKeys("alice");
        browser.findElement(By.id("password")).sendKeys(PortalFixture.PASSWORD);
        browser.findElement(By.id("sign-in")).click();
        assertTrue(PortalFixture.await(browser, By.id("message")).getText().contains("CSRF"));
        PortalFixture.screenshot(browser, "csrf-refused");
    }

    @Test
    void traversalAttemptsGet404AndNeverTheFile() throws Exception {
        Path secret = portal.out.resolve("reports").resolve("secret.txt");
        Files.writeString(secret, "not part of any package");
        PortalFixture.Session alice = portal.http("alice");
        String m = PortalFixture.MONTH;
        for (String path : List.of("/packages/" + m + "/download?file=../secret.txt", "/packages/" + m + "/download?file=..%2Fsecret.txt",
                "/packages/" + m + "/download?file=%2e%2e%2fsecret.txt", "/packages/" + m + "/download?file=csv/../../secret.txt",
                "/packages/" + m + "/download?file=%2Fetc%2Fpasswd", "/packages/..%2Fsecret.txt/download?file=manifest.json",
                "/packages/%2e%2e/download?file=secret.txt", "/packages/" + m + "/..%2F..%2Fsecret.txt",
                "/packages/" + m + "/download?file=csv%5C..%5C..%5Csecret.txt")) {
            HttpResponse<String> r = portal.get(alice, path);
            assertTrue(r.statusCode() == 404 || r.statusCode() == 400, path + " answered " + r.statusCode());
            assertFalse(r.body().contains("not part of any package"), path);
        }
        assertEquals(200, portal.get(alice, "/packages/" + m + "/download?file=csv/recon_finding.csv").statusCode(), "a listed file is served");
        HttpResponse<String> ok = portal.get(alice, "/packages/" + m + "/download?file=manifest.json");
        assertEquals(PortalServer.CSP, ok.headers().firstValue("Content-Security-Policy").orElse(""));
        assertEquals("nosniff", ok.headers().firstValue("X-Content-Type-Options").orElse(""));
        assertEquals("attachment; filename=\"manifest.json\"; filename*=UTF-8''manifest.json", ok.headers().firstValue("Content-Disposition").orElse(""));
    }

    @Test
    void aTamperedPackageShowsRedNamingTheFile() throws IOException {
        try (PortalFixture tampered = new PortalFixture(PortalFixture.demoCopy(), "", null)) {
            Path pdf = tampered.packageFile("evidence-" + PortalFixture.MONTH + ".pdf");
            Files.write(pdf, new byte[] {'%'}, java.nio.file.StandardOpenOption.APPEND);
            browser.manage().deleteAllCookies();
            tampered.signIn(browser, "alice", PortalFixture.PASSWORD);
            // the sign-in answers with a redirect: the last portal's /packages must not be mistaken for this one's
            PortalFixture.awaitUrl(browser, tampered.url("/packages"));
            browser.findElement(By.id("lang-en")).click();
            new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.textToBe(By.tagName("h1"), "Packages"));
            WebElement chain = browser.findElement(By.id("package-" + PortalFixture.MONTH)).findElement(By.className("chain"));
            assertTrue(chain.getAttribute("class").contains("bad"), "shown red");
            assertTrue(chain.getText().startsWith("evidence-" + PortalFixture.MONTH + ".pdf: SHA-256 "), chain.getText());
            assertEquals("Packages", browser.findElement(By.tagName("h1")).getText(), "the page in English after the choice");
            PortalFixture.screenshot(browser, "packages-tampered");

            // an earlier issue of the month, kept where report keeps a superseded package, is listed on the month's page
            Path earlier = tampered.out.resolve("reports").resolve("superseded").resolve(PortalFixture.MONTH + "-0123456789ab");
            Files.createDirectories(earlier.getParent());
            Files.copy(tampered.packageFile("manifest.json").getParent().resolve("manifest.json"), Files.createDirectories(earlier).resolve("manifest.json"));
            browser.get(tampered.url("/packages/" + PortalFixture.MONTH));
            assertTrue(browser.findElement(By.id("earlier")).getText().startsWith(PortalFixture.MONTH + "-0123456789ab"), "earlier issues");
            browser.findElement(By.cssSelector("#earlier a")).click();
            PortalFixture.awaitUrl(browser, "/packages/" + PortalFixture.MONTH + "-0123456789ab");
            assertTrue(browser.findElement(By.className("chain")).getText().contains("missing"), "its files are not there: red");
        }
    }

    /** Clicks what submits a form or follows a link, and waits for the new page's address: no element of the old page is read. */
    private void clickAndWaitFor(By what, String urlPart) {
        browser.findElement(what).click();
        PortalFixture.awaitUrl(browser, urlPart);
    }

    /** Clicks a download link and waits for the finished file (Chromium writes .crdownload until then). */
    private Path download(WebElement link, String name) throws IOException {
        Path file = downloads.resolve(name);
        Files.deleteIfExists(file);
        link.click();
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(b -> Files.isRegularFile(file)
                && !Files.exists(downloads.resolve(name + ".crdownload")));
        return file;
    }

    static String joined(List<String> lines) {
        return lines.stream().collect(Collectors.joining("\n"));
    }
}
