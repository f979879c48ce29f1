package vn.khien.obligations;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import vn.khien.access.Role;
import vn.khien.support.Browser;
import vn.khien.support.IntegrationTest;
import vn.khien.support.TestData;

/**
 * In a real browser: the officer opens the unit's budget from R39's "do it" link, uploads a plan with a wrong cell and
 * reads which sheet, row and column is wrong (nothing recorded), uploads the corrected file, corrects a draft; the
 * leader approves it and the share turns green.
 */
class BudgetBrowserTest extends IntegrationTest {

    @Test
    void officerImportsAndCorrectsTheLeaderApproves() throws Exception {
        TestData.Org unit = data.org(data.root(), "Sở Tài chính kinh phí");
        TestData.Person officer = data.person(unit, Role.SECURITY_OFFICER);
        TestData.Person leader = data.person(unit, Role.LEADER);
        byte[] bad = BudgetImportTest.workbook(List.of(Arrays.asList(
                null,
                2027,
                "Hằng năm",
                "Kế hoạch CNTT 2027",
                1_000_000_000L,
                "một trăm triệu",
                "Ngân sách tỉnh",
                null)));
        byte[] good = BudgetImportTest.workbook(List.of(Arrays.asList(
                null,
                2027,
                "Hằng năm",
                "Kế hoạch CNTT 2027",
                1_000_000_000L,
                80_000_000L,
                "Ngân sách tỉnh",
                "Cổng thông tin điện tử")));

        try (Browser browser = Browser.open(http.base())) {
            Page page = browser.newPage();
            Browser.signIn(page, officer.username(), TestData.PASSWORD);
            page.navigate(http.base() + "/organizations/" + unit.id() + "/obligations");
            page.locator("#obligation-R39-ORGANIZATION-" + unit.id() + " a.obligation-link")
                    .click();
            page.waitForURL("**/organizations/" + unit.id() + "/budget");
            assertThat(page.locator("#budget-plans")).containsText("Chưa có kế hoạch");

            page.setInputFiles(
                    "#budget-import-file",
                    new FilePayload(
                            "ke-hoach.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", bad));
            page.click("#budget-import-submit");
            assertThat(page.locator("#budget-import-errors")).containsText("Kinh phí an toàn thông tin (đồng)");
            assertThat(page.locator("#budget-import-errors tbody tr").first()).containsText("Kế hoạch");
            assertThat(page.locator("#budget-import-errors tbody tr").first()).containsText("F");
            assertThat(page.locator("#budget-import-errors")).containsText("không phải là số");
            Browser.screenshot(page, "budget-import-errors");

            page.setInputFiles(
                    "#budget-import-file",
                    new FilePayload(
                            "ke-hoach.xlsx",
                            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                            good));
            page.click("#budget-import-submit");
            assertThat(page.locator("#message")).containsText("Đã nhập 1 kế hoạch");
            page.locator("#budget-plans tbody tr a.btn").first().click();
            page.waitForURL("**/budget-plans/*/edit");
            // a wrong amount comes back next to its field, with everything typed kept (issue 9 point 6)
            page.fill("#plan-name", "Kế hoạch CNTT 2027 (sửa)");
            page.fill("#plan-security", "120 triệu");
            page.fill("#plan-total", "");
            page.click("#budget-edit-submit");
            assertThat(page.locator("#plan-security-error"))
                    .hasText("Số tiền \"120 triệu\" không đọc được: chỉ gồm chữ số, có thể tách hàng nghìn bằng dấu"
                            + " chấm (ví dụ 1.500.000.000).");
            assertThat(page.locator("#plan-total-error")).hasText("Tổng kinh phí phải lớn hơn 0.");
            assertThat(page.locator("#plan-name")).hasValue("Kế hoạch CNTT 2027 (sửa)");
            assertThat(page.locator("#plan-security")).hasValue("120 triệu");
            assertThat(page.locator("#plan-name-error")).hasCount(0);
            // amounts are typed the Vietnamese way, with dots between the thousands
            page.fill("#plan-total", "1.000.000.000");
            page.fill("#plan-security", "120.000.000");
            page.click("#budget-edit-submit");
            assertThat(page.locator("#message")).hasText("Đã lưu kế hoạch.");
            assertThat(page.locator("#budget-own")).containsText("12");
            assertThat(page.locator("#budget-plans tbody tr").first()).hasAttribute("data-status", "DRAFT");
            assertThat(page.locator("#budget-plans button")).hasCount(0); // the officer does not approve
        }
        try (Browser browser = Browser.open(http.base())) {
            Page page = browser.newPage();
            Browser.signIn(page, leader.username(), TestData.PASSWORD);
            // the home page tells the leader a plan awaits approval, and leads to it
            page.navigate(http.base() + "/");
            page.locator("a[href='/organizations/" + unit.id() + "/budget?year=2027']")
                    .first()
                    .click();
            page.waitForURL("**/organizations/" + unit.id() + "/budget?year=2027");
            page.locator("#budget-plans button").first().click();
            assertThat(page.locator("#message")).containsText("Đã phê duyệt");
            assertThat(page.locator("#budget-plans tbody tr").first()).hasAttribute("data-status", "APPROVED");
            assertThat(page.locator("#budget-own .badge")).hasClass(Pattern.compile("text-bg-success"));
            Browser.screenshot(page, "budget-approved");
        }
    }
}
