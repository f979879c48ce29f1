package vn.khien.warnings;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import vn.khien.access.Role;
import vn.khien.support.Browser;
import vn.khien.support.IntegrationTest;
import vn.khien.support.TestData;

/**
 * In a real browser: a supervising body imports a CSAF advisory that fails tests that do not refuse it; the import
 * result lists each failure (§ number, Vietnamese title, level, JSON pointer, English detail), and the advisory's page
 * keeps them (ADR 0062).
 */
class CsafChecksBrowserTest extends IntegrationTest {

    @Test
    void theImportResultAndTheAdvisoryPageShowTheAcceptedFailuresInVietnamese() throws IOException {
        TestData.Org province = data.org(data.root(), "Tỉnh nhập CSAF");
        data.org(province, "Đơn vị trực thuộc");
        TestData.Person officer = data.person(province, Role.SECURITY_OFFICER);
        Path file = Files.createTempFile("csaf-accepted", ".json");
        Files.write(file, CsafChecksImportTest.csaf("checks/accepted-failures.json", data.unique("KHIEN-BROWSER")));
        try (Browser browser = Browser.open(http.base())) {
            Page page = browser.newPage();
            Browser.signIn(page, officer.username(), TestData.PASSWORD);
            page.navigate("/advisories");
            page.setInputFiles("#advisory-file", file);
            page.click("#advisory-submit");
            assertThat(page.locator(".outcome")).hasCount(1);
            assertThat(page.locator(".outcome .result")).containsText("Đã nhập 1");
            assertThat(page.locator(".outcome .csaf-count")).containsText("3 phép kiểm tra CSAF không đạt");
            assertThat(page.locator(".outcome .csaf-check")).hasCount(3);
            assertThat(page.locator(".outcome .csaf-check").nth(0).locator(".badge"))
                    .hasText("Bắt buộc (chấp nhận)");
            assertThat(page.locator(".outcome .csaf-check").nth(0))
                    .containsText("§6.1.16 Phiên bản tài liệu không phải bản mới nhất trong lịch sử sửa đổi, tại"
                            + " /document/tracking/version");
            assertThat(page.locator(".outcome .csaf-check").nth(1)).containsText("§6.2.10 Thiếu nhãn TLP, tại");
            assertThat(page.locator(".outcome .csaf-check").nth(2))
                    .containsText("/product_tree/branches/0/branches/0/branches/1/product");
            Browser.screenshot(page, "csaf-import-checks");

            page.click(".outcome .advisory-link");
            page.waitForURL(Pattern.compile(".*/advisories/\\d+$"));
            assertThat(page.locator("#advisory-title")).hasText("Lỗ hổng XSS trong Example Web");
            assertThat(page.locator("#csaf-checks .csaf-check")).hasCount(3);
            assertThat(page.locator("#csaf-checks .csaf-check[data-test='6.2.16']"))
                    .containsText("không đối chiếu được với hệ thống");
            Browser.screenshot(page, "csaf-advisory-checks");
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
