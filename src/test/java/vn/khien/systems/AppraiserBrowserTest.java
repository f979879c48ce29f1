package vn.khien.systems;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.FilePayload;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import vn.khien.access.Role;
import vn.khien.support.Browser;
import vn.khien.support.Http;
import vn.khien.support.IntegrationTest;
import vn.khien.support.TestData;

/**
 * ADR 0012 in a real browser: the province's security unit appraises and approves a level-2 dossier. Its people go
 * from the register list to the system's record, the dossier and the security plan, take their steps and land on the
 * approved dossier; the findings, scans, roadmap and the system's components stay out of reach.
 */
class AppraiserBrowserTest extends IntegrationTest {

    @Test
    void theBodyWalksFromTheListToTheApprovedDossierAndNoFurther() {
        ProvinceFixture p = new ProvinceFixture(data, admin());
        Http.Api officer = http.api(p.officer.token());
        String name = "Hệ thống quản lý hồ sơ " + data.unique("TD");
        long systemId = ProvinceFixture.createSystem(officer, data, p.department, name);
        long dossierId = AppraiserAccessTest.submitted(officer, systemId, AppraiserAccessTest.LEVEL2_ND331);
        ProvinceFixture.recordRegulation(officer, systemId, "2026-11-02");
        TestData.Person bodyLeader = data.person(p.securityUnit, Role.LEADER);
        String dossierPath = "/dossiers/" + dossierId;

        try (Browser browser = Browser.open(http.base())) {
            Page appraiser = browser.newPage();
            appraiser.onDialog(d -> d.accept());
            Browser.signIn(appraiser, p.appraiser.username(), TestData.PASSWORD);

            // List → record: the system is listed for the body, its record opens without components or hub.
            appraiser.navigate("/systems");
            appraiser.getByText(name).click();
            appraiser.waitForURL(Pattern.compile(".*/systems/" + systemId + "$"));
            assertThat(appraiser.locator("#system-name")).hasText(name);
            assertThat(appraiser.locator("#component-table")).hasCount(0);
            assertThat(appraiser.locator("#system-hub")).hasCount(0);
            assertThat(appraiser.locator("#edit-system")).hasCount(0);

            // Record → dossier → plan.
            appraiser.locator("#dossier-table a[href$='" + dossierPath + "']").click();
            appraiser.waitForURL(Pattern.compile(".*" + dossierPath + "$"));
            assertThat(appraiser.locator("#dossier-status")).hasAttribute("data-status", "SUBMITTED");
            appraiser.click("#open-plan");
            appraiser.waitForURL(Pattern.compile(".*/compliance/systems/" + systemId + "$"));
            assertThat(appraiser.locator("#plan-title")).containsText(name);
            assertThat(appraiser.locator("#roadmap")).hasCount(0);
            assertThat(appraiser.locator("#assessments-heading")).hasCount(0);
            assertThat(appraiser.locator("#regulation")).containsText("12/QĐ-QC");

            // Appraise, then the findings and scans of the system are still 404.
            appraiser.navigate(dossierPath);
            appraiser.fill("#comment-APPRAISE", "Hồ sơ đạt yêu cầu");
            appraiser.click("#action-APPRAISE");
            assertThat(appraiser.locator("#dossier-status")).hasAttribute("data-status", "APPRAISED");
            for (String path : List.of("/systems/%d/findings", "/systems/%d/scans", "/compliance/systems/%d/roadmap")) {
                Response r = appraiser.navigate(path.formatted(systemId));
                assertThat(r.status()).as(path).isEqualTo(404);
            }

            // The body's leader approves and lands on the approved dossier, which it still sees.
            Page leader = browser.newPage();
            leader.onDialog(d -> d.accept());
            Browser.signIn(leader, bodyLeader.username(), TestData.PASSWORD);
            leader.navigate("/systems");
            leader.getByText(name).click();
            leader.waitForURL(Pattern.compile(".*/systems/" + systemId + "$"));
            leader.locator("#dossier-table a[href$='" + dossierPath + "']").click();
            leader.waitForURL(Pattern.compile(".*" + dossierPath + "$"));
            leader.click("#open-plan");
            leader.waitForURL(Pattern.compile(".*/compliance/systems/" + systemId + "$"));
            leader.navigate(dossierPath);
            leader.fill("#decisionNumber", "21/QĐ-KHCN");
            leader.fill("#decisionDate", "20/11/2026");
            leader.fill("#decisionSigner", "Giám đốc Sở Khoa học và Công nghệ");
            leader.setInputFiles(
                    "#signedFile",
                    new FilePayload(
                            "quyet-dinh-21.pdf",
                            "application/pdf",
                            "Quyết định đã ký".getBytes(StandardCharsets.UTF_8)));
            leader.click("#action-APPROVE");
            assertThat(leader.locator("#dossier-status")).hasAttribute("data-status", "APPROVED");
            assertThat(leader).hasURL(Pattern.compile(".*" + dossierPath + "$"));
            assertThat(leader.locator("#open-plan")).hasCount(0);
            Response plan = leader.navigate("/compliance/systems/" + systemId);
            assertThat(plan.status()).isEqualTo(404);
            for (String path : List.of("/systems/%d/findings", "/systems/%d/scans")) {
                Response r = leader.navigate(path.formatted(systemId));
                assertThat(r.status()).as(path).isEqualTo(404);
            }
            // The record stays readable, with the approved level.
            leader.navigate("/systems/" + systemId);
            assertThat(leader.locator("#approved-level")).hasText("Cấp độ 2");
        }
    }
}
