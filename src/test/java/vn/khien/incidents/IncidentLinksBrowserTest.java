package vn.khien.incidents;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import vn.khien.access.Role;
import vn.khien.compliance.ComplianceFixture;
import vn.khien.support.Browser;
import vn.khien.support.Http;
import vn.khien.support.IncidentReports;
import vn.khien.support.IntegrationTest;
import vn.khien.support.TestData;
import vn.khien.vulnerabilities.ScanTestSupport;

/**
 * In a real browser: a hospital officer adds an affected system and one of its components to an incident and links
 * an open finding of that system on the incident page, and sees them listed after a reload.
 */
class IncidentLinksBrowserTest extends IntegrationTest {

    @Test
    void officerAddsAnAffectedSystemAComponentAndLinksAFinding() {
        TestData.Org province = data.org(data.root(), "Tỉnh thử liên kết trình duyệt");
        TestData.Org hospital = data.org(province, "Bệnh viện thử liên kết");
        TestData.Person officer = data.person(hospital, Role.SECURITY_OFFICER);
        Http.Api api = http.api(officer.token());
        String labName = data.unique("Hệ thống xét nghiệm ");
        long his = ComplianceFixture.createSystem(api, data, hospital, "HIS thử liên kết");
        long lab = ComplianceFixture.createSystem(api, data, hospital, labName);
        long labDb = IncidentLinksTest.component(api, lab, "lab-db-01");
        int plugin = 70000 + ThreadLocalRandom.current().nextInt(20000);
        assertThat(admin().upload(
                                "/api/v1/systems/" + lab + "/scans",
                                "r.nessus",
                                ScanTestSupport.nessus(Map.of("10.7.7.7", new int[] {plugin})),
                                Map.of())
                        .status())
                .isEqualTo(201);
        long finding = data.jdbc()
                .sql("SELECT id FROM finding WHERE system_id = :s")
                .param("s", lab)
                .query(Long.class)
                .single();
        String findingTitle = data.jdbc()
                .sql("SELECT title FROM finding WHERE id = :f")
                .param("f", finding)
                .query(String.class)
                .single();
        long id = IncidentReports.of(hospital, "Máy chủ xét nghiệm bị truy cập trái phép")
                .onSystem(his)
                .category("INTRUSION")
                .detectedHoursAgo(2)
                .withinCapacity()
                .report(api);

        try (Browser browser = Browser.open(http.base())) {
            Page page = browser.newPage();
            Browser.signIn(page, officer.username(), TestData.PASSWORD);
            page.navigate("/incidents/" + id);
            assertThat(page.locator("#affected-" + his)).containsText("HIS thử liên kết");

            page.selectOption("#affected-system", String.valueOf(lab));
            page.click("#add-affected-system");
            assertThat(page.locator("#incident-message")).isVisible();
            assertThat(page.locator("#affected-" + lab)).containsText(labName);

            page.selectOption("#component-" + lab, String.valueOf(labDb));
            page.click("#add-component-" + lab);
            assertThat(page.locator("#affected-" + lab + " .affected-component"))
                    .containsText("lab-db-01");

            page.selectOption("#link-finding", String.valueOf(finding));
            page.click("#link-finding-submit");
            assertThat(page.locator("#link-FINDING-" + finding)).containsText(findingTitle);
            Browser.screenshot(page, "incident-links");

            page.reload();
            assertThat(page.locator("#affected-" + lab)).containsText(labName);
            assertThat(page.locator("#affected-" + lab + " .affected-component"))
                    .containsText("lab-db-01");
            assertThat(page.locator("#link-FINDING-" + finding)).containsText(findingTitle);
            assertThat(page.locator("#link-FINDING-" + finding)).containsText("Đang mở");
            assertThat(page.locator("#link-FINDING-" + finding + " a")).hasAttribute("href", "/findings/" + finding);
            assertThat(page.locator("#incident-timeline")).containsText("Liên kết phát hiện");
        }
    }
}
