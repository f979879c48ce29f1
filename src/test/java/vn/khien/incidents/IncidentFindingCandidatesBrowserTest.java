package vn.khien.incidents;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.util.List;
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
 * In a real browser (issue 12 review): an incident whose affected system has more open findings than the page lists
 * says how many there are and offers a search by title or CVE, never a silent cut at 200; the finding found is linked.
 */
class IncidentFindingCandidatesBrowserTest extends IntegrationTest {

    @Test
    void moreFindingsThanListedAreCountedAndSearchable() {
        TestData.Org hospital = data.org(data.root(), data.unique("Bệnh viện nhiều phát hiện"));
        TestData.Person officer = data.person(hospital, Role.SECURITY_OFFICER);
        Http.Api api = http.api(officer.token());
        long system = ComplianceFixture.createSystem(api, data, hospital, "HIS nhiều phát hiện");
        // 203 high findings (plugin % 5 == 3) on one host
        int base = 5 * (30000 + ThreadLocalRandom.current().nextInt(5000)) + 3;
        int[] plugins = new int[203];
        for (int i = 0; i < plugins.length; i++) {
            plugins[i] = base + 5 * i;
        }
        Http.Response scan = admin().upload(
                        "/api/v1/systems/" + system + "/scans",
                        "r.nessus",
                        ScanTestSupport.nessus(Map.of("10.7.7.7", plugins)),
                        Map.of());
        assertThat(scan.status()).as(scan.body()).isIn(201, 202);
        long id = IncidentReports.of(hospital, "Xâm nhập HIS nhiều phát hiện")
                .onSystem(system)
                .withinCapacity()
                .report(api);
        Http.Response affected = api.post(
                "/api/v1/incidents/" + id + "/affected-systems", Map.of("systemId", system, "componentIds", List.of()));
        assertThat(affected.status()).as(affected.body()).isIn(200, 201);
        String last = "CVE-2024-" + (10000 + plugins[202]);

        try (Browser browser = Browser.open(http.base())) {
            Page page = browser.newPage();
            Browser.signIn(page, officer.username(), TestData.PASSWORD);
            page.navigate("/incidents/" + id);
            assertThat(page.locator("#finding-candidates-count")).containsText("200");
            assertThat(page.locator("#finding-candidates-count")).containsText("203");
            assertThat(page.locator("#link-finding option")).hasCount(200);
            // the 203rd is not listed, but the search finds it by its CVE
            assertThat(page.locator("#link-finding")).not().containsText("Plugin " + plugins[202]);
            page.fill("#finding-search", last.toLowerCase());
            page.click("#finding-search-submit");
            assertThat(page.locator("#link-finding option")).hasCount(1);
            assertThat(page.locator("#link-finding")).containsText("Plugin " + plugins[202]);
            assertThat(page.locator("#finding-candidates-count")).hasCount(0);
            assertThat(page.locator("#finding-search")).hasValue(last.toLowerCase());
            page.click("#link-finding-submit");
            assertThat(page.locator("body")).containsText("Plugin " + plugins[202]);

            // nothing matching is said back, not shown as an empty list
            page.navigate("/incidents/" + id + "?findingQ=khong-co-gi-khop");
            assertThat(page.locator("#finding-candidates-none")).containsText("khong-co-gi-khop");
        }
        assertThat(data.jdbc()
                        .sql("SELECT COUNT(*) FROM incident_link WHERE incident_id = :i AND finding_id IS NOT NULL")
                        .param("i", id)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }
}
