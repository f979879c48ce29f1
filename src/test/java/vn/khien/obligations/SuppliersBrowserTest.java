package vn.khien.obligations;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;
import vn.khien.access.Role;
import vn.khien.support.Browser;
import vn.khien.support.IntegrationTest;
import vn.khien.support.TestData;

/**
 * In a real browser: the hospital's officer follows the home page's line about a supplier never assessed to the
 * suppliers ranked by risk, opens the supplier, forgets the clause reference (the form says which field, keeps what
 * was typed), then records the assessment: the supplier is current and R36 is met. An auditor sees no form.
 */
class SuppliersBrowserTest extends IntegrationTest {

    @Test
    void anOfficerAssessesASupplier() {
        TestData.Org unit = data.org(data.root(), "Bệnh viện trình duyệt nhà cung cấp");
        TestData.Person officer = data.person(unit, Role.SECURITY_OFFICER);
        TestData.Person auditor = data.person(unit, Role.AUDITOR);
        long system = ObligationFixtures.system(
                data, unit, 3, "NEW", SupplierFixtures.today().minusMonths(6));
        String supplier = data.unique("Công ty phần mềm y tế");
        SupplierFixtures.supplier(
                data, system, supplier, "REMOTE_ADMIN", SupplierFixtures.today().minusDays(20));
        String suppliers = "/organizations/" + unit.id() + "/suppliers";

        try (Browser browser = Browser.open(http.base())) {
            Page page = browser.newPage();
            Browser.signIn(page, officer.username(), TestData.PASSWORD);
            page.navigate(http.base() + "/");
            page.locator("a[href='" + suppliers + "']").first().click();
            page.waitForURL("**" + suppliers);
            assertThat(page.locator("#supplier-0")).hasAttribute("data-state", "NEVER");
            assertThat(page.locator("#supplier-0")).containsText("Quản trị từ xa");
            page.locator("#supplier-0 a.supplier-link").click();
            page.waitForURL("**/suppliers/assess?supplier=**");
            assertThat(page.locator("#supplier-state")).hasText("Chưa đánh giá");

            page.fill("#data-processed", "Hồ sơ bệnh án điện tử");
            page.selectOption("#risk-rating", "HIGH");
            page.selectOption("#security-clause", "true");
            page.fill("#open-issues", "Tài khoản quản trị dùng chung");
            page.fill("#assessed-on", "45/13/2026");
            page.click("#supplier-assess-submit");
            // each problem next to its field, in words, the day kept as typed (issue 9 point 6)
            assertThat(page.locator("#security-clause-ref-error"))
                    .hasText("Ghi rõ điều khoản khi hợp đồng có điều khoản này.");
            assertThat(page.locator("#assessed-on-error")).hasText("Ngày \"45/13/2026\" không đúng dạng dd/MM/yyyy.");
            assertThat(page.locator("#assessed-on")).hasValue("45/13/2026");
            assertThat(page.locator("#data-processed")).hasValue("Hồ sơ bệnh án điện tử");
            assertThat(page.locator("#supplier-history")).containsText("Chưa có lần đánh giá nào");

            page.fill(
                    "#assessed-on",
                    LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).format(DateTimeFormatter.ofPattern("dd/MM/yyyy")));
            page.fill("#security-clause-ref", "Điều 9 hợp đồng bảo trì");
            page.click("#supplier-assess-submit");
            assertThat(page.locator("#message")).hasText("Đã lưu đánh giá rủi ro nhà cung cấp.");
            assertThat(page.locator("#supplier-state")).hasText("Đánh giá còn hiệu lực");
            assertThat(page.locator("#supplier-history tbody tr").first()).containsText("Có (Điều 9 hợp đồng bảo trì)");
            assertThat(page.locator("#supplier-history tbody tr").first()).containsText("Cao");
            Browser.screenshot(page, "supplier-assessed");

            page.click("#supplier-back");
            page.waitForURL("**" + suppliers);
            assertThat(page.locator("#supplier-0")).hasAttribute("data-state", "CURRENT");
            page.navigate(http.base() + "/organizations/" + unit.id() + "/obligations");
            assertThat(page.locator("#obligation-R36-ORGANIZATION-" + unit.id()))
                    .containsText("Đã thực hiện");
        }
        try (Browser browser = Browser.open(http.base())) {
            Page page = browser.newPage();
            Browser.signIn(page, auditor.username(), TestData.PASSWORD);
            page.navigate(http.base() + suppliers);
            page.locator("#supplier-0 a.supplier-link").click();
            page.waitForURL("**/suppliers/assess?supplier=**");
            assertThat(page.locator("#supplier-history tbody tr")).hasCount(1);
            assertThat(page.locator("#supplier-assess-form")).hasCount(0);
        }
    }

    @Test
    void anOfficerJoinsTwoSpellingsOfOneSupplierByItsTaxCode() {
        TestData.Org unit = data.org(data.root(), "Bệnh viện trình duyệt mã số thuế");
        TestData.Person officer = data.person(unit, Role.SECURITY_OFFICER);
        TestData.Person auditor = data.person(unit, Role.AUDITOR);
        long his = ObligationFixtures.system(
                data, unit, 3, "NEW", SupplierFixtures.today().minusMonths(6));
        long lab = ObligationFixtures.system(
                data, unit, 3, "NEW", SupplierFixtures.today().minusMonths(6));
        String word = data.unique("Minh Long").replace('-', ' ');
        String abc = "Cty TNHH Phần mềm " + word + " ABC";
        String dotted = "Công ty TNHH Phần Mềm " + word + " A.B.C";
        SupplierFixtures.supplier(
                data, his, abc, "REMOTE_ADMIN", SupplierFixtures.today().minusDays(20));
        SupplierFixtures.supplier(
                data, lab, dotted, "DATA_ACCESS", SupplierFixtures.today().minusDays(20));
        String suppliers = "/organizations/" + unit.id() + "/suppliers";

        try (Browser browser = Browser.open(http.base())) {
            Page page = browser.newPage();
            Browser.signIn(page, officer.username(), TestData.PASSWORD);
            page.navigate(http.base() + suppliers);
            assertThat(page.locator("#suppliers tbody tr")).hasCount(2);
            page.locator("a.supplier-link", new Page.LocatorOptions().setHasText(dotted))
                    .click();
            page.waitForURL("**/suppliers/assess?supplier=**");

            page.fill("#tax-code", "0108887772");
            page.click("#tax-code-save");
            assertThat(page.locator("#tax-code-error")).containsText("chữ số kiểm tra");
            assertThat(page.locator("#tax-code")).hasValue("0108887772");

            page.fill("#tax-code", "0108 887 771");
            page.click("#tax-code-save");
            assertThat(page.locator("#message")).containsText("Đã lưu mã số thuế 0108887771");
            assertThat(page.locator("#tax-code")).hasValue("0108887771");

            page.click("#supplier-back");
            page.waitForURL("**" + suppliers);
            page.locator("a.supplier-link", new Page.LocatorOptions().setHasText(abc))
                    .click();
            page.waitForURL("**/suppliers/assess?supplier=**");
            page.fill("#tax-code", "0108887771");
            page.click("#tax-code-save");
            assertThat(page.locator("#message")).containsText("2 cách viết tên");
            assertThat(page.locator("#supplier-variants")).containsText("Cùng nhà cung cấp");
            assertThat(page.locator("#supplier-systems tbody tr")).hasCount(2);
            Browser.screenshot(page, "supplier-tax-code");

            page.click("#supplier-back");
            page.waitForURL("**" + suppliers);
            assertThat(page.locator("#suppliers tbody tr")).hasCount(1);
            assertThat(page.locator("#supplier-0 .supplier-tax-code")).hasText("Mã số thuế: 0108887771");
            assertThat(page.locator("#supplier-0 .supplier-variants")).isVisible();
        }
        try (Browser browser = Browser.open(http.base())) {
            Page page = browser.newPage();
            Browser.signIn(page, auditor.username(), TestData.PASSWORD);
            page.navigate(http.base() + suppliers);
            page.locator("#supplier-0 a.supplier-link").click();
            page.waitForURL("**/suppliers/assess?supplier=**");
            assertThat(page.locator("#supplier-tax-code")).hasText("Mã số thuế: 0108887771");
            assertThat(page.locator("#supplier-tax-code-form")).hasCount(0);
        }
    }
}
