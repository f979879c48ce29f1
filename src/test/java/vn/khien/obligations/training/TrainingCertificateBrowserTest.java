package vn.khien.obligations.training;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import vn.khien.access.Role;
import vn.khien.support.Browser;
import vn.khien.support.IntegrationTest;
import vn.khien.support.TestData;

/**
 * In a real browser: an officer replaces a training record's certificate from its edit page. A file of the wrong
 * type is refused next to the field and changes nothing; a PNG replaces the PDF (the list shows the new SHA-256);
 * saving again without choosing a file keeps it.
 */
class TrainingCertificateBrowserTest extends IntegrationTest {

    @Test
    void anOfficerReplacesACertificateAndSavingWithoutAFileKeepsIt() {
        TestData.Org unit = data.org(data.root(), "Sở thay chứng chỉ trình duyệt");
        TestData.Person officer = data.person(unit, Role.SECURITY_OFFICER);
        String person = data.unique("Người thay chứng chỉ");
        long id = TrainingRecordsTest.recordWithCertificate(http.api(officer.token()), unit, person, "cu.pdf");
        String oldSha = TrainingService.sha256(TrainingRecordsTest.PDF);
        String newSha = TrainingService.sha256(TrainingRecordsTest.PNG);
        Pattern trainingPage = Pattern.compile(".*/organizations/" + unit.id() + "/training\\?year=2026$");

        try (Browser browser = Browser.open(http.base())) {
            Page page = browser.newPage();
            Browser.signIn(page, officer.username(), TestData.PASSWORD);
            page.navigate("/organizations/" + unit.id() + "/training?year=2026");
            assertThat(page.locator("#training-" + id)).containsText(oldSha);
            page.click("#edit-training-" + id);
            page.waitForURL("**/training-records/" + id + "/edit");
            assertThat(page.locator("#current-certificate")).containsText("cu.pdf");

            page.setInputFiles(
                    "#file",
                    new FilePayload("virus.exe", "application/octet-stream", "MZ".getBytes(StandardCharsets.UTF_8)));
            page.fill("#hours", "12");
            page.click("#training-save");
            assertThat(page.locator("#certificate-error")).isVisible();
            assertThat(page.locator("#hours")).hasValue("12");
            assertThat(page.locator("#current-certificate")).containsText(oldSha);
            Browser.screenshot(page, "training-certificate-refused");

            page.setInputFiles("#file", new FilePayload("moi.png", "image/png", TrainingRecordsTest.PNG));
            page.click("#training-save");
            page.waitForURL(trainingPage);
            assertThat(page.locator("#message")).isVisible();
            assertThat(page.locator("#training-" + id)).containsText(newSha);
            assertThat(page.locator("#training-" + id)).containsText("12");

            page.click("#edit-training-" + id);
            page.waitForURL("**/training-records/" + id + "/edit");
            assertThat(page.locator("#current-certificate")).containsText("moi.png");
            Browser.screenshot(page, "training-certificate-edit");
            page.fill("#hours", "16");
            page.click("#training-save");
            page.waitForURL(trainingPage);
            assertThat(page.locator("#training-" + id)).containsText("16");
            assertThat(page.locator("#training-" + id)).containsText(newSha);
        }
    }
}
