package vn.khien.obligations;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import vn.khien.access.Role;
import vn.khien.obligations.training.TrainingRecordsTest;
import vn.khien.support.Browser;
import vn.khien.support.Http;
import vn.khien.support.IntegrationTest;
import vn.khien.support.TestData;

/**
 * In a real browser: an officer edits a campaign not yet sent (a refused form keeps what was typed, the message next
 * to the field), then imports training records: a file with errors is refused with each error by row and column and
 * nothing recorded, the corrected file is recorded.
 */
class AwarenessTrainingBrowserTest extends IntegrationTest {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Test
    void anOfficerEditsACampaignAndImportsTrainingRecords() throws IOException {
        TestData.Org unit = data.org(data.root(), "Sở trình duyệt sửa");
        TestData.Person officer = data.person(unit, Role.SECURITY_OFFICER);
        TestData.Person trainee = data.person(unit, Role.AUDITOR);
        String title = data.unique("Chiến dịch trình duyệt");
        Http.Response created = http.api(officer.token())
                .post(
                        "/api/v1/awareness-campaigns",
                        Map.of(
                                "organizationId",
                                unit.id(),
                                "topic",
                                "PHISHING",
                                "title",
                                title,
                                "message",
                                "Thông điệp ban đầu.",
                                "repeatEvery",
                                "ONCE",
                                "startsOn",
                                LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"))
                                        .plusDays(5)
                                        .toString()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        String course = data.unique("Khóa nhập");

        try (Browser browser = Browser.open(http.base())) {
            Page page = browser.newPage();
            Browser.signIn(page, officer.username(), TestData.PASSWORD);
            page.navigate(http.base() + "/awareness/" + id);
            assertThat(page.locator("#campaign-scheduled")).isVisible();
            page.click("#edit-campaign");
            page.waitForURL("**/awareness/" + id + "/edit");
            page.fill("#title", "");
            page.fill("#message", "Thông điệp đã sửa, đang gõ.");
            page.click("#awareness-save");
            assertThat(page.locator("#title-error")).isVisible();
            assertThat(page.locator("#message")).hasValue("Thông điệp đã sửa, đang gõ.");
            Browser.screenshot(page, "awareness-edit-refused");
            String renamed = title + " (đã sửa)";
            page.fill("#title", renamed);
            page.click("#awareness-save");
            page.waitForURL(Pattern.compile(".*/awareness/" + id + "$"));
            assertThat(page.locator("#campaign-title")).hasText(renamed);
            assertThat(page.locator("#campaign-facts")).isVisible();

            byte[] bad = TrainingRecordsTest.workbook(List.of(
                    Arrays.asList(trainee.username(), course, "15/01/2026", 8, "CC-1"),
                    Arrays.asList("khong-co-nguoi-nay", course, "15/13/2026", "x", null)));
            byte[] good = TrainingRecordsTest.workbook(
                    List.of(Arrays.asList(trainee.username(), course, "15/01/2026", 7.5, "CC-1")));
            page.navigate(http.base() + "/organizations/" + unit.id() + "/training?year=2026");
            page.setInputFiles("#training-import-file", new FilePayload("dao-tao.xlsx", XLSX, bad));
            page.click("#training-import-submit");
            assertThat(page.locator("#training-import-errors")).containsText("khong-co-nguoi-nay");
            assertThat(page.locator("#training-import-errors tbody tr")
                            .first()
                            .locator("td")
                            .nth(1))
                    .hasText("3");
            assertThat(page.locator("#training-records")).not().containsText(course);
            Browser.screenshot(page, "training-import-refused");

            page.setInputFiles("#training-import-file", new FilePayload("dao-tao.xlsx", XLSX, good));
            page.click("#training-import-submit");
            assertThat(page.locator("#message")).containsText("Đã nhập 1 khóa đào tạo");
            page.navigate(http.base() + "/organizations/" + unit.id() + "/training?year=2026");
            assertThat(page.locator("#training-records")).containsText(course);
            assertThat(page.locator("#training-records")).containsText("CC-1");
            // hours read the Vietnamese way: 7,5 not 7.5
            assertThat(page.locator("#training-records tbody tr")
                            .filter(new Locator.FilterOptions().setHasText(course)))
                    .containsText("7,5");
            Browser.screenshot(page, "training-imported");
        }
    }
}
