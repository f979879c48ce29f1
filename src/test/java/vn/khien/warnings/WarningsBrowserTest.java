package vn.khien.warnings;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
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
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

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
            // the late unit's duty to handle warnings (R22) is overdue from the day to acknowledge, not met
            String r22 = null;
            for (JsonNode o :
                    admin().get("/api/v1/systems/" + late + "/obligations").json()) {
                if (o.get("rule").asString().equals("R22")) {
                    r22 = o.get("status").asString();
                }
            }
            assertThat(r22).isEqualTo("OVERDUE");
            page.context().clearCookies();

            Browser.signIn(page, officerA.username(), TestData.PASSWORD);
            page.navigate(warningUrl);
            assertThat(page.locator(".affected-row")).hasCount(2);
            Locator webRow = page.locator(".affected-row[data-system='" + web + "']");
            // why it matched reads as words, not as the match code
            assertThat(webRow.locator(".matched-by")).hasText("Lỗ hổng đã phát hiện");
            webRow.locator("select[name=status]").selectOption("ACKNOWLEDGED");
            webRow.locator("button").click();
            page.waitForLoadState();
            assertThat(page.locator("#message")).containsText("Đã xác nhận");

            // once acknowledged, acknowledging again is no longer offered
            assertThat(page.locator(".affected-row[data-system='" + web + "'] select[name=status] option"))
                    .hasText(new String[] {"Không bị ảnh hưởng", "Đang khắc phục", "Đã khắc phục"});

            Locator portalRow = page.locator(".affected-row[data-system='" + portal + "']");
            portalRow.locator("select[name=status]").selectOption("NOT_AFFECTED");
            portalRow.locator("input[name=note]").fill("Không bật mod_cgi");
            portalRow.locator("button").click();
            // refused: the reason sits next to the justification of that row, and the note typed is still there
            portalRow = page.locator(".affected-row[data-system='" + portal + "']");
            assertThat(portalRow.locator(".response-error")).hasText("Chọn lý do không bị ảnh hưởng (mã VEX).");
            assertThat(portalRow.locator("select[name=justification]")).hasClass(Pattern.compile("is-invalid"));
            assertThat(portalRow.locator("input[name=note]")).hasValue("Không bật mod_cgi");
            assertThat(portalRow.locator("select[name=status]")).hasValue("NOT_AFFECTED");
            portalRow.locator("select[name=justification]").selectOption("vulnerable_code_not_in_execute_path");
            portalRow.locator("button").click();
            assertThat(page.locator(".affected-row[data-system='" + portal + "'] .status"))
                    .hasText("Không bị ảnh hưởng");
            assertThat(page.locator(".affected-row[data-system='" + portal + "'] .justification"))
                    .hasText("Mã lỗi không nằm trên đường thực thi");
            // a settled answer offers no further response
            assertThat(page.locator(".affected-row[data-system='" + portal + "'] .response-form"))
                    .hasCount(0);

            webRow = page.locator(".affected-row[data-system='" + web + "']");
            webRow.locator("select[name=status]").selectOption("FIXED");
            webRow.locator("input[name=note]").fill("Đã vá, biên bản số 12");
            webRow.locator("button").click();
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

    /**
     * A refused publish keeps every value typed and says each problem next to its field in Vietnamese: a date that
     * does not exist, a malformed CVE, a TLP:RED warning without its recipients (issue 9 points 6 and 14).
     */
    @Test
    void aRefusedPublishKeepsWhatWasTypedWithEachErrorNextToItsField() {
        TestData.Org province = data.org(data.root(), "Tỉnh biểu mẫu cảnh báo");
        TestData.Org unitA = data.org(province, "Sở Nội vụ");
        TestData.Org unitB = data.org(province, "Sở Xây dựng");
        TestData.Person publisher = data.person(province, Role.SECURITY_OFFICER);
        long inA = ScanTestSupport.system(data, unitA);
        long inB = ScanTestSupport.system(data, unitB);
        for (long s : new long[] {inA, inB}) {
            admin().post(
                            "/api/v1/systems/" + s + "/components",
                            Map.of(
                                    "kind",
                                    "SOFTWARE",
                                    "product",
                                    "nginx",
                                    "cpe",
                                    "cpe:2.3:a:f5:nginx:1.20.0:*:*:*:*:*:*:*"));
        }
        try (Browser browser = Browser.open(http.base())) {
            Page page = browser.newPage();
            Browser.signIn(page, publisher.username(), TestData.PASSWORD);
            page.navigate("/warnings");
            page.selectOption("#organizationId", String.valueOf(province.id()));
            page.selectOption("#severity", "HIGH");
            page.selectOption("#tlp", "RED");
            page.fill("#title", "Lỗ hổng nginx cần vá gấp");
            page.fill("#description", "Mô tả chi tiết đã gõ");
            page.fill("#recommendedAction", "Nâng cấp lên 1.20.1");
            page.fill("#cves", "CVE-2021-23017, CVE-XYZ");
            page.fill("#products", "cpe:2.3:a:f5:nginx:*:*:*:*:*:*:*:* <1.20.1");
            page.fill("#acknowledgeBy", "31/02/2026");
            page.fill("#fixBy", TODAY.plusDays(10).format(DAY));
            page.click("#publish");

            assertThat(page.locator("#form-errors")).isVisible();
            assertThat(page.locator("#forward-note")).hasCount(0); // a refused form is not a forwarded warning
            assertThat(page.locator("#acknowledgeBy-error")).hasText("Ngày \"31/02/2026\" không đúng dạng dd/MM/yyyy.");
            assertThat(page.locator("#acknowledgeBy")).hasValue("31/02/2026");
            assertThat(page.locator("#title")).hasValue("Lỗ hổng nginx cần vá gấp");
            assertThat(page.locator("#description")).hasValue("Mô tả chi tiết đã gõ");
            assertThat(page.locator("#recommendedAction")).hasValue("Nâng cấp lên 1.20.1");
            assertThat(page.locator("#cves")).hasValue("CVE-2021-23017, CVE-XYZ");
            assertThat(page.locator("#products")).hasValue("cpe:2.3:a:f5:nginx:*:*:*:*:*:*:*:* <1.20.1");
            assertThat(page.locator("#fixBy")).hasValue(TODAY.plusDays(10).format(DAY));
            assertThat(page.locator("#severity")).hasValue("HIGH");
            assertThat(page.locator("#tlp")).hasValue("RED");

            // every problem at once, each next to its own field
            assertThat(page.locator("#cves-error")).hasText("Mã CVE không hợp lệ: CVE-XYZ");
            assertThat(page.locator("#recipients-error")).hasText("Cảnh báo TLP:RED phải nêu tên các đơn vị nhận.");
            assertThat(page.locator("#title-error")).hasCount(0);

            page.fill("#acknowledgeBy", TODAY.plusDays(2).format(DAY));
            page.fill("#cves", "CVE-2021-23017");
            page.selectOption("#recipients", String.valueOf(unitA.id()));
            page.click("#publish");
            page.waitForURL(Pattern.compile(".*/warnings/\\d+$"));
            assertThat(page.locator("#message")).hasText("Đã phát hành; 1 hệ thống bị ảnh hưởng.");
            assertThat(page.locator(".affected-row")).hasCount(1);
            assertThat(page.locator(".affected-row[data-system='" + inA + "']")).hasCount(1);
        }
    }
}
