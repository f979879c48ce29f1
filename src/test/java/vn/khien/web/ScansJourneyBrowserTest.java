package vn.khien.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.khien.access.Role;
import vn.khien.support.Browser;
import vn.khien.support.IntegrationTest;
import vn.khien.support.TestData;

/**
 * In a real browser: a leader of a unit uploads a scan report large enough to be imported in the background,
 * watches the progress fragment until the import completed, filters the findings, and accepts a risk.
 */
class ScansJourneyBrowserTest extends IntegrationTest {

    @Test
    void uploadWatchFilterAndAcceptARisk() throws Exception {
        TestData.Org unit = data.org(data.root(), "Sở thử quét");
        TestData.Person leader = data.person(unit, Role.LEADER);
        long system = BrowserScanData.system(data, unit);
        Map<String, int[]> hosts = new LinkedHashMap<>();
        int[] plugins = new int[300];
        for (int i = 0; i < plugins.length; i++) {
            plugins[i] = 2000 + i;
        }
        for (int h = 0; h < 12; h++) {
            hosts.put("10.20.0." + h, plugins);
        }
        Path report = Path.of("target", "browser-scan.nessus");
        Files.createDirectories(report.getParent());
        Files.write(report, BrowserScanData.nessus(hosts));

        try (Browser browser = Browser.open(http.base())) {
            Page page = browser.newPage();
            Browser.signIn(page, leader.username(), TestData.PASSWORD);
            page.navigate("/systems/" + system + "/scans");
            assertThat(page.locator("#scan-duty")).containsText("Quá hạn quét 6 tháng");
            page.setInputFiles("#file", report);
            page.click("#scan-submit");
            // Background import (over the test threshold): the fragment polls until the result shows.
            assertThat(page.locator("#scan-progress-bar")).isVisible();
            assertThat(page.locator("#scan-result"))
                    .containsText(
                            "300",
                            new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions()
                                    .setTimeout(60_000));
            Browser.screenshot(page, "scans-upload");
            page.click("#scan-findings-link");
            assertThat(page.locator("#finding-total")).containsText("300");

            page.selectOption("#filter-severity", "CRITICAL");
            page.click("#filter-submit");
            assertThat(page.locator("#finding-total")).containsText("60");
            page.fill("#filter-cve", "CVE-2024-12004");
            page.click("#filter-submit");
            assertThat(page.locator("#finding-total")).containsText("1");
            Browser.screenshot(page, "findings-filtered");

            page.locator("#findings a").first().click();
            assertThat(page.locator("#finding-title")).hasText("Plugin 2004");
            assertThat(page.locator("#finding-locations tr")).hasCount(12);
            page.selectOption("#state-status", "ACCEPTED_RISK");
            page.fill("#state-reason", "Đã cô lập bằng tường lửa ứng dụng web");
            page.fill("#state-expires", LocalDate.now().plusDays(60).toString());
            page.click("#state-submit");
            assertThat(page.locator("#state-message")).isVisible();
            assertThat(page.locator("#finding-status")).hasText("Chấp nhận rủi ro");
            assertThat(page.locator("#finding-risk")).containsText("Đã cô lập bằng tường lửa ứng dụng web");
            assertThat(page.locator("#finding-history")).containsText(leader.username());

            page.navigate("/organizations/" + unit.id() + "/findings");
            assertThat(page.locator("#findings-chart")).isVisible();
            assertThat(page.locator("#scan-duties")).containsText("Đáp ứng định kỳ 6 tháng");
            Browser.screenshot(page, "findings-subtree");
        }
    }
}
