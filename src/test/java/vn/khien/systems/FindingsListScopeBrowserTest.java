package vn.khien.systems;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.khien.support.Browser;
import vn.khien.support.Http;
import vn.khien.support.IntegrationTest;
import vn.khien.support.TestData;
import vn.khien.vulnerabilities.ScanFixtures;

/**
 * Issue 9 point 4 in a real browser, as ADR 0012 settles it: the lists show what the person may see. The register list
 * of the security unit that appraises a department's dossier shows the department's system from the submission on; the
 * findings page (like the home page) shows the findings of the unit's own subtree only, never those of the appraised
 * system (hosts and open vulnerabilities are none of the appraiser's business) nor of another unit.
 */
class FindingsListScopeBrowserTest extends IntegrationTest {

    @Test
    void theAppraisingUnitListsTheAppraisedSystemButNotItsFindings() {
        ProvinceFixture p = new ProvinceFixture(data, admin());
        TestData.Org other = data.org(p.province, "Sở Xây dựng phạm vi thử");
        Http.Api officerApi = http.api(p.officer.token());
        long his = ProvinceFixture.createSystem(officerApi, data, p.department, "Hệ thống thông tin bệnh viện thử");
        ScanFixtures.importReport(
                officerApi, his, "his.nessus", ScanFixtures.nessus(Map.of("10.9.0.1", new int[] {14, 24})), Map.of());
        long elsewhere = ScanFixtures.system(data, other);
        long own = ScanFixtures.system(data, p.securityUnit);
        ScanFixtures.importReport(
                http.api(p.appraiser.token()),
                own,
                "own.nessus",
                ScanFixtures.nessus(Map.of("10.9.5.5", new int[] {44})),
                Map.of());

        try (Browser browser = Browser.open(http.base())) {
            // Before any dossier, the security unit sees nothing of the department's system.
            Page page = browser.newPage();
            Browser.signIn(page, p.appraiser.username(), TestData.PASSWORD);
            page.click("#nav-systems");
            page.waitForLoadState();
            assertThat(page.locator("a[href='/systems/" + own + "']").first()).isVisible();
            assertThat(page.locator("a[href='/systems/" + his + "']")).hasCount(0);

            // The department submits its dossier to the security unit, which now appraises it.
            long dossier = ProvinceFixture.classifiedDossier(officerApi, his);
            Http.Response submitted = officerApi.post("/api/v1/dossiers/" + dossier + "/actions/SUBMIT", Map.of());
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
