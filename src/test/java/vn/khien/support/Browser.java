package vn.khien.support;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assumptions;

/**
 * Headless Debian Chromium driven by Playwright, offline (no browser download). One Playwright driver and one Chromium
 * per test JVM, started on the first {@link #open} and stopped when the JVM exits: starting them took about 2 s of
 * CPU per {@code open}, some 70 times per pass. What a test sees is unchanged: every {@link #newPage()} is a fresh
 * browser context (own cookies, storage and cache), and {@link #close()} closes every context opened since, so the
 * next test starts with none. Tests run one after another in a JVM (Playwright objects are not thread-safe).
 */
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

    private static @Nullable Playwright playwright;
    private static com.microsoft.playwright.@Nullable Browser shared;

    private final com.microsoft.playwright.Browser browser;
    private final String base;

    private Browser(String base) {
        this.base = base;
        this.browser = chromium();
    }

    /** The JVM's Chromium, started (again, if it went away) on demand. */
    private static synchronized com.microsoft.playwright.Browser chromium() {
        if (shared != null && shared.isConnected()) {
            return shared;
        }
        if (playwright == null) {
            playwright = Playwright.create(
                    new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
            Playwright started = playwright;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "playwright-close"));
        }
        shared = playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(CHROMIUM)
                        .setHeadless(true)
                        .setArgs(ARGS));
        return shared;
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

    /** Closes every browser context opened since {@link #open} (also those a test opened on {@code browser()}). */
    @Override
    public void close() {
        if (browser.isConnected()) {
            for (BrowserContext context : List.copyOf(browser.contexts())) {
                context.close();
            }
        }
    }
}
