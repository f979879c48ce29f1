package vn.khien.systems;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.khien.support.Browser;
import vn.khien.support.Http;
import vn.khien.support.IntegrationTest;
import vn.khien.support.TestData;

/**
 * Issue 9, in a real browser: the classification form keeps every answer, reports every missing answer next to its
 * question and shows only the questions that apply; the dossier's parts are one form with a confirmation and a
 * warning before leaving unsaved text; appraisal needs its written opinion, asks for confirmation, and whoever
 * appraised may not approve; the decision date reads dd/MM/yyyy; a returned dossier is in its author's attention.
 */
class LevelFormsBrowserTest extends IntegrationTest {

    @Test
    void classificationKeepsAnswersAndShowsEveryMissingQuestionInPlace() {
        ProvinceFixture p = new ProvinceFixture(data, admin());
        long systemId =
                ProvinceFixture.createSystem(http.api(p.officer.token()), data, p.department, "Hệ thống quản lý hồ sơ");
        try (Browser browser = Browser.open(http.base())) {
            Page page = browser.newPage();
            Browser.signIn(page, p.officer.username(), TestData.PASSWORD);
            page.navigate("/systems/" + systemId + "/classify?regime=nd331-2026");
            // Prefilled from the register: type INTERNAL, private and personal information.
            assertThat(page.locator("[id='q0.system_type']")).hasValue("INTERNAL");
            assertThat(page.locator("[id='q0.info_types.PRIVATE']")).isChecked();
            assertThat(page.locator("[id='q0.info_types.PERSONAL']")).isChecked();
            // A conditional question shows only once the answers make it apply.
            assertThat(page.locator("[data-question='q0.defence_security_harm']"))
                    .isHidden();
            page.selectOption("[id='q0.serves_defence_security']", "true");
            assertThat(page.locator("[data-question='q0.defence_security_harm']"))
                    .isVisible();
            page.selectOption("[id='q0.serves_defence_security']", "false");
            assertThat(page.locator("[data-question='q0.defence_security_harm']"))
                    .isHidden();

            page.selectOption("[id='q0.handles_administrative_procedures']", "true");
            page.fill("#justification", "Lý do đang soạn dở, chưa gửi");
            page.click("#classify-submit");
            // Both missing answers at once, each by its Vietnamese text and next to its question; nothing lost.
            assertThat(page.locator("#classify-errors li")).hasCount(2);
            assertThat(page.locator("#classify-errors")).containsText("Chính phủ điện tử");
            assertThat(page.locator("#classify-errors")).not().containsText("centralised_national_data");
            assertThat(page.locator("[data-error-for='q0.national_egov_system']"))
                    .hasText("Cần trả lời câu hỏi này.");
            assertThat(page.locator("[data-error-for='q0.centralised_national_data']"))
                    .isVisible();
            assertThat(page.locator("[id='q0.system_type']")).hasValue("INTERNAL");
            assertThat(page.locator("[id='q0.serves_defence_security']")).hasValue("false");
            assertThat(page.locator("[id='q0.handles_administrative_procedures']"))
                    .hasValue("true");
            assertThat(page.locator("[id='q0.info_types.PERSONAL']")).isChecked();
            assertThat(page.locator("#justification")).hasValue("Lý do đang soạn dở, chưa gửi");

            page.selectOption("[id='q0.national_egov_system']", "false");
            page.selectOption("[id='q0.centralised_national_data']", "false");
            page.fill("#justification", "");
            page.click("#classify-submit");
            assertThat(page.locator("#classified")).isVisible();
            assertThat(page.locator("#classification-table tbody tr")
                            .first()
                            .locator("td")
                            .nth(2))
                    .hasText("3");
            Browser.screenshot(page, "level-forms-classified");

            // Opening the form again starts from the last answers.
            page.navigate("/systems/" + systemId + "/classify?regime=nd331-2026");
            assertThat(page.locator("[id='q0.handles_administrative_procedures']"))
                    .hasValue("true");
        }
    }

    @Test
    void dossierPartsAreOneFormAndAppraisalAndApprovalAreTwoConfirmedJudgements() {
        ProvinceFixture p = new ProvinceFixture(data, admin());
        Http.Api officerApi = http.api(p.officer.token());
        long systemId = ProvinceFixture.createSystem(officerApi, data, p.department, "Hệ thống một cửa");
        Http.Response c = officerApi.post(
                "/api/v1/systems/" + systemId + "/classifications",
                Map.of("regime", "nd331-2026", "answers", ProvinceFixture.LEVEL3_ND331));
        assertThat(c.status()).as(c.body()).isEqualTo(201);
        try (Browser browser = Browser.open(http.base())) {
            Page officer = browser.newPage();
            List<String> dialogs = new ArrayList<>();
            officer.onDialog(d -> {
                dialogs.add(d.type() + ":" + d.message());
                d.accept();
            });
            Browser.signIn(officer, p.officer.username(), TestData.PASSWORD);
            officer.navigate("/systems/" + systemId);
            officer.click("#create-dossier");
            assertThat(officer.locator("h1")).containsText("Hồ sơ đề xuất cấp độ 3");
            String dossierUrl = officer.url().replaceAll("#.*", "");
            for (String part : List.of("OVERVIEW", "DESIGN", "LEVEL_EXPLANATION", "SECURITY_PLAN", "RISK_ASSESSMENT")) {
                officer.fill("#content-" + part, "Nội dung " + part + " của hồ sơ");
            }
            // Saving from one part saves them all: nothing typed elsewhere is lost, and it says so.
            officer.click("#save-OVERVIEW");
            assertThat(officer.locator("#dossier-saved")).hasText("Đã lưu 5 thành phần hồ sơ.");
            assertThat(officer.locator("#content-RISK_ASSESSMENT")).hasValue("Nội dung RISK_ASSESSMENT của hồ sơ");
            // Leaving through another form with unsaved text asks first.
            officer.fill("#content-DESIGN", "Sơ đồ đã bổ sung");
            officer.setInputFiles(
                    "#file-DESIGN",
                    new FilePayload("so-do.pdf", "application/pdf", "Sơ đồ".getBytes(StandardCharsets.UTF_8)));
            officer.click("#attach-DESIGN");
            assertThat(officer.locator("#part-DESIGN")).containsText("so-do.pdf");
            assertThat(dialogs).anyMatch(d -> d.startsWith("confirm:") && d.contains("chưa lưu"));
            officer.click("#action-SUBMIT");
            assertThat(officer.locator("#dossier-status")).hasAttribute("data-status", "SUBMITTED");

            // The appraiser returns it; the return is in the officer's attention.
            Page appraiser = browser.newPage();
            appraiser.onDialog(d -> d.accept());
            Browser.signIn(appraiser, p.appraiser.username(), TestData.PASSWORD);
            appraiser.navigate(dossierUrl);
            appraiser.fill("#comment-RETURN", "Đề nghị bổ sung sơ đồ");
            appraiser.click("#action-RETURN");
            assertThat(appraiser.locator("#dossier-status")).hasAttribute("data-status", "RETURNED");
            officer.navigate("/");
            assertThat(officer.locator("body")).containsText("đã bị trả lại");
            officer.navigate(dossierUrl);
            officer.click("#action-SUBMIT");
            assertThat(officer.locator("#dossier-status")).hasAttribute("data-status", "SUBMITTED");

            // The province's leader may appraise: an empty opinion is refused next to the field.
            Page provinceLeader = browser.newPage();
            List<String> leaderDialogs = new ArrayList<>();
            provinceLeader.onDialog(d -> {
                leaderDialogs.add(d.message());
                d.accept();
            });
            Browser.signIn(provinceLeader, p.provinceLeader.username(), TestData.PASSWORD);
            provinceLeader.navigate(dossierUrl);
            provinceLeader.click("#action-APPRAISE");
            assertThat(provinceLeader.locator("#action-form-APPRAISE .invalid-feedback"))
                    .hasText("Cần ghi ý kiến thẩm định bằng văn bản.");
            assertThat(leaderDialogs).anyMatch(m -> m.contains("Xác nhận thẩm định"));
            provinceLeader.fill("#comment-APPRAISE", "Hồ sơ đạt yêu cầu");
            provinceLeader.click("#action-APPRAISE");
            assertThat(provinceLeader.locator("#dossier-status")).hasAttribute("data-status", "APPRAISED");
            // … and, having appraised it, is not offered the approval (the API refuses it too).
            assertThat(provinceLeader.locator("#action-APPROVE")).hasCount(0);
            long dossierId = Long.parseLong(dossierUrl.replaceAll(".*/", ""));
            Http.Response own = http.api(p.provinceLeader.token())
                    .post(
                            "/api/v1/dossiers/" + dossierId + "/actions/APPROVE",
                            Map.of("decisionNumber", "1/QĐ", "decisionDate", "2026-11-21", "decisionSigner", "X"));
            assertThat(own.status()).as(own.body()).isEqualTo(403);

            // The system's security regulation is issued before approval (TT 12 Đ9.7, NĐ 331 Đ30.7).
            ProvinceFixture.recordRegulation(officerApi, systemId, "2026-11-02");
            // The owner's leader approves; a wrong date is refused in place, with everything typed kept.
            Page leader = browser.newPage();
            leader.onDialog(d -> d.accept());
            Browser.signIn(leader, p.leader.username(), TestData.PASSWORD);
            leader.navigate(dossierUrl);
            leader.fill("#decisionNumber", "88/QĐ-SYT");
            leader.fill("#decisionDate", "31/02/2026");
            leader.fill("#decisionSigner", "Trần Văn Lãnh Đạo");
            leader.click("#action-APPROVE");
            assertThat(leader.locator("#action-form-APPROVE .invalid-feedback")).containsText("ngày/tháng/năm");
            assertThat(leader.locator("#decisionNumber")).hasValue("88/QĐ-SYT");
            assertThat(leader.locator("#decisionSigner")).hasValue("Trần Văn Lãnh Đạo");
            assertThat(leader.locator("#decisionDate")).hasValue("31/02/2026");
            leader.fill("#decisionDate", "21/11/2026");
            leader.click("#action-APPROVE");
            assertThat(leader.locator("#dossier-status")).hasAttribute("data-status", "APPROVED");
            assertThat(leader.locator("#dossier-action-done")).isVisible();
            Browser.screenshot(leader, "level-forms-approved");
        }
    }
}
