package vn.khien.support;

import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/** Headless Debian Chromium driven by Playwright, offline (no browser download). */
public final class Browser implements AutoCloseable {
    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final List<String> ARGS = List.of(
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync");

    private final Playwright playwright;
    private final com.microsoft.playwright.Browser browser;
    private final String base;

    private Browser(String base) {
        this.base = base;
        playwright = Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(CHROMIUM)
                        .setHeadless(true)
                        .setArgs(ARGS));
    }

    public static Browser open(String base) {
        Assumptions.assumeTrue(
                Files.isExecutable(CHROMIUM),
                "Chromium is not installed at /usr/bin/chromium (apt-get install chromium; ./test.sh does it when run as root)");
        return new Browser(base);
    }

    /** A fresh browser context (own cookies), Vietnamese, in Vietnam's time zone. */
    public Page newPage() {
        return newPage("vi-VN");
    }

    /** A fresh browser context in the given browser locale ({@code en-US}: an English Chromium), Vietnam's zone. */
    public Page newPage(String locale) {
        return browser.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                        .setLocale(locale)
                        .setTimezoneId("Asia/Ho_Chi_Minh")
                        .setBaseURL(base))
                .newPage();
    }

    public static void signIn(Page page, String username, String password) {
        page.navigate("/login");
        page.fill("#username", username);
        page.fill("#password", password);
        // Wait for the sign-in POST to have left the login page (to the home page, or to /login?error):
        // waiting for the load state alone returns at once, and a navigation right after would cancel the POST.
        page.click("#login-submit");
        page.waitForURL(url -> !url.endsWith("/login"));
        page.waitForLoadState();
    }

    public static void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(Path.of("target/screenshots/" + name + ".png"))
                .setFullPage(true));
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
