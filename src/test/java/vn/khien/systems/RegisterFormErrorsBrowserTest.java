package vn.khien.systems;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import vn.khien.support.Browser;
import vn.khien.support.IntegrationTest;
import vn.khien.support.TestData;

/**
 * Issue 9 point 6 on the system page: a refused component or supplier shows each error next to its field, and the form
 * keeps what was typed.
 */
class RegisterFormErrorsBrowserTest extends IntegrationTest {

    @Test
    void componentAndSupplierFormsKeepTheInputAndShowEachErrorAtItsField() {
        ProvinceFixture p = new ProvinceFixture(data, admin());
        long systemId = ProvinceFixture.createSystem(
                http.api(p.officer.token()), data, p.department, data.unique("Hệ thống biểu mẫu"));
        try (Browser browser = Browser.open(http.base())) {
            Page page = browser.newPage();
            Browser.signIn(page, p.officer.username(), TestData.PASSWORD);
            page.navigate("/systems/" + systemId);

            page.selectOption("#component-form [name='kind']", "HOST");
            page.fill("#component-form [name='name']", "may-chu-giu-lai");
            page.fill("#component-form [name='ipAddresses']", "10.0.0.1, 999.1.1");
            page.fill("#component-form [name='operatingSystem']", "Ubuntu 24.04");
            page.click("#add-component");
            assertThat(page.locator("#component-form [name='ipAddresses']")).hasClass(Pattern.compile("is-invalid"));
            assertThat(page.locator("#component-form [name='ipAddresses'] + .invalid-feedback"))
                    .containsText("999.1.1");
            assertThat(page.locator("#component-form [name='name']")).hasValue("may-chu-giu-lai");
            assertThat(page.locator("#component-form [name='operatingSystem']")).hasValue("Ubuntu 24.04");
            assertThat(page.locator("#component-form [name='name']")).not().hasClass(Pattern.compile("is-invalid"));
            assertThat(page.locator("#component-table")).not().containsText("may-chu-giu-lai");
            Browser.screenshot(page, "component-form-errors");

            page.fill("#supplier-form [name='name']", "Công ty bảo trì giữ lại");
            page.fill("#supplier-form [name='provides']", "Bảo trì phần mềm");
            page.fill("#supplier-form [name='contractFrom']", "31/12/2026");
            page.fill("#supplier-form [name='contractTo']", "01/01/2026");
            page.click("#add-supplier");
            assertThat(page.locator("#supplier-form [name='contractTo']")).hasClass(Pattern.compile("is-invalid"));
            assertThat(page.locator("#supplier-form [name='contractTo'] + .invalid-feedback"))
                    .isVisible();
            assertThat(page.locator("#supplier-form [name='name']")).hasValue("Công ty bảo trì giữ lại");
            assertThat(page.locator("#supplier-form [name='provides']")).hasValue("Bảo trì phần mềm");
            assertThat(page.locator("#supplier-form [name='contractFrom']")).hasValue("31/12/2026");
            assertThat(page.locator("#supplier-form [name='contractTo']")).hasValue("01/01/2026");

            page.fill("#supplier-form [name='contractTo']", "31/12/2027");
            page.click("#add-supplier");
            assertThat(page.locator("#supplier-table")).containsText("Công ty bảo trì giữ lại");
            assertThat(page.locator("#supplier-form .is-invalid")).hasCount(0);
            assertThat(page.locator("#supplier-form [name='name']")).hasValue("");
        }
    }
}
