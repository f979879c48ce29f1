package vn.khien.identity;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import vn.khien.access.Role;
import vn.khien.support.Browser;
import vn.khien.support.IntegrationTest;
import vn.khien.support.TestData;

/**
 * In a real browser: after repeated wrong passwords the sign-in page says, in Vietnamese, how long to wait (and never
 * whether the account exists); the organisation's administrator then sees the failures and the delay in force on the
 * security events page, and the administrator of another unit does not.
 */
class LoginThrottleBrowserTest extends IntegrationTest {

    @Test
    void theSignInPageSaysHowLongToWaitAndTheAdministratorSeesWhy() {
        TestData.Org province = data.org(data.root(), "Tỉnh trì hoãn");
        TestData.Org unit = data.org(province, "Sở thử đăng nhập");
        TestData.Org other = data.org(province, "Sở khác");
        TestData.Person victim = data.person(unit, Role.SECURITY_OFFICER);
        TestData.Person admin = data.person(unit, Role.ORG_ADMIN);
        TestData.Person otherAdmin = data.person(other, Role.ORG_ADMIN);
        String ghost = data.unique("khong-ai").toLowerCase();

        try (Browser browser = Browser.open(http.base())) {
            Page page = browser.newPage();
            for (String name : new String[] {victim.username(), ghost}) {
                for (int i = 0; i < 4; i++) {
                    // From the bare sign-in page each time, so that waiting for "?error" waits for this POST.
                    page.navigate("/login");
                    failOnce(page, name, "sai-" + i);
                    page.waitForURL(url -> url.endsWith("/login?error"));
                    assertThat(page.locator("#login-error")).isVisible();
                }
                page.navigate("/login");
                failOnce(page, name, "sai-4");
                page.waitForURL(url -> url.contains("/login?throttled="));
                assertThat(page.locator("#login-throttled")).containsText("vui lòng chờ 30 giây rồi thử lại");
                assertThat(page.locator("#login-error")).hasCount(0);
                if (name.equals(ghost)) {
                    Browser.screenshot(page, "login-throttled");
                }
            }

            Page adminPage = browser.newPage();
            Browser.signIn(adminPage, admin.username(), TestData.PASSWORD);
            adminPage.navigate("/audit");
            adminPage.click("#security-events-link");
            adminPage.waitForURL(url -> url.endsWith("/security-events"));
            assertThat(adminPage.locator("#security-delays")).containsText(victim.username());
            assertThat(adminPage.locator("#security-delays")).containsText("Sở thử đăng nhập");
            assertThat(adminPage.locator("#security-events [data-action=SIGN_IN_THROTTLED]"))
                    .hasCount(1);
            assertThat(adminPage.locator("#security-events")).containsText(victim.username());
            assertThat(adminPage.locator("body")).not().containsText(ghost);
            Browser.screenshot(adminPage, "security-events-org-admin");

            Page otherPage = browser.newPage();
            Browser.signIn(otherPage, otherAdmin.username(), TestData.PASSWORD);
            otherPage.navigate("/security-events");
            assertThat(otherPage.locator("h1")).containsText("Sự kiện an ninh đăng nhập");
            assertThat(otherPage.locator("body")).not().containsText(victim.username());
        }
        // The API agrees with the page.
        Assertions.assertThat(
                        http.api(admin.token()).get("/api/v1/security-events").body())
                .contains(victim.username());
    }

    private static void failOnce(Page page, String name, String password) {
        page.fill("#username", name);
        page.fill("#password", password);
        page.click("#login-submit");
    }
}
