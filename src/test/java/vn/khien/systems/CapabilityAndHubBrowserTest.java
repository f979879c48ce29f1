package vn.khien.systems;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import vn.khien.access.Role;
import vn.khien.support.Browser;
import vn.khien.support.Http;
import vn.khien.support.IntegrationTest;
import vn.khien.support.TestData;

/**
 * Issue 9, in a real browser: the menu and the actions follow what the person may do (an auditor is not offered to
 * register a system, an officer has no people or audit menu, an organisation administrator is not offered the
 * platform administrator role); the system page is the hub of everything about the system, with counts; numbers
 * read with Vietnamese thousands separators; a "met" requirement needs how it is met.
 */
class CapabilityAndHubBrowserTest extends IntegrationTest {

    @Test
    void menusAndActionsFollowCapabilitiesAndTheSystemPageIsAHub() {
        ProvinceFixture p = new ProvinceFixture(data, admin());
        TestData.Person auditor = data.person(p.province, Role.AUDITOR);
        TestData.Person orgAdmin = data.person(p.province, Role.ORG_ADMIN);
        Http.Api officerApi = http.api(p.officer.token());
        Http.Response created = officerApi.post(
                "/api/v1/systems",
                Map.of(
                        "code",
                        data.unique("HT"),
                        "name",
                        "Hệ-thống-tên-dài-" + "x".repeat(270),
                        "ownerOrganizationId",
                        p.department.id(),
                        "operatorOrganizationId",
                        p.department.id(),
                        "systemType",
                        "INTERNAL",
                        "informationKinds",
                        List.of("PRIVATE"),
                        "dataSubjectCount",
                        280000));
        Assertions.assertThat(created.status()).as(created.body()).isEqualTo(201);
        long systemId = created.json().get("id").asLong();
        officerApi.post(
                "/api/v1/systems/" + systemId + "/classifications",
                Map.of("regime", "nd331-2026", "answers", ProvinceFixture.LEVEL3_ND331));
        try (Browser browser = Browser.open(http.base())) {
            Page officer = browser.newPage();
            Browser.signIn(officer, p.officer.username(), TestData.PASSWORD);
            assertThat(officer.locator("#module-nav")).not().containsText("Người dùng");
            assertThat(officer.locator("#module-nav")).not().containsText("Nhật ký");
            officer.navigate("/systems");
            assertThat(officer.locator("#new-system")).isVisible();
            officer.navigate("/systems/" + systemId);
            assertThat(officer.locator("[data-hub='hub.classifications'] .hub-count"))
                    .hasText("1");
            assertThat(officer.locator("section")).containsText("280.000");
            assertThat(officer.locator("[data-hub='hub.dossiers'] .hub-count")).hasText("0");
            assertThat(officer.locator("[data-hub='hub.findings']"))
                    .hasAttribute("href", "/systems/" + systemId + "/findings");
            assertThat(officer.locator("[data-hub='hub.scans']")).isVisible();
            assertThat(officer.locator("[data-hub='hub.plan']")).isVisible();
            // The link to who appraises and approves the system's level opens for its officer (it answered 404).
            String designations = officer.locator("#system-designations").getAttribute("href");
            Assertions.assertThat(officer.navigate(designations).status()).isEqualTo(200);
            officer.navigate("/systems/" + systemId);
            // A 300-character name without spaces wraps instead of stretching the page.
            int width = ((Number) officer.evaluate("document.documentElement.scrollWidth")).intValue();
            int viewport = ((Number) officer.evaluate("window.innerWidth")).intValue();
            Assertions.assertThat(width).isLessThanOrEqualTo(viewport);
            Browser.screenshot(officer, "system-hub");

            // Dates read and write dd/MM/yyyy even in a browser set to American English.
            Page american = officer.context()
                    .browser()
                    .newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                            .setLocale("en-US")
                            .setBaseURL(http.base()))
                    .newPage();
            Browser.signIn(american, p.officer.username(), TestData.PASSWORD);
            american.navigate("/systems/" + systemId + "?lang=vi");
            assertThat(american.locator("#supplier-form [name='contractFrom']")).hasAttribute("type", "text");
            american.fill("#supplier-form [name='name']", "Công ty bảo trì thử");
            american.fill("#supplier-form [name='provides']", "Bảo trì phần mềm");
            american.fill("#supplier-form [name='contractFrom']", "01/02/2026");
            american.fill("#supplier-form [name='contractTo']", "31/12/2026");
            american.click("#add-supplier");
            assertThat(american.locator("#supplier-table")).containsText("01/02/2026");
            assertThat(american.locator("#supplier-table")).containsText("31/12/2026");

            Page audit = browser.newPage();
            Browser.signIn(audit, auditor.username(), TestData.PASSWORD);
            assertThat(audit.locator("#module-nav")).containsText("Nhật ký");
            audit.navigate("/systems");
            assertThat(audit.locator("#new-system")).hasCount(0);
            assertThat(audit.locator("#import-systems")).hasCount(0);

            Page admin = browser.newPage();
            Browser.signIn(admin, orgAdmin.username(), TestData.PASSWORD);
            admin.navigate("/users/new?organizationId=" + p.province.id());
            assertThat(admin.locator("#roles0\\.role option[value='ORG_ADMIN']"))
                    .hasCount(1);
            assertThat(admin.locator("#roles0\\.role option[value='PLATFORM_ADMIN']"))
                    .hasCount(0);
        }
    }
}
