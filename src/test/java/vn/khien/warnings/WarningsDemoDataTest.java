package vn.khien.warnings;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.khien.identity.DemoData;
import vn.khien.support.Browser;
import vn.khien.support.DemoStart;

/**
 * {@code --demo} gives the README's personas warnings work: the province's leader a Tomcat warning to answer for the
 * document system and a FortiOS warning to forward, the hospital's officer an overdue Oracle warning (shown overdue to
 * the coordinator) and one from a scan finding; the province's security unit ({@code demo.so.canbo}) its own warning
 * to its subtree to follow up (one system fixing, one overdue), which the browser journey reads and reminds.
 */
class WarningsDemoDataTest {

    @TempDir
    Path workDir;

    @Test
    void demoStartSeedsWarningsToAnswerForwardAndFollowUp() {
        try (ConfigurableApplicationContext ctx = DemoStart.run(workDir)) {
            JdbcClient jdbc = ctx.getBean(JdbcClient.class);
            List<String> reached = jdbc.sql("""
                    SELECT s.code || ':' || t.status FROM warning_target t JOIN warning w ON w.id = t.warning_id
                    JOIN information_system s ON s.id = t.system_id WHERE w.title LIKE '%(demo)'
                    ORDER BY w.id, s.code""").query(String.class).list();
            assertThat(reached)
                    .contains(
                            "DEMO-QLVB:REACHED",
                            "DEMO-HIS:REACHED",
                            "DEMO-TTCDS-WEB:FIXING",
                            "DEMO-TTCDS-MOTCUA:REACHED");
            assertThat(jdbc.sql("""
                    SELECT COUNT(*) FROM warning w JOIN warning_target t ON t.warning_id = w.id
                    WHERE w.title LIKE '%CVE-2021-2351%' AND t.status = 'REACHED' AND w.acknowledge_by < CURRENT_DATE""").query(Long.class).single())
                    .as("the overdue Oracle warning")
                    .isEqualTo(1);
            assertThat(jdbc.sql("""
                    SELECT COUNT(*) FROM warning w JOIN warning_recipient r ON r.warning_id = w.id
                    JOIN organization o ON o.id = r.organization_id
                    WHERE w.title LIKE '%CVE-2024-21762%' AND o.code = 'DEMO-TINH'""").query(Long.class).single())
                    .as("the FortiOS warning addressed to the province, to forward")
                    .isEqualTo(1);
            assertThat(jdbc.sql("SELECT COUNT(*) FROM warning_match WHERE matched_by = 'FINDING'")
                            .query(Long.class)
                            .single())
                    .as("the warning from a HIS scan finding")
                    .isPositive();
            assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'WARNING_PUBLISHED'")
                            .query(Long.class)
                            .single())
                    .isEqualTo(5);

            securityUnitOfficerFollowsUpAndReminds(DemoStart.base(ctx));
        }
    }

    /** The journey of demo.so.canbo in a real browser: the follow-up of the unit's own warning, a reminder, imports. */
    private static void securityUnitOfficerFollowsUpAndReminds(String base) {
        try (Browser browser = Browser.open(base)) {
            Page page = browser.newPage();
            Browser.signIn(page, "demo.so.canbo", DemoData.PASSWORD);
            page.navigate("/warnings");
            Locator link = page.locator("a.warning-link", new Page.LocatorOptions().setHasText("CVE-2021-41773"));
            PlaywrightAssertions.assertThat(link).hasCount(1);
            link.click();
            page.waitForURL(url -> url.matches(".*/warnings/\\d+$"));
            PlaywrightAssertions.assertThat(page.locator("#count-total")).hasText("2");
            PlaywrightAssertions.assertThat(page.locator("#count-FIXING")).hasText("1");
            PlaywrightAssertions.assertThat(page.locator("#overdue .overdue-row"))
                    .hasCount(1);
            PlaywrightAssertions.assertThat(page.locator("#overdue")).containsText("Hệ thống một cửa điện tử");
            Browser.screenshot(page, "demo-so-canbo-follow-up");
            page.click("#remind");
            PlaywrightAssertions.assertThat(page.locator("#message")).containsText("Đã nhắc");

            page.navigate("/advisories");
            PlaywrightAssertions.assertThat(page.locator("#advisory-upload")).isVisible();
            PlaywrightAssertions.assertThat(page.locator("#import-read-only")).hasCount(0);
            Browser.screenshot(page, "demo-so-canbo-advisories");
        }
    }
}
