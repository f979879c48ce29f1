package vn.khien.systems.sbom;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import vn.khien.access.Role;
import vn.khien.support.Browser;
import vn.khien.support.IntegrationTest;
import vn.khien.support.TestData;
import vn.khien.vulnerabilities.ScanTestSupport;

/** The officer imports an SBOM from the system page in a real browser; a broken file says what is wrong and where. */
class SbomBrowserTest extends IntegrationTest {

    @Test
    void importFromTheSystemPage() throws Exception {
        TestData.Org unit = data.org(data.root(), "Sở SBOM trình duyệt");
        TestData.Person officer = data.person(unit, Role.SECURITY_OFFICER);
        long system = ScanTestSupport.system(data, unit);
        Path small = Path.of(
                SbomBrowserTest.class.getResource("/sbom/small-cyclonedx.json").toURI());
        Path broken = Path.of(
                SbomBrowserTest.class.getResource("/sbom/broken-cyclonedx.json").toURI());

        try (Browser browser = Browser.open(http.base())) {
            Page page = browser.newPage();
            Browser.signIn(page, officer.username(), TestData.PASSWORD);
            page.navigate("/systems/" + system);
            page.click("#sbom-link");
            page.waitForURL(url -> url.endsWith("/systems/" + system + "/sbom"));

            page.setInputFiles("#sbom-file", broken);
            page.click("#sbom-submit");
            assertThat(page.locator("#sbom-problems")).containsText("components[1].name");
            assertThat(page.locator("#sbom-problems")).containsText("Trường này là bắt buộc");
            Browser.screenshot(page, "sbom-import-errors");

            page.setInputFiles("#sbom-file", small);
            page.click("#sbom-submit");
            assertThat(page.locator("#sbom-result")).containsText("thêm mới 3");
            Browser.screenshot(page, "sbom-import-done");

            page.click("#back-to-system");
            page.waitForURL(url -> url.contains("/systems/" + system) && !url.contains("sbom"));
            assertThat(page.locator("#component-table")).containsText("log4j-core");
            assertThat(page.locator("#component-table")).containsText("jquery");
        }
    }
}
