package vn.khien.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import vn.khien.access.Role;
import vn.khien.support.Browser;
import vn.khien.support.IntegrationTest;
import vn.khien.support.TestData;

/**
 * In a real browser: a province administrator signs in, creates a unit and a person with a role
 * on it, signs out; that person signs in, sees only their subtree, and finds the actions in the
 * audit trail.
 */
class FoundationJourneyBrowserTest extends IntegrationTest {

    @Test
    void administratorCreatesAUnitAndAPersonWhoSeesOnlyTheirSubtree() {
        TestData.Org province = data.org(data.root(), "Tỉnh Hà Giang thử nghiệm");
        TestData.Org neighbour = data.org(data.root(), "Tỉnh láng giềng");
        TestData.Person provinceAdmin = data.person(province, Role.ORG_ADMIN);
        String unitCode = data.unique("XA");
        String username = data.unique("canbo").toLowerCase();

        try (Browser browser = Browser.open(http.base())) {
            Page page = browser.newPage();
            page.navigate("/login");
            assertThat(page.locator("h1")).hasText("Đăng nhập Khiên");
            Browser.signIn(page, provinceAdmin.username(), TestData.PASSWORD);
            assertThat(page.locator("h1")).containsText("Xin chào");

            page.navigate("/organizations/new?parentId=" + province.id());
            page.fill("#code", unitCode);
            page.fill("#name", "Ủy ban nhân dân xã Đồng Văn");
            page.selectOption("#kind", "UNIT");
            page.fill("#contactPerson", "Lò Văn Sáng");
            page.fill("#contactPhone", "0219 3856 789");
            page.click("#organization-submit");
            assertThat(page.locator("#org-name")).hasText("Ủy ban nhân dân xã Đồng Văn");
            String unitUrl = page.url();

            page.click("text=Thêm người dùng");
            page.fill("#username", username);
            page.fill("#password", "short");
            page.fill("#displayName", "Giàng Thị Mai");
            page.click("#user-submit");
            assertThat(page.locator(".invalid-feedback").first()).containsText("ít nhất 10 ký tự");
            page.fill("#password", "Mat-khau-Dong-Van-2026");
            page.selectOption("#roles0\\.role", "ORG_ADMIN");
            page.click("#user-submit");
            assertThat(page.locator("h1")).hasText("Giàng Thị Mai");
            assertThat(page.locator("#grants")).containsText("Quản trị tổ chức");
            page.click("#account-menu");
            page.click("#logout");

            Browser.signIn(page, username, "Mat-khau-Dong-Van-2026");
            assertThat(page.locator("#my-grants")).containsText("Ủy ban nhân dân xã Đồng Văn");
            page.navigate("/organizations");
            assertThat(page.locator("#organizations")).containsText(unitCode);
            assertThat(page.locator("#organizations")).not().containsText(province.code());
            assertThat(page.locator("#organizations")).not().containsText(neighbour.code());
            page.navigate("/organizations/" + neighbour.id());
            assertThat(page.locator("h1")).hasText("Không tìm thấy trang hoặc dữ liệu bạn yêu cầu.");

            page.navigate("/audit");
            assertThat(page.locator("#audit-records")).containsText("Tạo tổ chức");
            assertThat(page.locator("#audit-records")).containsText("Tạo người dùng");
            assertThat(page.locator("#audit-records")).containsText("Giao vai trò");
            assertThat(page.locator("#audit-records")).containsText(provinceAdmin.username());
            Browser.screenshot(page, "foundation-audit");
            assertThat(page.url()).doesNotContain("error");
            assertThat(unitUrl).contains("/organizations/");

            page.navigate("/?lang=en");
            assertThat(page.locator("h1")).containsText("Hello");
        }
    }
}
