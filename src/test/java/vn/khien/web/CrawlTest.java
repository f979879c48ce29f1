package vn.khien.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import vn.khien.identity.DemoData;
import vn.khien.support.Browser;
import vn.khien.support.DemoStart;

/**
 * Signs in as every demo person of the README's start command, follows the same-origin links reachable from the
 * menu (a few pages of each URL pattern) and fails on anything a person should never see: an error status, a
 * message key, an ISO date, English on a Vietnamese page, a stack trace, a browser console error. Every page's
 * full screenshot is kept under {@code target/crawl/<person>/} for people to look at.
 */
class CrawlTest {
    static final List<String> PEOPLE = List.of(
            "demo.quantri",
            "demo.dieuphoi",
            "demo.quocgia.thamdinh",
            "demo.bo.canbo",
            "demo.bo.lanhdao",
            "demo.tinh.quantri",
            "demo.tinh.lanhdao",
            "demo.so.canbo",
            "demo.so.ungcuu",
            "demo.thanhtra",
            "demo.bv.canbo");

    @TempDir
    Path workDir;

    @Test
    void everyDemoPersonSeesOnlyCleanVietnamesePages() {
        try (ConfigurableApplicationContext ctx =
                DemoStart.run(workDir, "--khien.scans.reports-dir=" + workDir.resolve("reports"))) {
            String base = DemoStart.base(ctx);
            Crawler crawler = new Crawler(base, Path.of("target/crawl"));
            List<Crawler.Problem> problems = new ArrayList<>();
            List<String> visited = new ArrayList<>();
            try (Browser browser = Browser.open(base)) {
                for (String person : PEOPLE) {
                    problems.addAll(crawler.crawl(browser, person, DemoData.PASSWORD, visited));
                }
            }
            assertThat(visited).as("pages visited").hasSizeGreaterThan(PEOPLE.size() * 5);
            assertThat(problems).as("what people should never see").isEmpty();
        }
    }
}
