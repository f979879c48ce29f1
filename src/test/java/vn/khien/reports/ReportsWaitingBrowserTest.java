package vn.khien.reports;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import vn.khien.access.Role;
import vn.khien.support.Browser;
import vn.khien.support.IntegrationTest;
import vn.khien.support.TestData;

/**
 * The "waiting for me" tab of {@code /reports}: a unit's leader with a checked report to sign and a submitted report of
 * a subordinate to accept or return finds both there, with the step to take, the due date and the count on the tab,
 * and reaches the report's page where the step's button is; a person with no step to take (the officer who checked)
 * sees a zero count and says so, with no report listed.
 */
class ReportsWaitingBrowserTest extends IntegrationTest {

    @Test
    void theLeaderFindsHisStepsOnTheWaitingTabAndTheOfficerWithNoneFindsNone() {
        TestData.Org province = data.org(data.root(), data.unique("Tỉnh thử chờ xử lý"));
        String unitName = data.unique("Sở thử chờ xử lý");
        TestData.Org unit = data.org(province, unitName);
        String subName = data.unique("Trung tâm thử chờ xử lý");
        TestData.Org sub = data.org(unit, subName);
        TestData.Person officer = data.person(unit, Role.SECURITY_OFFICER);
        TestData.Person leader = data.person(unit, Role.LEADER);
        TestData.Person subOfficer = data.person(sub, Role.SECURITY_OFFICER);
        TestData.Person subLeader = data.person(sub, Role.LEADER);

        // The unit's own report, checked: waits for its leader's signature.
        long own = created(officer, unit, "2026-Q2");
        step(officer, own, "CHECK");
        // The subordinate centre's report, submitted to the unit: waits for the unit to accept or return it.
        long child = created(subOfficer, sub, "2026-Q3");
        step(subOfficer, child, "CHECK");
        step(subLeader, child, "SIGN");
        step(subLeader, child, "SUBMIT");

        try (Browser b = Browser.open("http://127.0.0.1:" + port)) {
            Page page = b.newPage();
            Browser.signIn(page, leader.username(), TestData.PASSWORD);
            page.navigate("/reports?organizationId=" + unit.id());
            assertThat(page.locator("#waiting-count")).hasText("2");
            page.click("#tab-waiting");
            page.waitForURL(Pattern.compile(".*/reports\\?view=waiting$"));
            assertThat(page.locator("#tab-waiting")).hasAttribute("aria-current", "page");
            Locator rows = page.locator("#waiting .waiting-row");
            assertThat(rows).hasCount(2);
            // Earliest due first: the second quarter's signature (due before 20/06/2026, now late), then the decision.
            Locator sign = rows.nth(0);
            assertThat(sign).hasAttribute("data-report", String.valueOf(own));
            assertThat(sign.locator("td").nth(0)).hasText("Báo cáo tình hình bảo đảm an toàn thông tin mạng hằng quý");
            assertThat(sign.locator("td").nth(1)).hasText(unitName);
            // The period in words, never its code (issue 14).
            assertThat(sign.locator("td").nth(2)).hasText("Quý II năm 2026");
            assertThat(sign.locator("td").nth(3)).hasText("Đã kiểm tra");
            assertThat(sign.locator(".waiting-action")).hasText("Ký");
            assertThat(sign.locator("td").nth(5)).containsText(Pattern.compile("\\d{2}/06/2026"));
            assertThat(sign.locator(".waiting-late")).hasText("Quá hạn");
            Locator decide = rows.nth(1);
            assertThat(decide).hasAttribute("data-report", String.valueOf(child));
            assertThat(decide.locator("td").nth(1)).hasText(subName);
            assertThat(decide.locator("td").nth(2)).hasText("Quý III năm 2026");
            assertThat(decide.locator(".waiting-action")).hasText("Tiếp nhận hoặc trả lại");
            assertThat(decide.locator("td").nth(5)).containsText(Pattern.compile("\\d{2}/09/2026"));
            assertThat(page.locator("#waiting-counts [data-action=SIGN]")).containsText("Ký: 1");
            assertThat(page.locator("#waiting-counts [data-action=ACCEPT]")).containsText("Tiếp nhận hoặc trả lại: 1");
            assertThat(page.locator("#new-report")).hasCount(0);

            // The row leads to the report, where the step's button is.
            sign.locator("a").click();
            page.waitForURL(Pattern.compile(".*/reports/" + own + "$"));
            assertThat(page.locator("#action-SIGN")).isVisible();
            assertThat(page.locator("#report-period-label")).hasText("Quý II năm 2026 (từ 01/04/2026 đến 30/06/2026)");
            // The unit's own list names its periods in words too, and so does the English page.
            page.navigate("/reports?organizationId=" + unit.id());
            assertThat(page.locator("#reports tbody td").nth(1)).hasText("Quý II năm 2026");
            page.navigate("/reports/" + own + "?lang=en");
            assertThat(page.locator("#report-period-label")).hasText("Q2 2026 (from 01/04/2026 to 30/06/2026)");
            page.navigate("/reports?view=waiting&lang=en");
            assertThat(page.locator("#waiting [data-report='" + child + "'] td").nth(2))
                    .hasText("Q3 2026");
            page.navigate("/reports?view=waiting&lang=vi");

            // Once signed, the report waits for its submission by the unit (the leader or the officer).
            step(leader, own, "SIGN");
            page.navigate("/reports?view=waiting");
            assertThat(page.locator("#waiting-count")).hasText("2");
            assertThat(page.locator("#waiting [data-report='" + own + "'] .waiting-action"))
                    .hasText("Gửi cấp trên");
        }

        try (Browser b = Browser.open("http://127.0.0.1:" + port)) {
            Page page = b.newPage();
            // The centre's leader has signed and submitted: nothing waits for him.
            Browser.signIn(page, subLeader.username(), TestData.PASSWORD);
            page.navigate("/reports?view=waiting");
            assertThat(page.locator("#waiting-count")).hasText("0");
            assertThat(page.locator("#waiting-empty"))
                    .hasText("Không có báo cáo nào chờ bạn kiểm tra, ký, gửi cấp trên, tiếp nhận hoặc trả lại.");
            assertThat(page.locator(".waiting-row")).hasCount(0);
        }
    }

    private long created(TestData.Person by, TestData.Org org, String period) {
        return ReportsAttentionTest.created(http.api(by.token()), org, period);
    }

    private void step(TestData.Person who, long id, String step) {
        ReportsAttentionTest.step(http.api(who.token()), id, step);
    }
}
