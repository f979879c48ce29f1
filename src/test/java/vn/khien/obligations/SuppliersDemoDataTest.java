package vn.khien.obligations;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.khien.support.Browser;
import vn.khien.support.DemoStart;

/**
 * {@code --demo} gives demo.bv.canbo supply-chain work: the HIS's software company, assessed thirteen months ago, has
 * no current assessment, so the hospital's R36 is overdue and the supplier heads its suppliers; walked in a real
 * browser.
 */
class SuppliersDemoDataTest {

    @TempDir
    Path workDir;

    @Test
    void demoStartSeedsAnExpiredSupplierAssessmentForTheHospital() {
        try (ConfigurableApplicationContext ctx = DemoStart.run(workDir)) {
            JdbcClient jdbc = ctx.getBean(JdbcClient.class);
            long bv = jdbc.sql("SELECT id FROM organization WHERE code = 'DEMO-BVDK'")
                    .query(Long.class)
                    .single();
            assertThat(jdbc.sql("SELECT supplier_name || ':' || risk_rating FROM supplier_assessment "
                                    + "WHERE organization_id = :o")
                            .param("o", bv)
                            .query(String.class)
                            .list())
                    .containsExactly("Công ty phần mềm y tế Demo (demo):MEDIUM");
            String base = DemoStart.base(ctx);
            try (Browser browser = Browser.open(base)) {
                Page page = browser.newPage();
                Browser.signIn(page, "demo.bv.canbo", "Khien@Demo2026");
                page.navigate(base + "/organizations/" + bv + "/obligations");
                assertThat(page.locator("#obligation-R36-ORGANIZATION-" + bv)).hasAttribute("data-status", "OVERDUE");
                page.locator("#obligation-R36-ORGANIZATION-" + bv + " a.obligation-link")
                        .click();
                page.waitForURL("**/organizations/" + bv + "/suppliers");
                assertThat(page.locator("#supplier-0")).containsText("Công ty phần mềm y tế Demo (demo)");
                assertThat(page.locator("#supplier-0")).hasAttribute("data-state", "EXPIRED");
                // one software company in two spellings, joined by its tax code
                assertThat(page.locator("#supplier-1")).containsText("Cty TNHH Phần mềm ABC (demo)");
                assertThat(page.locator("#supplier-1 .supplier-tax-code")).hasText("Mã số thuế: 0108887771");
                assertThat(page.locator("#supplier-1 .supplier-variants"))
                        .containsText("Công ty TNHH Phần Mềm A.B.C (demo)");
                assertThat(page.locator("#suppliers tbody tr")).hasCount(2);
                Browser.screenshot(page, "demo-bv-canbo-suppliers");
            }
        }
    }
}
