package vn.khien.compliance;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.khien.access.Role;
import vn.khien.support.Browser;
import vn.khien.support.IntegrationTest;
import vn.khien.support.TestData;

/**
 * In a real browser: an officer fills in part of a level-3 plan with evidence; the province leader sees the
 * compliance share of the system and of the province change accordingly.
 */
class ComplianceBrowserTest extends IntegrationTest {

    @Autowired
    ComplianceFixture fixture;

    @Test
    void officerFillsThePlanAndTheProvinceLeaderSeesTheShareChange() {
        TestData.Org province = data.org(data.root(), "Tỉnh Lào Cai thử nghiệm");
        TestData.Org department = data.org(province, "Sở Tài nguyên và Môi trường");
        TestData.Person officer = data.person(department, Role.SECURITY_OFFICER);
        TestData.Person leader = data.person(province, Role.LEADER);
        long system = ComplianceFixture.createSystem(http.api(officer.token()), data, department, "Hệ thống đất đai");
        long other = ComplianceFixture.createSystem(http.api(officer.token()), data, department, "Cổng thông tin");
        fixture.approve(system, department, 3, "nd85-2016", LocalDate.of(2026, 3, 1));
        fixture.approve(other, department, 3, "nd85-2016", LocalDate.of(2026, 3, 1));

        try (Browser browser = Browser.open(http.base())) {
            Page leaderPage = browser.newPage();
            Browser.signIn(leaderPage, leader.username(), TestData.PASSWORD);
            leaderPage.navigate("/compliance?organizationId=" + province.id());
            assertThat(leaderPage.locator("#subtree-share")).hasText("0%");
            assertThat(leaderPage.locator("tr[data-system='" + system + "'] .system-share"))
                    .hasText("0%");

            Page page = browser.newPage();
            Browser.signIn(page, officer.username(), TestData.PASSWORD);
            page.navigate("/compliance/systems/" + system);
            assertThat(page.locator("#regulation-missing")).isVisible();
            Locator rows = page.locator("tr[data-requirement]");
            for (int i = 0; i < 2; i++) {
                Locator row = rows.nth(i);
                String requirement = row.getAttribute("data-requirement");
                row.locator("summary").click();
                row.locator("select[name=status]").selectOption("MET");
                row.locator("textarea[name=howMet]").fill("Đã ban hành và áp dụng, xem quyết định kèm theo");
                row.locator("input[name=owner]").fill("Phòng Công nghệ thông tin");
                row.locator(".item-form button").click();
                page.waitForLoadState();
                Locator saved = page.locator("tr[data-requirement='" + requirement + "']");
                assertThat(saved.locator(".item-status")).hasText("Đã đáp ứng");
                saved.locator("summary").click();
                saved.locator(".evidence-form input[name=title]").fill("Quyết định ban hành " + (i + 1));
                saved.locator(".evidence-form input[name=url]").fill("https://vanban.example.test/qd-" + (i + 1));
                saved.locator(".evidence-form input[name=validUntil]")
                        .fill(LocalDate.now().plusDays(10).toString());
                saved.locator(".evidence-form button").click();
                page.waitForLoadState();
                Locator withEvidence = page.locator("tr[data-requirement='" + requirement + "']");
                assertThat(withEvidence.locator(".evidence")).containsText("Quyết định ban hành " + (i + 1));
                // Valid for ten more days: flagged as expiring.
                assertThat(withEvidence.locator(".evidence")).containsText("Sắp hết hiệu lực");
            }
            // 2 of 66 requirements met.
            assertThat(page.locator("#system-share")).hasText("3%");

            // A licensed organisation's periodic assessment: one failed requirement becomes a remediation task.
            String failing = rows.nth(5).getAttribute("data-requirement");
            page.locator("#assessments-heading ~ details summary").first().click();
            page.selectOption("#assessment-kind", "PERIODIC");
            page.selectOption("#assessor-kind", "LICENSED_ORGANISATION");
            page.fill("#assessor-name", "Trung tâm Kiểm định an toàn thông tin");
            page.check("#scope-COMPLIANCE");
            page.check("#scope-GREY_BOX");
            page.fill("#started-on", LocalDate.now().minusDays(20).toString());
            page.fill("#completed-on", LocalDate.now().minusDays(15).toString());
            String passing = rows.nth(0).getAttribute("data-requirement");
            page.locator("tr[data-result='" + failing + "'] select.result-outcome")
                    .selectOption("FAIL");
            page.locator("tr[data-result='" + failing + "'] input.result-note").fill("Chưa có nhật ký truy cập");
            page.locator("tr[data-result='" + passing + "'] select.result-outcome")
                    .selectOption("PASS");
            page.fill("#remediation-owner", "Phòng Công nghệ thông tin");
            page.fill("#remediation-due", LocalDate.now().plusMonths(2).toString());
            page.click("#assessment-submit");
            page.waitForLoadState();
            assertThat(page.locator("#assessments")).containsText("Trung tâm Kiểm định an toàn thông tin");
            assertThat(page.locator("#roadmap-table")).containsText(failing);
            assertThat(page.locator("#roadmap-table")).containsText("Chưa có nhật ký truy cập");
            page.locator("#assessments .assessment-results summary").click();
            assertThat(page.locator("#assessments li[data-outcome=FAIL]")).containsText(failing);
            assertThat(page.locator("#assessments li[data-outcome=PASS]")).containsText(passing);
            // The rest of the plan is recorded as not assessed, not silently passed.
            assertThat(page.locator("#assessments li[data-outcome=NOT_ASSESSED]"))
                    .hasCount(64);
            assertThat(page.locator("#next-due"))
                    .hasText(DateTimeFormatter.ofPattern("dd/MM/yyyy")
                            .format(LocalDate.now().minusDays(15).plusYears(1)));
            Browser.screenshot(page, "compliance-plan");

            leaderPage.navigate("/compliance");
            leaderPage.selectOption("#organizationId", String.valueOf(province.id()));
            leaderPage.click("#org-filter button");
            leaderPage.waitForLoadState();
            assertThat(leaderPage.locator("#subtree-name")).hasText("Tỉnh Lào Cai thử nghiệm");
            assertThat(leaderPage.locator("tr[data-system='" + system + "'] .system-share"))
                    .hasText("3%");
            assertThat(leaderPage.locator("tr[data-system='" + other + "'] .system-share"))
                    .hasText("0%");
            // 2 of 132 requirements across the province.
            assertThat(leaderPage.locator("#subtree-share")).hasText("2%");
            assertThat(leaderPage.locator("#group-chart")).isVisible();
            Browser.screenshot(leaderPage, "compliance-province");
        }
    }

    @Test
    void organisationAdministratorImportsAndExportsAnInternalPolicyLayer() throws IOException {
        TestData.Org province = data.org(data.root(), "Tỉnh Yên Bái thử nghiệm");
        TestData.Person orgAdmin = data.person(province, Role.ORG_ADMIN);
        Path yaml = Files.createTempFile("layer", ".yaml");
        Files.writeString(yaml, ComplianceFixture.orgLayer(province.code()));
        Path broken = Files.createTempFile("broken", ".yaml");
        Files.writeString(broken, "catalogue: {id: X}\nrequirements: []\n");
        try (Browser browser = Browser.open(http.base())) {
            Page page = browser.newPage();
            Browser.signIn(page, orgAdmin.username(), TestData.PASSWORD);
            page.navigate("/compliance/catalogues");
            assertThat(page.locator("#catalogues")).containsText("TT12-2022");
            page.setInputFiles("#catalogue-import input[name=file]", broken);
            page.click("#catalogue-import button");
            page.waitForLoadState();
            assertThat(page.locator("#problems")).containsText("Danh mục không hợp lệ");
            page.setInputFiles("#catalogue-import input[name=file]", yaml);
            page.click("#catalogue-import button");
            page.waitForLoadState();
            assertThat(page.locator("#catalogues")).containsText("ORG-" + province.code());
            Download download =
                    page.waitForDownload(() -> page.locator("#catalogues tr:has-text('ORG-" + province.code() + "') a")
                            .click());
            String exported = Files.readString(download.path());
            Assertions.assertThat(exported).contains("ORG." + province.code() + ".USB");
        } finally {
            Files.deleteIfExists(yaml);
            Files.deleteIfExists(broken);
        }
    }
}
