package vn.khien.compliance;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.time.LocalDate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.khien.access.Role;
import vn.khien.support.Browser;
import vn.khien.support.IntegrationTest;
import vn.khien.support.TestData;

/**
 * Issue 9, points 6 and 13, in a real browser on a system's security plan: "Đã đáp ứng" without saying how is refused
 * next to the "how" field, in the opened row, with everything typed kept; an evidence form refused (no title, a link
 * that is not a web address) opens again with each message next to its own field and what was typed kept; a met
 * requirement without evidence is flagged as such.
 */
class PlanFormErrorsBrowserTest extends IntegrationTest {

    @Autowired
    ComplianceFixture fixture;

    @Test
    void aRefusedPlanOrEvidenceFormOpensInPlaceWithTheMessageByItsFieldAndNothingLost() {
        TestData.Org province = data.org(data.root(), "Tỉnh lỗi biểu mẫu");
        TestData.Org department = data.org(province, "Sở Giáo dục thử");
        TestData.Person officer = data.person(department, Role.SECURITY_OFFICER);
        long system =
                ComplianceFixture.createSystem(http.api(officer.token()), data, department, "Hệ thống trường học");
        fixture.approve(system, department, 3, "nd85-2016", LocalDate.of(2026, 3, 1));

        try (Browser browser = Browser.open(http.base())) {
            Page page = browser.newPage();
            Browser.signIn(page, officer.username(), TestData.PASSWORD);
            page.navigate("/compliance/systems/" + system);
            Locator first = page.locator("tr[data-requirement]").first();
            String requirement = first.getAttribute("data-requirement");
            first.locator("details.item-edit summary").click();
            first.locator("select[name=status]").selectOption("MET");
            first.locator("input[name=owner]").fill("Phòng Hành chính");
            first.locator(".item-form button").click();
            page.waitForLoadState();

            Locator row = page.locator("tr[data-requirement='" + requirement + "']");
            Locator edit = row.locator("details.item-edit");
            assertThat(edit).hasAttribute("open", "open");
            assertThat(row.locator("textarea[name=howMet]")).hasClass(Pattern.compile("is-invalid"));
            assertThat(row.locator(".item-form .invalid-feedback").first())
                    .hasText("Nêu cách hệ thống đáp ứng yêu cầu này (bằng chứng có thể bổ sung sau).");
            assertThat(row.locator(".item-form .invalid-feedback").first()).isVisible();
            assertThat(row.locator("select[name=status]")).hasValue("MET");
            assertThat(row.locator("input[name=owner]")).hasValue("Phòng Hành chính");
            assertThat(row.locator(".item-status")).not().hasText("Đã đáp ứng");

            row.locator("textarea[name=howMet]").fill("Đã ban hành quy chế, áp dụng từ tháng 3");
            row.locator(".item-form button").click();
            page.waitForLoadState();
            row = page.locator("tr[data-requirement='" + requirement + "']");
            assertThat(row.locator(".item-status")).hasText("Đã đáp ứng");
            assertThat(row.locator(".evidence-missing")).isVisible();

            // An evidence with a link but no title, then a title and a link that is not a web address.
            row.locator("details.item-edit summary").click();
            row.locator(".evidence-form input[name=url]").fill("https://vanban.example.test/qd-9");
            row.locator(".evidence-form button").click();
            page.waitForLoadState();
            row = page.locator("tr[data-requirement='" + requirement + "']");
            assertThat(row.locator("details.item-edit")).hasAttribute("open", "open");
            Locator titleError = row.locator(".evidence-form input[name=title] + .invalid-feedback");
            assertThat(titleError).isVisible();
            assertThat(titleError).hasText("Trường này là bắt buộc.");
            assertThat(row.locator(".evidence-form input[name=url]")).hasValue("https://vanban.example.test/qd-9");

            row.locator(".evidence-form input[name=title]").fill("Quyết định ban hành quy chế");
            row.locator(".evidence-form input[name=url]").fill("vanban/qd-9");
            row.locator(".evidence-form button").click();
            page.waitForLoadState();
            row = page.locator("tr[data-requirement='" + requirement + "']");
            Locator urlError = row.locator(".evidence-form input[name=url] + .invalid-feedback");
            assertThat(urlError).isVisible();
            assertThat(urlError).hasText("Đường dẫn phải bắt đầu bằng http:// hoặc https://.");
            assertThat(row.locator(".evidence-form input[name=title]")).hasValue("Quyết định ban hành quy chế");
            assertThat(row.locator(".evidence-form input[name=url]")).hasValue("vanban/qd-9");
            Browser.screenshot(page, "plan-evidence-error-in-place");
        }
    }
}
