package io.auditwarehouse.portal;

import io.auditwarehouse.cli.Cli;
import io.auditwarehouse.cli.PortalReviews;
import io.auditwarehouse.config.AppConfig;
import io.auditwarehouse.config.ConfigLoader;
import io.auditwarehouse.testing.LocalCommands;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The demo's warehouse and package (built once per JVM, small: 300 runs of October 2026), a portal serving a folder of
 * it with accounts made by the users file's own code, headless Debian chromium, and an HTTP client for status codes.
 */
final class PortalFixture implements AutoCloseable {

    static final String MONTH = "2026-10";
    static final String PASSWORD = "correct horse battery staple";
    static final Path SCREENSHOTS = Path.of("target", "failsafe-reports", "portal-screenshots");
    private static Path demo;

    final Path out;
    final AppConfig config;
    final PortalServer server;
    final String base;

    /**
     * Serves {@code out} with accounts alice (auditor), carol (compliance), root (admin), locky (auditor) and baek.admin
     * (compliance; an ADMIN in the demo's users.csv, so the review rules let it review).
     */
    PortalFixture(Path out, String portalYaml, java.util.function.Function<AppConfig, OidcSignIn> oidc) throws IOException {
        this(out, "", portalYaml, oidc);
    }

    /** @param baseYaml config keys outside {@code portal:} (e.g. a MySQL warehouse's), or empty */
    PortalFixture(Path out, String baseYaml, String portalYaml, java.util.function.Function<AppConfig, OidcSignIn> oidc) throws IOException {
        this.out = out;
        int port = LocalCommands.freePort();
        Path yaml = out.resolve("portal-test.yaml");
        Files.writeString(yaml, baseYaml + "portal:\n  bind: 127.0.0.1:" + port + "\n" + portalYaml);
        this.config = ConfigLoader.load(yaml, null, out);
        UsersFile users = UsersFile.read(config.portalUsersFile());
        for (Map.Entry<String, Role> a : Map.of("alice", Role.AUDITOR, "carol", Role.COMPLIANCE, "root", Role.ADMIN, "locky", Role.AUDITOR,
                "baek.admin", Role.COMPLIANCE).entrySet()) {
            if (users.account(a.getKey()).isEmpty()) users.put(a.getKey(), a.getValue(), PASSWORD.toCharArray());
        }
        this.server = new PortalServer(config.portal(), out, PortalWarehouse.of(config), config.portalUsersFile(), PortalAccessLog.of(config),
                oidc == null ? null : oidc.apply(config), new PortalReviews(config)).start();
        this.base = config.portal().withPort(server.port()).baseUrl();
    }

    /** The demo's output folder, generated once per JVM (about 20 s). */
    static synchronized Path demo() throws IOException {
        if (demo == null) {
            Path dir = Files.createTempDirectory("portal-demo");
            Cli.expect(0, "demo", "--out", dir.toString(), "--runs", "300", "--month", MONTH);
            demo = dir;
        }
        return demo;
    }

    /** A copy of the demo's warehouse and reports a test may change (tamper with) without touching the others'. */
    static Path demoCopy() throws IOException {
        Path copy = Files.createTempDirectory("portal-copy");
        for (String sub : new String[] {"warehouse", "reports", "kibana"}) {
            Path from = demo().resolve(sub);
            try (Stream<Path> files = Files.walk(from)) {
                for (Path p : files.toList()) {
                    Path to = copy.resolve(sub).resolve(from.relativize(p).toString());
                    if (Files.isDirectory(p)) Files.createDirectories(to);
                    else Files.copy(p, to, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        return copy;
    }

    /** Config keys pointing at the demo's inputs (the users a review is checked against). */
    static String demoInput() throws IOException {
        return "input:\n  dir: " + demo().resolve("input") + "\n";
    }

    Path packageFile(String name) {
        return out.resolve("reports").resolve(MONTH).resolve(name);
    }

    String url(String path) {
        return base + path;
    }

    @Override
    public void close() {
        server.close();
    }

    // ---- the browser ----

    /** Headless Debian chromium through chromium-driver (bin/test-services exports their paths); downloads into {@code downloads}. */
    static WebDriver browser(Path downloads) {
        String driver = System.getenv("AW_TEST_CHROMEDRIVER");
        String chromium = System.getenv("AW_TEST_CHROMIUM");
        if (driver == null || chromium == null) fail("AW_TEST_CHROMEDRIVER and AW_TEST_CHROMIUM are not set: eval \"$(bin/test-services up)\" installs chromium and chromium-driver and exports them");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,1000", "--lang=ko");
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toAbsolutePath().toString(),
                "download.prompt_for_download", false, "plugins.always_open_pdf_externally", true));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(driver)).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    void signIn(WebDriver browser, String user, String password) {
        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("sign-in")).click();
    }

    /** Waits for an element that only the next page has. */
    static WebElement await(WebDriver browser, By what) {
        return new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(what));
    }

    /** Waits for the address and for that page to have loaded: the address changes before the new document is parsed. */
    static void awaitUrl(WebDriver browser, String part) {
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.and(ExpectedConditions.urlContains(part),
                b -> "complete".equals(((JavascriptExecutor) b).executeScript("return document.readyState"))));
    }

    static void screenshot(WebDriver browser, String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(), SCREENSHOTS.resolve(name + ".png"),
                StandardCopyOption.REPLACE_EXISTING);
    }

    // ---- plain HTTP, for status codes ----

    /** An HTTP client signed in as {@code user} (its session cookie kept), and that session's CSRF token. */
    Session http(String user) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
        String token = csrfOf(client.send(HttpRequest.newBuilder(URI.create(url("/login"))).build(), HttpResponse.BodyHandlers.ofString()).body());
        HttpResponse<String> signedIn = client.send(post("/login", "_csrf=" + enc(token) + "&username=" + enc(user) + "&password=" + enc(PASSWORD)),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(302, signedIn.statusCode(), "sign-in of " + user);
        String page = client.send(HttpRequest.newBuilder(URI.create(url("/packages"))).build(), HttpResponse.BodyHandlers.ofString()).body();
        return new Session(client, csrfOf(page));
    }

    record Session(HttpClient client, String csrf) {
    }

    HttpRequest post(String path, String form) {
        return HttpRequest.newBuilder(URI.create(url(path))).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
    }

    HttpResponse<String> get(Session s, String rawPath) throws IOException, InterruptedException {
        return s.client().send(HttpRequest.newBuilder(URI.create(url(rawPath))).build(), HttpResponse.BodyHandlers.ofString());
    }

    static String csrfOf(String html) {
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([0-9a-f]+)\"").matcher(html);
        if (!m.find()) fail("no CSRF token in the page");
        return m.group(1);
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
