package vn.khien.compliance;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import vn.khien.access.Role;
import vn.khien.support.Browser;
import vn.khien.support.Http;
import vn.khien.support.IntegrationTest;
import vn.khien.support.TestData;

/** The roadmap by month: planned requirements and open tasks, overdue ones highlighted, drawn as a chart. */
class RoadmapBrowserTest extends IntegrationTest {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));

    @Autowired
    ComplianceFixture fixture;

    @Test
    void tasksAndPlannedRequirementsShowByMonthWithOverdueHighlighted() {
        TestData.Org province = data.org(data.root(), "Tỉnh Lộ Trình");
        TestData.Org department = data.org(province, "Sở Giao thông");
        TestData.Person officer = data.person(department, Role.SECURITY_OFFICER);
        Http.Api api = http.api(officer.token());
        long system = ComplianceFixture.createSystem(api, data, department, "Quản lý phương tiện");
        fixture.approve(system, department, 3, "nd85-2016", TODAY.minusMonths(3));
        String sys = "/api/v1/compliance/systems/" + system;
        JsonNode items = api.get(sys + "/plan").json().get("items");
        String planned = items.get(0).get("requirementId").asText();
        LocalDate nextMonth = TODAY.plusMonths(1);
        assertThat200(api.send(
                "PUT",
                sys + "/plan/" + planned,
                Map.of("status", "PLANNED", "targetDate", nextMonth.toString(), "owner", "Phòng CNTT")));
        assertThat200(api.post(
                sys + "/tasks",
                Map.of(
                        "title",
                        "Vá lỗ hổng máy chủ",
                        "dueOn",
                        TODAY.minusDays(3).toString())));
        assertThat200(api.post(sys + "/tasks", Map.of("title", "Triển khai WAF", "dueOn", nextMonth.toString())));

        JsonNode roadmap = api.get(sys + "/roadmap").json();
        Assertions.assertThat(roadmap.get("months").size())
                .isEqualTo(YearMonth.from(TODAY.minusDays(3)).equals(YearMonth.from(nextMonth)) ? 1 : 2);

        try (Browser browser = Browser.open(http.base())) {
            Page page = browser.newPage();
            Browser.signIn(page, officer.username(), TestData.PASSWORD);
            page.navigate("/compliance/systems/" + system);
            page.click("#roadmap-link");
            page.waitForLoadState();
            assertThat(page.locator("#roadmap-overdue")).containsText("1");
            assertThat(page.locator(".roadmap-entry.overdue")).hasCount(1);
            assertThat(page.locator(".roadmap-entry.overdue")).containsText("Vá lỗ hổng máy chủ");
            String month = YearMonth.from(nextMonth).toString();
            assertThat(page.locator(".roadmap-month[data-month='" + month + "'] .roadmap-entry"))
                    .hasCount(2);
            assertThat(page.locator(".roadmap-month[data-month='" + month + "'] [data-kind=planned]"))
                    .containsText(planned);
            assertThat(page.locator("#roadmap-chart")).isVisible();
            page.waitForFunction("() => document.getElementById('roadmap-chart').roadmapChart !== undefined");
            Object overdueSeries = page.evaluate(
                    "() => document.getElementById('roadmap-chart').roadmapChart.data.datasets[2].data.reduce((a, b) => a + b, 0)");
            Assertions.assertThat(((Number) overdueSeries).intValue()).isEqualTo(1);
            Browser.screenshot(page, "compliance-roadmap");
        }
    }

    private static void assertThat200(Http.Response r) {
        Assertions.assertThat(r.status()).as(r.body()).isBetween(200, 201);
    }
}
