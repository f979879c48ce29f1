package vn.khien.vulnerabilities;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.khien.access.Role;
import vn.khien.support.Browser;
import vn.khien.support.Http;
import vn.khien.support.IntegrationTest;
import vn.khien.support.TestData;

/**
 * Issue 9 point 4 in a real browser, as ADR 0012 settles it: the lists show what the person may see. The register list
 * of the security unit that appraises a hospital's dossier shows the hospital's system from the submission on; the
 * findings page (like the home page) shows the findings of the unit's own subtree only, never those of the appraised
 * system (hosts and open vulnerabilities are none of the appraiser's business) nor of another unit.
 */
class FindingsListScopeBrowserTest extends IntegrationTest {

    private static final Map<String, Object> LEVEL3_ND331 = Map.of(
            "system_type",
            "INTERNAL",
            "info_types",
            List.of("PRIVATE"),
            "serves_defence_security",
            false,
            "handles_administrative_procedures",
            true,
            "national_egov_system",
            false,
            "centralised_national_data",
            false);

    @Test
    void theAppraisingUnitListsTheAppraisedSystemButNotItsFindings() {
        TestData.Org province = data.org(data.root(), "Tỉnh phạm vi danh sách");
        TestData.Org securityUnit = data.org(province, "Sở KH&CN chuyên trách thử");
        TestData.Org hospital = data.org(province, "Bệnh viện phạm vi thử");
        TestData.Org other = data.org(province, "Sở Xây dựng phạm vi thử");
        Http.Response designated = admin().post(
                        "/api/v1/authority-designations",
                        Map.of(
                                "scopeOrganizationId",
                                province.id(),
                                "role",
                                "OWNER_SECURITY_UNIT",
                                "organizationId",
                                securityUnit.id()));
        assertThat(designated.status()).as(designated.body()).isEqualTo(200);
        TestData.Person hospitalOfficer = data.person(hospital, Role.SECURITY_OFFICER);
        TestData.Person otherOfficer = data.person(other, Role.SECURITY_OFFICER);
        TestData.Person appraiser = data.person(securityUnit, Role.SECURITY_OFFICER);
        Http.Api hospitalApi = http.api(hospitalOfficer.token());

        long his = ScanFixtures.system(data, hospital);
        Map<String, int[]> hosts = new LinkedHashMap<>();
        hosts.put("10.9.0.1", new int[] {14, 24});
        ScanFixtures.importReport(hospitalApi, his, "his.nessus", ScanFixtures.nessus(hosts), Map.of());
        long elsewhere = ScanFixtures.system(data, other);
        ScanFixtures.importReport(
                http.api(otherOfficer.token()),
                elsewhere,
                "xd.nessus",
                ScanFixtures.nessus(Map.of("10.9.9.9", new int[] {34})),
                Map.of());

        long own = ScanFixtures.system(data, securityUnit);
        ScanFixtures.importReport(
                http.api(appraiser.token()),
                own,
                "own.nessus",
                ScanFixtures.nessus(Map.of("10.9.5.5", new int[] {44})),
                Map.of());

        // Before any dossier, the security unit sees nothing of the hospital.
        try (Browser browser = Browser.open(http.base())) {
            Page page = browser.newPage();
            Browser.signIn(page, appraiser.username(), TestData.PASSWORD);
            page.click("#nav-systems");
            page.waitForLoadState();
            assertThat(page.locator("a[href='/systems/" + own + "']").first()).isVisible();
            assertThat(page.locator("a[href='/systems/" + his + "']")).hasCount(0);

            // The hospital submits its dossier to the security unit, which now appraises it.
            assertThat(hospitalApi
                            .post(
                                    "/api/v1/systems/" + his + "/classifications",
                                    Map.of("regime", "nd331-2026", "answers", LEVEL3_ND331))
                            .status())
                    .isEqualTo(201);
            long dossier = hospitalApi
                    .post("/api/v1/systems/" + his + "/dossiers", "")
                    .json()
                    .get("dossier")
                    .get("id")
                    .asLong();
            for (String part : List.of("OVERVIEW", "DESIGN", "LEVEL_EXPLANATION", "SECURITY_PLAN", "RISK_ASSESSMENT")) {
                Http.Response r = hospitalApi.send(
                        "PUT", "/api/v1/dossiers/" + dossier + "/parts/" + part, Map.of("content", "Nội dung " + part));
                assertThat(r.status()).as(r.body()).isEqualTo(200);
            }
            Http.Response submitted = hospitalApi.post("/api/v1/dossiers/" + dossier + "/actions/SUBMIT", Map.of());
            assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);

            // Now the register list shows the system it appraises …
            page.click("#nav-systems");
            page.waitForLoadState();
            assertThat(page.locator("a[href='/systems/" + his + "']").first()).isVisible();
            assertThat(page.locator("a[href='/systems/" + elsewhere + "']")).hasCount(0);
            // … and the findings page the unit's own findings only: one, of its own system.
            page.click("#nav-findings");
            page.waitForLoadState();
            assertThat(page.locator("#finding-total")).hasText("Tổng số: 1");
            assertThat(page.locator("#findings tbody tr")).hasCount(1);
            assertThat(page.locator("#findings tbody tr a[href='/systems/" + own + "/findings']"))
                    .hasCount(1);
            Browser.screenshot(page, "findings-scope-of-the-appraising-unit");
        }
    }
}
