package vn.khien.reports;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.time.Clock;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.khien.access.Role;
import vn.khien.reports.dashboard.DashboardService;
import vn.khien.support.Browser;
import vn.khien.support.IntegrationTest;
import vn.khien.support.TestData;

/**
 * Issue 9 point 4 on the dashboard, in a real browser: a unit without any system has no score — the ranking says "no
 * data" in words and lists it after the unit that has a system, never first among the best — and on its own dashboard
 * the overdue findings target (a count over systems) reads "no data" instead of "0, met", while the open incidents
 * (not about systems) still read 0.
 */
class DashboardNoDataBrowserTest extends IntegrationTest {
    @Autowired
    Clock clock;

    @Test
    void aUnitWithoutSystemsReadsNoDataInTheRankingAndOnItsDashboard() {
        TestData.Org province = data.org(data.root(), "Tỉnh thử xếp hạng");
        TestData.Org empty = data.org(province, "A đơn vị chưa có hệ thống");
        TestData.Org holding = data.org(province, "B đơn vị có hệ thống");
        ReportsRollupTest.system(admin(), data, holding, holding);
        TestData.Person officer = data.person(province, Role.SECURITY_OFFICER);

        try (Browser b = Browser.open("http://127.0.0.1:" + port)) {
            Page page = b.newPage();
            Browser.signIn(page, officer.username(), TestData.PASSWORD);
            page.navigate("/organizations/" + province.id() + "/dashboard");
            assertThat(page.locator("#dashboard-org")).hasText("Tỉnh thử xếp hạng");
            assertThat(page.locator("#dashboard-ranking tbody tr")).hasCount(2);
            assertThat(page.locator("#dashboard-ranking tbody tr").nth(0)).hasAttribute("data-org", "" + holding.id());
            assertThat(page.locator("#dashboard-ranking tbody tr")
                            .nth(0)
                            .locator("td")
                            .nth(2))
                    .not()
                    .hasText("không có dữ liệu");
            assertThat(page.locator("#dashboard-ranking tbody tr").nth(1)).hasAttribute("data-org", "" + empty.id());
            assertThat(page.locator("#dashboard-ranking tbody tr")
                            .nth(1)
                            .locator("td")
                            .nth(2))
                    .hasText("không có dữ liệu");

            // The trend's figures as a table (screen readers, printing): every target by quarter, the running
            // quarter's column reading what the targets table reads now.
            Locator targets = page.locator("#dashboard-targets tbody tr");
            Locator trend = page.locator("#dashboard-trend-table tbody tr");
            assertThat(page.locator("#dashboard-trend-table thead th")).hasCount(1 + DashboardService.TREND_QUARTERS);
            assertThat(trend).hasCount(targets.count());
            for (int i = 0; i < targets.count(); i++) {
                String key = targets.nth(i).getAttribute("data-target");
                String now = targets.nth(i).locator("td").nth(1).innerText().trim();
                String inTrend = page.locator("#dashboard-trend-table tr[data-target='" + key + "'] td")
                        .last()
                        .innerText()
                        .trim();
                org.assertj.core.api.Assertions.assertThat(now).as(key).startsWith(inTrend);
            }
            assertThat(page.locator("#trend-chart")).hasAttribute("aria-describedby", "dashboard-trend-table");
            // Quarters in words on the table's headers and the chart's labels, never their codes (issue 14).
            LocalDate today = LocalDate.now(clock.withZone(java.time.ZoneId.of("Asia/Ho_Chi_Minh")));
            int quarter = (today.getMonthValue() - 1) / 3 + 1;
            LocalDate before = today.minusMonths(3);
            String[] roman = {"I", "II", "III", "IV"};
            String now = "Quý " + roman[quarter - 1] + " năm " + today.getYear();
            String last = "Quý " + roman[(before.getMonthValue() - 1) / 3] + " năm " + before.getYear();
            assertThat(page.locator("#dashboard-trend-table thead th").last()).hasText(now);
            assertThat(page.locator("#dashboard-trend-table thead th").nth(DashboardService.TREND_QUARTERS - 1))
                    .hasText(last);
            String labels = page.locator("#trend-chart").getAttribute("data-labels");
            org.assertj.core.api.Assertions.assertThat(labels)
                    .endsWith(last + "|" + now)
                    .doesNotContainPattern("\\d{4}-Q");
            org.assertj.core.api.Assertions.assertThat(labels.split("\\|")).hasSize(DashboardService.TREND_QUARTERS);

            page.click("#dashboard-ranking tbody tr[data-org='" + empty.id() + "'] a");
            assertThat(page.locator("#dashboard-org")).hasText("A đơn vị chưa có hệ thống");
            assertThat(page.locator("#dashboard-targets tr[data-target='findingsOverdue'] td")
                            .nth(1))
                    .hasText("không có dữ liệu");
            assertThat(page.locator("#dashboard-targets tr[data-target='findingsOverdue']"))
                    .not()
                    .hasClass("table-danger");
            assertThat(page.locator("#dashboard-targets tr[data-target='incidents'] td")
                            .nth(1))
                    .hasText("0");

            page.navigate("/organizations/" + province.id() + "/dashboard?lang=en");
            assertThat(page.locator("#dashboard-trend-table thead th").last())
                    .hasText("Q" + quarter + " " + today.getYear());
        }
    }
}
