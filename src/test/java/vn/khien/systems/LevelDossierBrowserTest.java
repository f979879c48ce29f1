package vn.khien.systems;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.FilePayload;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.khien.support.IntegrationTest;
import vn.khien.support.TestData;

/**
 * The whole path in a real browser: an officer registers a system with a component, classifies it, prepares and
 * submits the dossier; the appraiser returns it once; it is resubmitted, appraised and approved by the owner's
 * leader; the approved level shows on the system and in the province's progress.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LevelDossierBrowserTest extends IntegrationTest {

    Playwright playwright;
    Browser browser;

    @BeforeAll
    void launch() {
        playwright = Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(Path.of("/usr/bin/chromium"))
                        .setHeadless(true)
                        .setArgs(List.of(
                                "--no-sandbox",
                                "--disable-gpu",
                                "--disable-quic",
                                "--no-first-run",
                                "--disable-background-networking",
                                "--disable-component-update",
                                "--disable-sync")));
    }

    @AfterAll
    void close() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @Test
    void officerAppraiserAndLeaderTakeASystemToAnApprovedLevel() {
        ProvinceFixture p = new ProvinceFixture(data, admin());
        String code = data.unique("MCDT");
        Page officer = signIn(p.officer);

        // Register the system with a component.
        officer.navigate(url("/systems"));
        officer.click("#new-system");
        officer.fill("#code", code);
        officer.fill("#name", "Hệ thống một cửa điện tử Sở Y tế");
        officer.fill("#purpose", "Tiếp nhận và giải quyết thủ tục hành chính");
        officer.selectOption("#ownerOrganizationId", String.valueOf(p.department.id()));
        officer.selectOption("#operatorOrganizationId", String.valueOf(p.department.id()));
        officer.selectOption("#systemType", "CITIZEN_BUSINESS");
        officer.check("input[name='informationKinds'][value='PERSONAL']");
        officer.fill("#userCount", "2500");
        officer.click("#save-system");
        assertThat(officer.locator("#system-name")).hasText("Hệ thống một cửa điện tử Sở Y tế");
        officer.selectOption("#kind", "HOST");
        officer.fill("#component-form [name='name']", "may-chu-mot-cua-01");
        officer.fill("#component-form [name='ipAddresses']", "10.20.1.15");
        officer.fill("#component-form [name='operatingSystem']", "Ubuntu 22.04 LTS");
        officer.click("#add-component");
        assertThat(officer.locator("#component-table")).containsText("may-chu-mot-cua-01");
        assertThat(officer.locator("#component-table")).containsText("10.20.1.15");

        // Classify under NĐ 331/2026: a system handling administrative procedures is level 3.
        officer.click("#classify-system");
        officer.selectOption("#regime-choice", "nd331-2026");
        officer.click("#change-regime");
        officer.selectOption("[id='q0.system_type']", "INTERNAL");
        officer.check("[id='q0.info_types.PERSONAL']");
        officer.selectOption("[id='q0.serves_defence_security']", "false");
        officer.selectOption("[id='q0.handles_administrative_procedures']", "true");
        officer.selectOption("[id='q0.national_egov_system']", "false");
        officer.selectOption("[id='q0.centralised_national_data']", "false");
        officer.click("#classify-submit");
        assertThat(officer.locator("#classification-table")).containsText("NĐ 331/2026");
        assertThat(officer.locator("#classification-table tbody tr")
                        .first()
                        .locator("td")
                        .nth(2))
                .hasText("3");

        // Prepare and submit the dossier.
        officer.click("#create-dossier");
        assertThat(officer.locator("#dossier-status")).hasAttribute("data-status", "DRAFT");
        assertThat(officer.locator("#dossier-appraiser")).hasText(Pattern.compile("đơn vị chuyên trách"));
        String dossierUrl = officer.url();
        for (String part : List.of("OVERVIEW", "DESIGN", "LEVEL_EXPLANATION", "SECURITY_PLAN", "RISK_ASSESSMENT")) {
            officer.fill("#content-" + part, "Nội dung " + part + " của hồ sơ hệ thống một cửa");
            officer.click("#save-" + part);
            assertThat(officer.locator("#content-" + part))
                    .hasValue("Nội dung " + part + " của hồ sơ hệ thống một cửa");
        }
        officer.setInputFiles(
                "#file-DESIGN",
                new FilePayload("so-do-mang.pdf", "application/pdf", "Sơ đồ mạng".getBytes(StandardCharsets.UTF_8)));
        officer.click("#attach-DESIGN");
        assertThat(officer.locator("#part-DESIGN")).containsText("so-do-mang.pdf");
        officer.click("#action-SUBMIT");
        assertThat(officer.locator("#dossier-status")).hasAttribute("data-status", "SUBMITTED");

        // The appraiser returns it once.
        Page appraiser = signIn(p.appraiser);
        appraiser.navigate(dossierUrl);
        appraiser.fill("#comment-RETURN", "Đề nghị bổ sung mô hình kết nối vật lý");
        appraiser.click("#action-RETURN");
        assertThat(appraiser.locator("#dossier-status")).hasAttribute("data-status", "RETURNED");

        // Resubmitted after revision.
        officer.navigate(dossierUrl);
        officer.fill("#content-DESIGN", "Đã bổ sung mô hình kết nối vật lý");
        officer.click("#save-DESIGN");
        assertThat(officer.locator("#content-DESIGN")).hasValue("Đã bổ sung mô hình kết nối vật lý");
        officer.click("#action-SUBMIT");
        assertThat(officer.locator("#dossier-status")).hasAttribute("data-status", "SUBMITTED");

        // Appraised by the security unit; the appraiser has no approve action.
        appraiser.navigate(dossierUrl);
        appraiser.fill("#comment-APPRAISE", "Hồ sơ đạt yêu cầu");
        appraiser.click("#action-APPRAISE");
        assertThat(appraiser.locator("#dossier-status")).hasAttribute("data-status", "APPRAISED");
        assertThat(appraiser.locator("#action-APPROVE")).hasCount(0);

        // No security regulation yet: the page says so, and approval is refused naming the rule (NĐ 331 Đ30.7).
        Page leader = signIn(p.leader);
        leader.navigate(dossierUrl);
        assertThat(leader.locator("[id='precondition-nd331.regulation-before-approval']"))
                .hasAttribute("data-met", "false");
        leader.fill("#decisionNumber", "88/QĐ-SYT");
        leader.fill("#decisionDate", "21/11/2026");
        leader.fill("#decisionSigner", "Trần Văn Lãnh Đạo");
        leader.click("#action-APPROVE");
        assertThat(leader.locator("#action-form-APPROVE")).containsText("NĐ 331/2026/NĐ-CP Đ30.7");
        assertThat(leader.locator("#dossier-status")).hasAttribute("data-status", "APPRAISED");

        // The officer records the regulation on the system's plan page, reached from the dossier, before approval.
        officer.navigate(dossierUrl);
        officer.click("[id='precondition-nd331.regulation-before-approval'] a");
        officer.fill("#regulation-form [name='title']", "Quy chế bảo đảm an ninh mạng hệ thống một cửa");
        officer.fill("#regulation-form [name='decisionNumber']", "77/QĐ-SYT");
        officer.fill("#regulation-form [name='issuedOn']", "2026-11-02");
        officer.click("#regulation-form button[type='submit']");
        assertThat(officer.locator("#regulation")).containsText("77/QĐ-SYT");

        // Approved by the owner's leader with the signed decision.
        leader.navigate(dossierUrl);
        assertThat(leader.locator("[id='precondition-nd331.regulation-before-approval']"))
                .hasAttribute("data-met", "true");
        leader.fill("#decisionNumber", "88/QĐ-SYT");
        leader.fill("#decisionDate", "21/11/2026");
        leader.fill("#decisionSigner", "Trần Văn Lãnh Đạo");
        leader.setInputFiles(
                "#signedFile",
                new FilePayload(
                        "quyet-dinh-88.pdf", "application/pdf", "Quyết định đã ký".getBytes(StandardCharsets.UTF_8)));
        leader.click("#action-APPROVE");
        assertThat(leader.locator("#dossier-status")).hasAttribute("data-status", "APPROVED");
        assertThat(leader.locator("#dossier-history")).containsText("Trả lại hồ sơ");
        assertThat(leader.locator("#dossier-history")).containsText("Gửi lại");

        // The approved level is on the system …
        leader.click("#back-to-system");
        assertThat(leader.locator("#approved-level")).hasText("Cấp độ 3");
        assertThat(leader.locator("#approved-regime")).hasText("Nghị định 331/2026/NĐ-CP");

        // … and in the province's progress.
        Page province = signIn(p.provinceLeader);
        province.navigate(url("/level-progress?organizationId=" + p.province.id()));
        assertThat(province.locator("#progress-org")).hasText("Tỉnh Thử Nghiệm");
        assertThat(province.locator("#progress-total")).hasText("1");
        assertThat(province.locator("#progress-approved")).hasText("1");
        assertThat(province.locator("#progress-share")).hasText("100%");
        assertThat(province.locator("#level-table tr[data-level='3'] .level-count"))
                .hasText("1");
        assertThat(province.locator("#level-chart")).isVisible();
    }

    private Page signIn(TestData.Person person) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("vi-VN"));
        Page page = context.newPage();
        // Appraisal, approval and returns ask for confirmation (issue 9): this person confirms.
        page.onDialog(d -> d.accept());
        page.navigate(url("/login"));
        page.fill("#username", person.username());
        page.fill("#password", TestData.PASSWORD);
        page.click("#login-submit");
        page.waitForURL(u -> !u.contains("/login"));
        return page;
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
