package vn.khien.incidents;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import vn.khien.access.Role;
import vn.khien.support.Browser;
import vn.khien.support.IntegrationTest;
import vn.khien.support.TestData;

/**
 * In a real browser, a refused team set-up and a refused establishment decision come back with every typed value kept
 * and each Vietnamese error next to its field (not a line at the top of the page); corrected, both are saved.
 */
class ResponseTeamFormsBrowserTest extends IntegrationTest {

    static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");
    static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    @Test
    void refusedTeamAndDecisionFormsKeepWhatWasTypedWithErrorsNextToTheFields() {
        TestData.Org province = data.province(data.unique("Tỉnh biểu mẫu đội"));
        TestData.Org unit = data.org(province, "Sở biểu mẫu đội");
        data.designateResponseUnit(province, unit);
        TestData.Person responder = data.person(unit, Role.INCIDENT_RESPONDER);
        String teamName = data.unique("Đội biểu mẫu");
        LocalDate today = LocalDate.now(VN);

        try (Browser browser = Browser.open(http.base())) {
            Page page = browser.newPage();
            Browser.signIn(page, responder.username(), TestData.PASSWORD);
            page.navigate("/response-teams");

            // Set-up refused: a decision number without a valid date (a date that does not exist).
            page.selectOption("#organizationId", String.valueOf(province.id()));
            page.fill("#name", teamName);
            page.fill("#decisionNumber", "7/QĐ-UBND");
            page.fill("#decisionDate", "31/02/2026");
            page.click("#team-submit");
            page.waitForURL(Pattern.compile(".*/response-teams#team-form$"));
            assertThat(page.locator("#team-refused")).isVisible();
            assertThat(page.locator("#team-error")).hasCount(0);
            assertThat(page.locator("#error-decisionDate")).hasText("Ngày không hợp lệ: nhập ngày dạng dd/mm/yyyy.");
            assertThat(page.locator("#decisionDate")).hasClass(Pattern.compile("is-invalid"));
            assertThat(page.locator("#organizationId")).hasValue(String.valueOf(province.id()));
            assertThat(page.locator("#name")).hasValue(teamName);
            assertThat(page.locator("#decisionNumber")).hasValue("7/QĐ-UBND");
            assertThat(page.locator("#decisionDate")).hasValue("31/02/2026");

            // Refused again by the service: a decision dated in the future.
            page.fill("#decisionDate", today.plusDays(3).toString());
            page.click("#team-submit");
            assertThat(page.locator("#error-decisionDate")).hasText("Ngày quyết định không được ở tương lai.");
            assertThat(page.locator("#name")).hasValue(teamName);
            assertThat(page.locator("#decisionDate")).hasValue(today.plusDays(3).format(SHOWN));

            // Corrected: set up.
            page.fill("#decisionDate", today.minusMonths(1).toString());
            page.click("#team-submit");
            page.waitForURL(Pattern.compile(".*/response-teams/\\d+$"));
            assertThat(page.locator("#team-name")).hasText(teamName);

            // The establishment decision refused: number cleared, date in the future, a file chosen.
            page.fill("#decisionNumber", "");
            page.fill("#decisionDate", today.plusDays(5).toString());
            page.setInputFiles(
                    "#file",
                    new FilePayload(
                            "quyet-dinh-doi.pdf",
                            "application/pdf",
                            "%PDF-1.4 quyết định".getBytes(StandardCharsets.UTF_8)));
            page.click("#decision-submit");
            page.waitForURL(Pattern.compile(".*/response-teams/\\d+#decision-form$"));
            assertThat(page.locator("#decision-refused")).isVisible();
            assertThat(page.locator("#team-error")).hasCount(0);
            assertThat(page.locator("#error-decisionNumber")).hasText("Trường này là bắt buộc.");
            assertThat(page.locator("#decisionNumber")).hasClass(Pattern.compile("is-invalid"));
            assertThat(page.locator("#decisionNumber")).hasValue("");
            assertThat(page.locator("#error-decisionDate")).hasText("Ngày quyết định không được ở tương lai.");
            assertThat(page.locator("#decisionDate")).hasValue(today.plusDays(5).format(SHOWN));
            assertThat(page.locator("#decision-file-again")).containsText("quyet-dinh-doi.pdf");
            // What is stored is unchanged.
            assertThat(page.locator("#team-decision")).containsText("Quyết định số 7/QĐ-UBND");

            // Corrected: saved.
            page.fill("#decisionNumber", "9/QĐ-UBND");
            page.fill("#decisionDate", today.minusDays(2).toString());
            page.click("#decision-submit");
            assertThat(page.locator("#team-message")).hasText("Đã lưu.");
            assertThat(page.locator("#team-decision"))
                    .containsText(
                            "Quyết định số 9/QĐ-UBND ngày " + today.minusDays(2).format(SHOWN));
            assertThat(page.locator("#decision-refused")).hasCount(0);
            assertThat(page.locator("#decisionNumber")).hasValue("9/QĐ-UBND");
        }
        assertThat(data.jdbc()
                        .sql("SELECT COUNT(*) FROM audit_event WHERE action IN ('team.create', 'team.decision')"
                                + " AND organization_id = :o")
                        .param("o", province.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
    }
}
