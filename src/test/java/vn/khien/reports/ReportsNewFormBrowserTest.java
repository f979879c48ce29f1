package vn.khien.reports;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import vn.khien.access.Role;
import vn.khien.support.Browser;
import vn.khien.support.IntegrationTest;
import vn.khien.support.TestData;

/**
 * The new-report form, refused, comes back with what was typed (the kind chosen, the period) and each problem under its
 * field, as the sign-off and return forms do (issue 9: no form loses input).
 */
class ReportsNewFormBrowserTest extends IntegrationTest {

    @Test
    void aRefusedNewReportKeepsTheKindAndPeriodAndSaysWhichFieldIsWrong() {
        TestData.Org unit = data.org(data.org(data.root(), data.unique("Tỉnh thử biểu mẫu")), data.unique("Đơn vị"));
        TestData.Person officer = data.person(unit, Role.SECURITY_OFFICER);

        try (Browser b = Browser.open("http://127.0.0.1:" + port)) {
            Page page = b.newPage();
            Browser.signIn(page, officer.username(), TestData.PASSWORD);
            page.navigate("/reports?organizationId=" + unit.id());
            // Not the first kind, and a quarter where the annual report wants a year.
            page.selectOption("#kind", "ANNUAL_LEVEL");
            page.fill("#period", "2026-Q9");
            page.click("#create-report");
            assertThat(page.locator("#period-error")).containsText("Kỳ báo cáo không hợp lệ cho loại báo cáo này");
            // the kind of period in words, with this year's period as the example, never the rule's code
            assertThat(page.locator("#period-error")).containsText("năm số liệu");
            assertThat(page.locator("#period-error")).not().containsText("YEAR");
            assertThat(page.locator("#period")).hasValue("2026-Q9");
            assertThat(page.locator("#period")).hasClass(Pattern.compile("is-invalid"));
            assertThat(page.locator("#kind")).hasValue("ANNUAL_LEVEL");
            assertThat(page.locator("#kind-error")).hasCount(0);

            // Corrected, it opens; asked again for the same kind and period, the refusal sits under the period.
            page.fill("#period", "2026");
            page.click("#create-report");
            page.waitForURL(Pattern.compile(".*/reports/\\d+$"));
            assertThat(page.locator("#report-status")).hasText("Dự thảo");
            page.navigate("/reports?organizationId=" + unit.id());
            page.selectOption("#kind", "ANNUAL_LEVEL");
            page.fill("#period", "2026");
            page.click("#create-report");
            assertThat(page.locator("#period-error")).containsText("Đã có báo cáo cho tổ chức, loại và kỳ này");
            assertThat(page.locator("#kind")).hasValue("ANNUAL_LEVEL");
            assertThat(page.locator("#period")).hasValue("2026");
        }
    }
}
