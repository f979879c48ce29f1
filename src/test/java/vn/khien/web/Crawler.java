package vn.khien.web;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.khien.support.Browser;

/**
 * Walks the pages a signed-in person reaches from the menu, a few of each URL pattern, and lists what a person
 * should never see: an error status, a message key, an ISO date, English words on a Vietnamese page, a stack
 * trace or a browser console error. Keeps a full-page screenshot of every page it opens.
 */
final class Crawler {
    /** Pages of one URL pattern per person, and over the whole crawl: later people only add what is new to them. */
    static final int PER_PATTERN = 2;

    static final int PER_PATTERN_TOTAL = 4;
    static final int PER_PERSON = 16;

    /** Links that change state, download a file or leave the HTML pages. */
    private static final Pattern SKIP =
            Pattern.compile("^/(logout|login|api/|v3/|swagger-ui|webjars/|css/|js/|actuator)"
                    + "|\\.(docx|xlsx|csv|pdf|zip|png|json)($|\\?)|/attachments/|/signed-file|/download|/export|/files/"
                    + "|/report($|\\?)|/yaml$|[?&]lang=|/mfa/");

    private static final Pattern ISO_DATE = Pattern.compile("\\b(19|20)\\d\\d-[01]\\d-[0-3]\\d\\b");
    private static final Pattern STACK = Pattern.compile("(\\tat [a-z]+\\.|Exception:|\\bat vn\\.khien\\.|Whitelabel)");
    /** Common English words that have no business on a Vietnamese page outside data from scanners. */
    private static final Pattern ENGLISH = Pattern.compile(
            "\\b(the|and|with|from|this|that|must|should|not found|is not|unsupported|error|unknown|null|true|false|"
                    + "undefined|NaN|Save|Cancel|Submit|Delete|Edit|Back|Next|Previous|Search|Status|Page)\\b");

    private final String base;
    private final Path shots;
    private final Set<String> messageKeys;
    private final Map<String, Integer> allPatterns = new HashMap<>();

    Crawler(String base, Path shots) {
        this.base = base;
        this.shots = shots;
        this.messageKeys = loadKeys();
    }

    record Problem(String person, String url, String what) {
        @Override
        public String toString() {
            return person + " " + url + ": " + what;
        }
    }

    /** Crawls as one person; returns the problems found and the URLs visited. */
    List<Problem> crawl(Browser browser, String username, String password, List<String> visited) {
        List<Problem> problems = new ArrayList<>();
        Page page = browser.newPage();
        BrowserContext context = page.context();
        List<String> console = new ArrayList<>();
        page.onConsoleMessage(m -> {
            if ("error".equals(m.type())) {
                console.add(m.text());
            }
        });
        page.onPageError(e -> console.add(e));
        Browser.signIn(page, username, password);
        Deque<String> queue = new ArrayDeque<>();
        Set<String> seen = new HashSet<>();
        Map<String, Integer> perPattern = new HashMap<>();
        queue.add("/");
        seen.add("/");
        // The menu's links first, so every menu entry is reached within the cap.
        for (String href : links(page, "nav a[href]")) {
            if (seen.add(href)) {
                queue.add(href);
            }
        }
        int count = 0;
        while (!queue.isEmpty() && count < PER_PERSON) {
            String url = queue.poll();
            String pattern = pattern(url);
            // The menu's own pages are visited by everyone; other patterns a few times per person and in all.
            boolean menu = url.equals("/") || url.indexOf('/', 1) < 0 && !url.contains("?");
            if (perPattern.getOrDefault(pattern, 0) >= PER_PATTERN
                    || (!menu && allPatterns.getOrDefault(pattern, 0) >= PER_PATTERN_TOTAL)) {
                continue;
            }
            perPattern.merge(pattern, 1, Integer::sum);
            allPatterns.merge(pattern, 1, Integer::sum);
            count++;
            console.clear();
            Response response;
            try {
                response = page.navigate(url);
                page.waitForLoadState();
            } catch (RuntimeException e) {
                problems.add(new Problem(username, url, "navigation failed: " + e.getMessage()));
                continue;
            }
            visited.add(username + " " + url);
            if (response != null && response.status() >= 400) {
                problems.add(new Problem(username, url, "HTTP " + response.status()));
            }
            screenshot(page, username, count, url);
            String text = visibleText(page);
            check(problems, username, url, text);
            for (String c : console) {
                problems.add(new Problem(username, url, "console error: " + c));
            }
            if (response != null && response.status() < 400) {
                for (String href : links(page, "main a[href], nav a[href]")) {
                    if (seen.add(href)) {
                        queue.add(href);
                    }
                }
            }
        }
        context.close();
        return problems;
    }

    private void check(List<Problem> problems, String person, String url, String text) {
        Matcher iso = ISO_DATE.matcher(text);
        if (iso.find()) {
            problems.add(new Problem(person, url, "ISO date shown: " + around(text, iso.start())));
        }
        Matcher stack = STACK.matcher(text);
        if (stack.find()) {
            problems.add(new Problem(person, url, "stack trace: " + around(text, stack.start())));
        }
        if (text.contains("??")) {
            problems.add(new Problem(person, url, "unresolved message: " + around(text, text.indexOf("??"))));
        }
        for (String token : text.split("[\\s,;:()\\[\\]\"']+")) {
            String t = token.endsWith(".") ? token.substring(0, token.length() - 1) : token;
            if (t.indexOf('.') > 0 && messageKeys.contains(t)) {
                problems.add(new Problem(person, url, "message key shown: " + t));
            }
        }
        Matcher english = ENGLISH.matcher(text);
        if (english.find()) {
            problems.add(new Problem(person, url, "English text: " + around(text, english.start())));
        }
    }

    /**
     * The text a person reads: the body's innerText without the parts marked as another language (data from
     * scanners and catalogues carries {@code lang="en"}) or as codes ({@code translate="no"}).
     */
    private static String visibleText(Page page) {
        return (String) page.evaluate("""
                () => {
                  const body = document.body.cloneNode(true);
                  body.querySelectorAll('[lang]:not([lang="vi"]), [translate="no"], script, style, noscript, .navbar')
                      .forEach(e => e.remove());
                  document.body.appendChild(body);
                  body.style.position = 'absolute'; body.style.left = '-99999px';
                  const t = body.innerText;
                  body.remove();
                  return t;
                }""");
    }

    private List<String> links(Page page, String selector) {
        @SuppressWarnings("unchecked")
        List<String> hrefs = (List<String>)
                page.evalOnSelectorAll(selector, "els => els.filter(e => !e.closest('[hidden]')).map(e => e.href)");
        Set<String> out = new LinkedHashSet<>();
        for (String href : hrefs) {
            if (href == null || href.isBlank()) {
                continue;
            }
            URI uri;
            try {
                uri = URI.create(href);
            } catch (IllegalArgumentException e) {
                continue;
            }
            if (!href.startsWith(base)) {
                continue;
            }
            String path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            if (path.isEmpty() || SKIP.matcher(path).find()) {
                continue;
            }
            out.add(path);
        }
        return new ArrayList<>(out);
    }

    /** /systems/12/dossiers?x=1 → /systems/{n}/dossiers?x: a few pages of each shape are enough. */
    static String pattern(String url) {
        String path = url.replaceAll("/\\d+", "/{n}");
        int q = path.indexOf('?');
        if (q < 0) {
            return path;
        }
        StringBuilder keys = new StringBuilder(path.substring(0, q)).append('?');
        for (String kv : path.substring(q + 1).split("&")) {
            keys.append(kv.split("=")[0]).append('&');
        }
        return keys.toString();
    }

    private void screenshot(Page page, String person, int n, String url) {
        String slug = url.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-|-$", "");
        Path file = shots.resolve(person).resolve(String.format("%02d-%s.png", n, slug.isEmpty() ? "home" : slug));
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
    }

    private static String around(String text, int at) {
        int from = Math.max(0, at - 40);
        int to = Math.min(text.length(), at + 60);
        return "«" + text.substring(from, to).replaceAll("\\s+", " ") + "»";
    }

    private static Set<String> loadKeys() {
        Set<String> keys = new HashSet<>();
        for (String bundle :
                List.of("messages", "messages-systems", "messages-vulnerabilities", "messages-compliance")) {
            try (InputStream in = Crawler.class.getResourceAsStream("/" + bundle + ".properties")) {
                if (in == null) {
                    continue;
                }
                Properties p = new Properties();
                p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
                keys.addAll(p.stringPropertyNames());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return keys;
    }

    /** Against a running demo: {@code java ... vn.khien.web.Crawler http://localhost:8080 target/crawl}. */
    public static void main(String[] args) {
        Crawler crawler = new Crawler(args[0], Path.of(args[1]));
        List<String> people = args.length > 2 ? List.of(args[2].split(",")) : CrawlTest.PEOPLE;
        try (Browser browser = Browser.open(args[0])) {
            for (String person : people) {
                List<String> visited = new ArrayList<>();
                List<Problem> problems = crawler.crawl(browser, person, "Khien@Demo2026", visited);
                System.out.println("== " + person + ": " + visited.size() + " pages, " + problems.size() + " problems");
                problems.forEach(p -> System.out.println("  " + p));
            }
        }
    }
}
