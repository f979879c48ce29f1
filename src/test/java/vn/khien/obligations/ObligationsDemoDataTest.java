package vn.khien.obligations;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.khien.support.Browser;
import vn.khien.support.DemoStart;

/**
 * {@code --demo} gives the README's personas budget work: the security unit's approved plan, the hospital's drafts
 * below 10% (R39 overdue) for the province leader to approve, the ministry's draft for its leader; the hospital's
 * administrator granted by an import (no grantor), which the province leader reviews and revokes; the security unit's
 * training records; walked in a real browser as demo.bv.canbo, demo.tinh.lanhdao and demo.so.canbo.
 */
class ObligationsDemoDataTest {

    @TempDir
    Path workDir;

    @Test
    void demoStartSeedsBudgetWorkForThePersonas() {
        try (ConfigurableApplicationContext ctx = DemoStart.run(workDir)) {
            JdbcClient jdbc = ctx.getBean(JdbcClient.class);
            List<String> plans = jdbc.sql("""
                    SELECT o.code || ':' || b.kind || ':' || b.status FROM budget_plan b
                    JOIN organization o ON o.id = b.organization_id ORDER BY b.id""").query(String.class).list();
            assertThat(plans)
                    .startsWith("DEMO-SO-KHCN:ANNUAL:APPROVED", "DEMO-BVDK:ANNUAL:DRAFT", "DEMO-BVDK:PROJECT:DRAFT")
                    .contains("DEMO-TTANM:ANNUAL:DRAFT", "DEMO-TTANM:PROJECT:DRAFT")
                    .hasSize(6);
            long bv = jdbc.sql("SELECT id FROM organization WHERE code = 'DEMO-BVDK'")
                    .query(Long.class)
                    .single();
            String base = DemoStart.base(ctx);
            try (Browser browser = Browser.open(base)) {
                Page page = browser.newPage();
                Browser.signIn(page, "demo.bv.canbo", "Khien@Demo2026");
                page.navigate(base + "/organizations/" + bv + "/obligations");
                assertThat(page.locator("#obligation-R39-ORGANIZATION-" + bv)).hasAttribute("data-status", "OVERDUE");
                page.locator("#obligation-R39-ORGANIZATION-" + bv + " a.obligation-link")
                        .click();
                page.waitForURL("**/organizations/" + bv + "/budget");
                assertThat(page.locator("#budget-plans tbody tr")).hasCount(2);
                assertThat(page.locator("#budget-plans a.btn")).hasCount(2);
                Browser.screenshot(page, "demo-bv-canbo-budget");
            }
            try (Browser browser = Browser.open(base)) {
                Page page = browser.newPage();
                Browser.signIn(page, "demo.tinh.lanhdao", "Khien@Demo2026");
                page.click("#nav-obligations");
                page.waitForURL("**/obligations/matrix");
                assertThat(page.locator("#head-R39 span")).hasText("Kinh phí 10%");
                Browser.screenshot(page, "demo-tinh-lanhdao-matrix");
                page.navigate(base + "/organizations/" + bv + "/budget");
                assertThat(page.locator("#budget-plans button")).hasCount(2);
                Browser.screenshot(page, "demo-tinh-lanhdao-budget");

                // the hospital's administrator came by import: no grantor recorded, never reviewed (R49)
                long grant = jdbc.sql("""
                        SELECT g.id FROM role_grant g JOIN app_user u ON u.id = g.user_id
                        WHERE u.username = 'demo.bv.quantri' AND g.organization_id = :o AND g.granted_by IS NULL""").param("o", bv).query(Long.class).single();
                page.navigate(base + "/organizations/" + bv + "/access-reviews");
                assertThat(page.locator("#held-" + grant + " .grantor"))
                        .hasText("Không ghi nhận người cấp (cấp trước khi có rà soát quyền)");
                page.click("#open-review");
                page.waitForURL("**/access-reviews/*");
                assertThat(page.locator("#grant-" + grant + " .grantor"))
                        .hasText("Không ghi nhận người cấp (cấp trước khi có rà soát quyền)");
                page.locator("#grant-" + grant + " .decision-select").selectOption("REVOKE");
                page.locator("#grant-" + grant + " .decision-reason").fill("Không rõ ai cấp, không còn cần");
                page.locator("#grant-" + grant + " .decision-submit").click();
                assertThat(page.locator("#grant-" + grant)).hasAttribute("data-decision", "REVOKE");
                Browser.screenshot(page, "demo-tinh-lanhdao-hospital-review");
                assertThat(jdbc.sql("SELECT COUNT(*) FROM role_grant WHERE id = :g")
                                .param("g", grant)
                                .query(Long.class)
                                .single())
                        .isZero();
            }
            // the security unit's training of the year: one certificate on file, two imported with their numbers
            long so = jdbc.sql("SELECT id FROM organization WHERE code = 'DEMO-SO-KHCN'")
                    .query(Long.class)
                    .single();
            try (Browser browser = Browser.open(base)) {
                Page page = browser.newPage();
                Browser.signIn(page, "demo.so.canbo", "Khien@Demo2026");
                page.navigate(base + "/organizations/" + so + "/training");
                assertThat(page.locator("#training-records tbody tr")).hasCount(3);
                assertThat(page.locator("#training-records .training-reference"))
                        .hasCount(2);
                assertThat(page.locator("#training-records a[href$='/certificate']"))
                        .hasCount(1);
                Browser.screenshot(page, "demo-so-canbo-training");
            }
            // the national appraiser: the national body's project recorded without its security line (R39 overdue),
            // with the reminder waiting; he records the amount and the year is back above 10%
            long national = jdbc.sql("SELECT id FROM organization WHERE code = 'DEMO-TTANM'")
                    .query(Long.class)
                    .single();
            assertThat(jdbc.sql("""
                            SELECT COUNT(*) FROM notice n JOIN app_user u ON u.id = n.person_id
                            WHERE u.username = 'demo.quocgia.thamdinh' AND n.message_key = 'obligations.notice.overdue'
                              AND n.args LIKE '%R39%'""").query(Long.class).single()).isEqualTo(1);
            try (Browser browser = Browser.open(base)) {
                Page page = browser.newPage();
                Browser.signIn(page, "demo.quocgia.thamdinh", "Khien@Demo2026");
                page.navigate(base + "/organizations/" + national + "/obligations");
                assertThat(page.locator("#obligation-R39-ORGANIZATION-" + national))
                        .hasAttribute("data-status", "OVERDUE");
                page.locator("#obligation-R39-ORGANIZATION-" + national + " a.obligation-link")
                        .click();
                page.waitForURL("**/organizations/" + national + "/budget");
                long project = jdbc.sql("SELECT id FROM budget_plan WHERE organization_id = :o AND kind = 'PROJECT'")
                        .param("o", national)
                        .query(Long.class)
                        .single();
                page.locator("a[href='/budget-plans/" + project + "/edit']").click();
                page.waitForURL("**/budget-plans/" + project + "/edit");
                page.fill("#plan-security", "300000000");
                page.click("#budget-edit-submit");
                page.waitForURL("**/organizations/" + national + "/budget?year=*");
                page.navigate(base + "/organizations/" + national + "/obligations");
                assertThat(page.locator("#obligation-R39-ORGANIZATION-" + national))
                        .hasAttribute("data-status", "MET");
                Browser.screenshot(page, "demo-quocgia-thamdinh-obligations");
            }
            // the province's administrator and the responder each have an awareness message to acknowledge
            for (String who : List.of("demo.tinh.quantri", "demo.so.ungcuu")) {
                try (Browser browser = Browser.open(base)) {
                    Page page = browser.newPage();
                    Browser.signIn(page, who, "Khien@Demo2026");
                    assertThat(page.locator("a[href='/awareness/inbox']").first())
                            .isVisible();
                    page.navigate(base + "/awareness/inbox");
                    assertThat(page.locator(".awareness-pending")).hasCount(1);
                    Browser.screenshot(page, "demo-" + who.replace('.', '-') + "-inbox");
                    page.locator(".awareness-pending button[type=submit]").click();
                    assertThat(page.locator(".awareness-pending")).hasCount(0);
                }
            }
        }
    }
}
