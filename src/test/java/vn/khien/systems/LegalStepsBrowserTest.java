package vn.khien.systems;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.khien.access.Role;
import vn.khien.platform.DateDisplay;
import vn.khien.platform.PlatformConfiguration;
import vn.khien.support.Browser;
import vn.khien.support.Http;
import vn.khien.support.IntegrationTest;
import vn.khien.support.TestData;

/**
 * Issue 9 points 17–19 in a real browser: the owner proposes a system for the critical list on the system page; the
 * dossier then shows the level-5 procedure; the national appraiser records the day it received the dossier; the
 * owner's leader records the Prime Minister's and the plan decisions; the designation page shows each regime's body.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LegalStepsBrowserTest extends IntegrationTest {

    Browser browser;

    @BeforeAll
    void launch() {
        browser = Browser.open("http://127.0.0.1:" + port);
    }

    @AfterAll
    void close() {
        if (browser != null) {
            browser.close();
        }
    }

    private Page as(TestData.Person person) {
        Page page = browser.newPage();
        // Appraisal and approval ask for confirmation (issue 9 point 11): the person confirms.
        page.onDialog(d -> d.accept());
        Browser.signIn(page, person.username(), TestData.PASSWORD);
        return page;
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    @Test
    void criticalListLevel5ProcedureReceiptAndDecisionsOnThePages() {
        ProvinceFixture p = new ProvinceFixture(data, admin());
        TestData.Org national = data.org(data.root(), "Cục A05 - Bộ Công an (trình duyệt)");
        TestData.Org government = data.org(data.root(), "Văn phòng Chính phủ (trình duyệt)");
        assertThat(admin().post(
                                "/api/v1/authority-designations",
                                Map.of(
                                        "scopeOrganizationId",
                                        p.province.id(),
                                        "role",
                                        "NATIONAL_COMPETENT_BODY",
                                        "organizationId",
                                        national.id(),
                                        "regime",
                                        "nd331-2026"))
                        .status())
                .isEqualTo(200);
        assertThat(admin().post(
                                "/api/v1/authority-designations",
                                Map.of(
                                        "scopeOrganizationId",
                                        p.province.id(),
                                        "role",
                                        "PRIME_MINISTER",
                                        "organizationId",
                                        government.id()))
                        .status())
                .isEqualTo(200);
        TestData.Person nationalAppraiser = data.person(national, Role.SECURITY_OFFICER);
        Http.Api officerApi = http.api(p.officer.token());
        long systemId = ProvinceFixture.createSystem(officerApi, data, p.department, "Hệ thống chỉ huy điều hành");

        // The officer proposes the system for the list on its page.
        Page officer = as(p.officer);
        officer.navigate(url("/systems/" + systemId));
        assertThat(officer.locator("#critical-list")).hasAttribute("data-status", "NONE");
        officer.fill("#critical-grounds", "Tự rà soát theo NĐ 331/2026 Đ16: phục vụ chỉ huy, điều hành an ninh.");
        officer.click("#request-critical-list");
        assertThat(officer.locator("#critical-list")).hasAttribute("data-status", "REQUESTED");
        assertThat(officer.locator("#critical-list-status")).containsText("quy trình cấp độ 5");

        officerApi.post(
                "/api/v1/systems/" + systemId + "/classifications",
                Map.of("regime", "nd331-2026", "answers", ProvinceFixture.LEVEL3_ND331));
        long dossierId = officerApi
                .post("/api/v1/systems/" + systemId + "/dossiers", "")
                .json()
                .get("dossier")
                .get("id")
                .asLong();
        ProvinceFixture.fillParts(officerApi, dossierId);
        officerApi.send("PUT", "/api/v1/dossiers/" + dossierId + "/parts/EXPERT_OPINION", Map.of("content", "Ý kiến"));
        assertThat(officerApi
                        .post("/api/v1/dossiers/" + dossierId + "/actions/SUBMIT", Map.of())
                        .status())
                .isEqualTo(200);

        // The national appraiser sees the level-5 procedure and records the day the paper dossier arrived.
        Page appraiser = as(nationalAppraiser);
        appraiser.navigate(url("/dossiers/" + dossierId));
        assertThat(appraiser.locator("#level5-procedure")).containsText("NĐ 331/2026 Đ20.4");
        assertThat(appraiser.locator("#dossier-received-on")).containsText("chưa ghi nhận");
        LocalDate today = LocalDate.now(PlatformConfiguration.ZONE);
        appraiser.fill("#receivedOn", today.toString());
        appraiser.fill("#receiptNote", "Nhận hồ sơ giấy qua văn thư");
        appraiser.click("#record-receipt");
        assertThat(appraiser.locator("#dossier-received-on")).hasText(DateDisplay.DATE.format(today));
        assertThat(appraiser.locator("#dossier-history")).containsText("Ghi nhận ngày nhận hồ sơ");
        boolean estimated = http.api(nationalAppraiser.token())
                .get("/api/v1/dossiers/" + dossierId)
                .json()
                .get("dossier")
                .get("stepDueEstimated")
                .asBoolean();
        assertThat(appraiser.locator("#due-estimated")).hasCount(estimated ? 1 : 0);
        appraiser.fill("#comment-APPRAISE", "Đạt yêu cầu");
        appraiser.click("#action-APPRAISE");
        assertThat(appraiser.locator("#dossier-status")).hasAttribute("data-status", "APPRAISED");

        // The owner's leader records the plan decision (Mẫu 07) and the Prime Minister's list.
        Page leader = as(p.leader);
        leader.navigate(url("/dossiers/" + dossierId));
        assertThat(leader.locator("#decision-pm-critical-list")).hasAttribute("data-recorded", "false");
        leader.fill("#decision-number-owner-level5-plan", "4/QĐ-SYT");
        leader.fill("#decision-date-owner-level5-plan", "2026-11-15");
        leader.fill("#decision-signer-owner-level5-plan", "Giám đốc Sở");
        leader.click("#record-decision-owner-level5-plan");
        assertThat(leader.locator("#decision-owner-level5-plan")).hasAttribute("data-recorded", "true");
        leader.fill("#decision-number-pm-critical-list", "1/QĐ-TTg");
        leader.fill("#decision-date-pm-critical-list", "2026-11-10");
        leader.fill("#decision-signer-pm-critical-list", "Thủ tướng Chính phủ");
        leader.click("#record-decision-pm-critical-list");
        assertThat(leader.locator("#decision-pm-critical-list")).hasAttribute("data-recorded", "true");
        leader.navigate(url("/systems/" + systemId));
        assertThat(leader.locator("#critical-list")).hasAttribute("data-status", "LISTED");

        // The designation page shows which decree each designation serves.
        Page admin = browser.newPage();
        Browser.signIn(admin, ADMIN, ADMIN_PASSWORD);
        admin.navigate(url("/authority-designations?organizationId=" + p.province.id()));
        assertThat(admin.locator("#designations [data-role='NATIONAL_COMPETENT_BODY'] .designation-regime"))
                .hasText("Nghị định 331/2026/NĐ-CP");
        assertThat(admin.locator("#designation-regime option")).hasCount(3);
    }
}
