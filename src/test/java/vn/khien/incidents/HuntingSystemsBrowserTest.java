package vn.khien.incidents;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.khien.access.Role;
import vn.khien.compliance.ComplianceFixture;
import vn.khien.support.Browser;
import vn.khien.support.Http;
import vn.khien.support.IntegrationTest;
import vn.khien.support.TestData;

/**
 * In a real browser (issue 12 review): the threat-hunting form offers for each finding only the systems of the
 * campaign's organisation and its subtree, follows a change of organisation, and a system slipped in from another
 * unit is refused with the Vietnamese reason next to that finding's field (the typed values kept); the API names the
 * field with 422.
 */
class HuntingSystemsBrowserTest extends IntegrationTest {

    @Test
    void theSystemChoiceFollowsTheCampaignsOrganisationAndAForeignSystemIsRefusedByTheField() {
        TestData.Org province = data.org(data.root(), data.unique("Tỉnh săn lùng hệ thống"));
        TestData.Org unitA = data.org(province, "Đơn vị A săn lùng");
        TestData.Org unitB = data.org(province, "Đơn vị B săn lùng");
        TestData.Person officer = data.person(province, Role.SECURITY_OFFICER);
        Http.Api api = http.api(officer.token());
        long systemA = ComplianceFixture.createSystem(api, data, unitA, "Cổng A săn lùng");
        long systemB = ComplianceFixture.createSystem(api, data, unitB, "Cổng B săn lùng");
        String today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).format(DateTimeFormatter.ISO_LOCAL_DATE);

        try (Browser browser = Browser.open(http.base())) {
            Page page = browser.newPage();
            Browser.signIn(page, officer.username(), TestData.PASSWORD);
            page.navigate("/hunting?organizationId=" + unitA.id());
            assertThat(options(page, 1)).containsExactly(String.valueOf(systemA));
            assertThat(options(page, 3)).containsExactly(String.valueOf(systemA));
            assertThat(page.locator("#finding-systems-help")).containsText("do đơn vị đã chọn hoặc đơn vị trực thuộc");

            // Another organisation: the rows follow (htmx), never a system of another unit.
            page.selectOption("#organizationId", String.valueOf(unitB.id()));
            assertThat(page.locator("#finding-system-1 option[value='" + systemB + "']"))
                    .hasCount(1);
            assertThat(options(page, 1)).containsExactly(String.valueOf(systemB));
            assertThat(options(page, 2)).containsExactly(String.valueOf(systemB));

            // Back to A, and B's system slipped into the first finding: refused next to that field, values kept.
            page.selectOption("#organizationId", String.valueOf(unitA.id()));
            assertThat(page.locator("#finding-system-1 option[value='" + systemA + "']"))
                    .hasCount(1);
            page.fill("#title", "Săn lùng web shell A");
            page.fill("#startedOn", today);
            page.fill("#scope", "Máy chủ ứng dụng");
            page.fill("#hypotheses", "Web shell qua Tomcat");
            page.fill("#finding-1", "Trang quản trị mở");
            page.evaluate(
                    "id => { const o = document.createElement('option'); o.value = id; o.text = 'B';"
                            + " const s = document.querySelector('#finding-system-1'); s.add(o); s.value = id; }",
                    String.valueOf(systemB));
            page.click("#hunting-submit");
            assertThat(page.locator("#finding-system-1-error")).containsText("Hệ thống không thuộc đơn vị này");
            assertThat(page.locator("#finding-system-1")).hasClass(java.util.regex.Pattern.compile("is-invalid"));
            assertThat(page.locator("#finding-system-2-error")).hasCount(0);
            assertThat(page.locator("#title")).hasValue("Săn lùng web shell A");
            assertThat(page.locator("#finding-1")).hasValue("Trang quản trị mở");
            assertThat(page.locator("#organizationId")).hasValue(String.valueOf(unitA.id()));
            assertThat(options(page, 1)).containsExactly(String.valueOf(systemA));
        }
        assertThat(data.jdbc()
                        .sql("SELECT COUNT(*) FROM hunting_campaign WHERE title = 'Săn lùng web shell A'")
                        .query(Long.class)
                        .single())
                .isZero();

        // The API applies the same rule and names the field.
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("organizationId", unitA.id());
        body.put("title", "Săn lùng qua API");
        body.put("scope", "Máy chủ");
        body.put("hypotheses", "Web shell");
        body.put("startedOn", today);
        body.put("findings", List.of(Map.of("title", "Cổng quản trị mở", "systemId", systemB)));
        Http.Response outside = api.post("/api/v1/hunting-campaigns", body);
        assertThat(outside.status()).isEqualTo(422);
        assertThat(outside.body()).contains("\"field\":\"findings[0].systemId\"");
    }

    private static List<String> options(Page page, int row) {
        return page.locator("#finding-system-" + row + " option").all().stream()
                .map(o -> o.getAttribute("value"))
                .toList();
    }
}
