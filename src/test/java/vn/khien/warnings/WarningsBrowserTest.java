package vn.khien.warnings;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import vn.khien.access.Role;
import vn.khien.support.Browser;
import vn.khien.support.IntegrationTest;
import vn.khien.support.TestData;
import vn.khien.vulnerabilities.ScanTestSupport;

/**
 * The publisher's, the unit's and the parent's pages in a real browser: publish, match, acknowledge, NOT_AFFECTED
 * with a justification, FIXED confirmed by a re-scan, overdue units shown.
 */
class WarningsBrowserTest extends IntegrationTest {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));

    @Test
    void publishMatchRespondConfirmAndFollowUp() {
        TestData.Org province = data.org(data.root(), "Tỉnh Cảnh Báo");
        TestData.Org unitA = data.org(province, "Sở Tài chính");
        TestData.Org unitB = data.org(province, "Sở Y tế");
        TestData.Person publisher = data.person(province, Role.SECURITY_OFFICER);
        TestData.Person officerA = data.person(unitA, Role.SECURITY_OFFICER);
        TestData.Person parent = data.person(data.root(), Role.AUDITOR);
        long web = ScanTestSupport.system(data, unitA);
        long portal = ScanTestSupport.system(data, unitA);
        long late = ScanTestSupport.system(data, unitB);
        int plugin = 95000 + ThreadLocalRandom.current().nextInt(4000);
        String cve = "CVE-2024-" + (10000 + plugin);
        for (long s : new long[] {portal, late}) {
            admin().post(
                            "/api/v1/systems/" + s + "/components",
                            Map.of(
                                    "kind",
                                    "SOFTWARE",
                                    "product",
                                    "httpd",
                                    "cpe",
                                    "cpe:2.3:a:apache:http_server:2.4.49:*:*:*:*:*:*:*"));
        }
        admin().upload(
                        "/api/v1/systems/" + web + "/scans",
                        "r.nessus",
                        ScanTestSupport.nessus(Map.of("10.3.3.3", new int[] {plugin})),
                        Map.of());

        try (Browser browser = Browser.open(http.base())) {
            Page page = browser.newPage();
            Browser.signIn(page, publisher.username(), TestData.PASSWORD);
            page.navigate("/warnings");
            page.selectOption("#organizationId", String.valueOf(province.id()));
            page.fill("#title", "Lỗ hổng Apache HTTP Server bị khai thác");
            page.fill("#cves", cve);
            page.fill("#products", "cpe:2.3:a:apache:http_server:*:*:*:*:*:*:*:* >=2.4.0 <2.4.51");
            page.fill("#acknowledgeBy", TODAY.minusDays(1).toString());
            page.fill("#fixBy", TODAY.plusDays(5).toString());
            page.click("#publish");
            page.waitForLoadState();
            assertThat(page.locator("#message")).containsText("3");
            String warningUrl = page.url();
            assertThat(page.locator(".affected-row")).hasCount(3);
            assertThat(page.locator("#overdue")).containsText("Sở Y tế");
            page.context().clearCookies();

            Browser.signIn(page, officerA.username(), TestData.PASSWORD);
            page.navigate(warningUrl);
            assertThat(page.locator(".affected-row")).hasCount(2);
            Locator webRow = page.locator(".affected-row[data-system='" + web + "']");
            assertThat(webRow).containsText("FINDING");
            webRow.locator("select[name=status]").selectOption("ACKNOWLEDGED");
            webRow.locator("button").click();
            page.waitForLoadState();
            assertThat(page.locator("#message")).containsText("Đã xác nhận");

            Locator portalRow = page.locator(".affected-row[data-system='" + portal + "']");
            portalRow.locator("select[name=status]").selectOption("NOT_AFFECTED");
            portalRow.locator("button").click();
            page.waitForLoadState();
            assertThat(page.locator("#error")).isVisible();
            portalRow = page.locator(".affected-row[data-system='" + portal + "']");
            portalRow.locator("select[name=status]").selectOption("NOT_AFFECTED");
            portalRow.locator("select[name=justification]").selectOption("vulnerable_code_not_in_execute_path");
            portalRow.locator("input[name=note]").fill("Không bật mod_cgi");
            portalRow.locator("button").click();
            page.waitForLoadState();
            assertThat(page.locator(".affected-row[data-system='" + portal + "'] .status"))
                    .hasText("Không bị ảnh hưởng");

            webRow = page.locator(".affected-row[data-system='" + web + "']");
            webRow.locator("select[name=status]").selectOption("FIXED");
            webRow.locator("input[name=note]").fill("Đã vá, biên bản số 12");
            webRow.locator("button").click();
            page.waitForLoadState();
            assertThat(page.locator(".affected-row[data-system='" + web + "'] .status"))
                    .hasText("Đã khắc phục");

            admin().upload(
                            "/api/v1/systems/" + web + "/scans",
                            "r2.nessus",
                            ScanTestSupport.nessus(Map.of("10.3.3.3", new int[] {plugin + 1})),
                            Map.of());
            page.navigate(warningUrl);
            assertThat(page.locator(".affected-row[data-system='" + web + "'] .fix-confirmed"))
                    .isVisible();
            page.context().clearCookies();

            Browser.signIn(page, parent.username(), TestData.PASSWORD);
            page.navigate("/warnings");
            assertThat(page.locator("#warnings")).containsText("Lỗ hổng Apache HTTP Server bị khai thác");
            page.navigate(warningUrl);
            assertThat(page.locator("#count-FIXED")).hasText("1");
            assertThat(page.locator("#count-NOT_AFFECTED")).hasText("1");
            assertThat(page.locator("#overdue")).containsText("Sở Y tế");
            assertThat(page.locator("#overdue")).not().containsText("Sở Tài chính");
            Browser.screenshot(page, "warnings-parent");
        }
    }
}
