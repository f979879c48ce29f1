package vn.khien.warnings;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
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

            String base = DemoStart.base(ctx);
            securityUnitOfficerFollowsUpAndReminds(base);

            assertThat(jdbc.sql("SELECT kind || ':' || source_key FROM advisory ORDER BY kind, source_key")
                            .query(String.class)
                            .list())
                    .as("the demo library, imported by the national appraiser")
                    .containsExactly(
                            "KEV:KEV:CVE-2021-41773",
                            "KEV:KEV:CVE-2023-4966",
                            "KEV:KEV:CVE-2024-21762",
                            "NVD:NVD:CVE-2024-1086",
                            "NVD:NVD:CVE-2024-21762");
            assertThat(jdbc.sql("""
                    SELECT COUNT(*) FROM audit_event e
                    WHERE e.action = 'ADVISORY_FEED_IMPORTED' AND e.actor_username = 'demo.quocgia.thamdinh'""").query(Long.class).single())
                    .as("the two demo imports audited as the appraiser's")
                    .isEqualTo(2);
            appraiserReviewsTheLibrary(base);
            coordinatorPublishesAWarningFromAnAdvisory(base, jdbc);
            provinceForwardsFortiOsAndTheHospitalAnswers(base, jdbc);
        }
    }

    /** demo.quocgia.thamdinh: the library to review (KEV only, by severity), may import, may not publish. */
    private static void appraiserReviewsTheLibrary(String base) {
        try (Browser browser = Browser.open(base)) {
            Page page = browser.newPage();
            Browser.signIn(page, "demo.quocgia.thamdinh", DemoData.PASSWORD);
            page.navigate("/advisories");
            PlaywrightAssertions.assertThat(page.locator("#advisory-count"))
                    .hasText("Hiển thị 1–5 trên tổng số 5 cảnh báo nguồn.");
            PlaywrightAssertions.assertThat(page.locator("#advisory-upload")).isVisible();
            PlaywrightAssertions.assertThat(page.locator(".publish-from")).hasCount(0);
            page.locator("#f-kev").check();
            page.locator("#f-severity").selectOption("CRITICAL");
            page.locator("#advisory-filter-apply").click();
            page.waitForURL(url -> url.contains("kev=true"));
            // the NVD record of FortiOS is critical and its CVE is in KEV; the KEV entries carry no severity
            PlaywrightAssertions.assertThat(page.locator(".advisory-row")).hasCount(1);
            PlaywrightAssertions.assertThat(page.locator(".advisory-row .kev-badge"))
                    .hasText("Đang bị khai thác");
            PlaywrightAssertions.assertThat(page.locator(".advisory-row .advisory-cves"))
                    .hasText("CVE-2024-21762");
            Browser.screenshot(page, "demo-appraiser-advisories-kev-critical");
            page.locator(".advisory-row .advisory-open").click();
            page.waitForURL(url -> url.matches(".*/advisories/\\d+$"));
            PlaywrightAssertions.assertThat(page.locator("#advisory-cves")).hasText("CVE-2024-21762");
            PlaywrightAssertions.assertThat(page.locator("#publish-from-advisory"))
                    .hasCount(0);
        }
    }

    /**
     * demo.dieuphoi: "in my systems" finds the Linux kernel flaw the HIS's re-scan still reports, which no warning
     * covers yet; "publish as warning" fills the form from the advisory, and the warning reaches the HIS.
     */
    private static void coordinatorPublishesAWarningFromAnAdvisory(String base, JdbcClient jdbc) {
        try (Browser browser = Browser.open(base)) {
            Page page = browser.newPage();
            Browser.signIn(page, "demo.dieuphoi", DemoData.PASSWORD);
            page.navigate("/advisories?mine=true");
            PlaywrightAssertions.assertThat(page.locator(".advisory-row")).hasCount(1);
            Locator row = page.locator(".advisory-row");
            PlaywrightAssertions.assertThat(row.locator(".advisory-cves")).hasText("CVE-2024-1086");
            PlaywrightAssertions.assertThat(row.locator(".my-systems")).hasText("1 hệ thống");
            Browser.screenshot(page, "demo-coordinator-advisories-mine");
            row.locator(".publish-from").click();
            page.waitForURL(url -> url.contains("advisory="));
            PlaywrightAssertions.assertThat(page.locator("#advisory-note")).isVisible();
            PlaywrightAssertions.assertThat(page.locator("#cves")).hasValue("CVE-2024-1086");
            PlaywrightAssertions.assertThat(page.locator("#severity")).hasValue("HIGH");
            page.locator("#acknowledgeBy").fill(DAY.format(LocalDate.now().plusDays(3)));
            page.locator("#fixBy").fill(DAY.format(LocalDate.now().plusDays(15)));
            page.locator("#title").fill("Lỗ hổng leo thang đặc quyền trong nhân Linux (CVE-2024-1086)");
            Browser.screenshot(page, "demo-coordinator-publish-from-advisory");
            page.locator("#publish").click();
            page.waitForURL(url -> url.matches(".*/warnings/\\d+$"));
            PlaywrightAssertions.assertThat(page.locator(".affected-row")).hasCount(1);
            PlaywrightAssertions.assertThat(page.locator(".affected-row")).containsText("HIS");
        }
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM warning w JOIN advisory a ON a.id = w.advisory_id
                WHERE a.source_key = 'NVD:CVE-2024-1086'""").query(Long.class).single()).isEqualTo(1);
    }

    /**
     * demo.tinh.quantri forwards the national FortiOS warning (addressed to the province, matching no registered
     * system) to the province's units with its own deadlines; the hospital's officer sees it, declares the HIS
     * affected (its FortiGate is not in the register) and answers FIXING with a plan date, which the province sees.
     */
    private static void provinceForwardsFortiOsAndTheHospitalAnswers(String base, JdbcClient jdbc) {
        long province = jdbc.sql("SELECT id FROM organization WHERE code = 'DEMO-TINH'")
                .query(Long.class)
                .single();
        long his = jdbc.sql("SELECT id FROM information_system WHERE code = 'DEMO-HIS'")
                .query(Long.class)
                .single();
        String forwarded;
        try (Browser browser = Browser.open(base)) {
            Page page = browser.newPage();
            Browser.signIn(page, "demo.tinh.quantri", DemoData.PASSWORD);
            page.navigate("/warnings");
            Locator national = page.locator("a.warning-link", new Page.LocatorOptions().setHasText("FortiOS"));
            PlaywrightAssertions.assertThat(national).hasCount(1);
            national.click();
            page.waitForURL(url -> url.matches(".*/warnings/\\d+$"));
            page.locator("#forward").click();
            page.waitForURL(url -> url.contains("forward="));
            PlaywrightAssertions.assertThat(page.locator("#forward-note")).containsText("FortiOS");
            page.locator("#organizationId").selectOption(String.valueOf(province));
            page.locator("#acknowledgeBy").fill(DAY.format(LocalDate.now().plusDays(2)));
            page.locator("#fixBy").fill(DAY.format(LocalDate.now().plusDays(7)));
            Browser.screenshot(page, "demo-province-forwards-fortios");
            page.locator("#publish").click();
            page.waitForURL(url -> url.matches(".*/warnings/\\d+$"));
            forwarded = page.url().replaceFirst(".*/warnings/", "");
            PlaywrightAssertions.assertThat(page.locator("#message")).isVisible();
        }
        try (Browser browser = Browser.open(base)) {
            Page page = browser.newPage();
            Browser.signIn(page, "demo.bv.canbo", DemoData.PASSWORD);
            page.navigate("/warnings");
            Locator row = page.locator(".warning-row[data-warning='" + forwarded + "']");
            PlaywrightAssertions.assertThat(row).containsText("FortiOS");
            PlaywrightAssertions.assertThat(row).containsText("Tỉnh Demo");
            row.locator(".warning-link").click();
            page.waitForURL("**/warnings/" + forwarded);
            page.locator("#declare-system").selectOption(String.valueOf(his));
            page.locator("#declare-note").fill("Tường lửa FortiGate 7.2.5 ở biên mạng bệnh viện, bảo vệ HIS");
            page.locator("#declare-submit").click();
            PlaywrightAssertions.assertThat(page.locator("#message")).containsText("Đã khai báo");
            Locator affected = page.locator(".affected-row[data-system='" + his + "']");
            affected.locator("select[name=status]").selectOption("FIXING");
            affected.locator("input[name=plannedFixOn]")
                    .fill(DAY.format(LocalDate.now().plusDays(5)));
            affected.locator("input[name=note]").fill("Nâng cấp FortiOS lên 7.2.7 trong khung giờ bảo trì");
            Browser.screenshot(page, "demo-hospital-answers-fortios");
            affected.locator("button[type=submit]").click();
            PlaywrightAssertions.assertThat(page.locator(".affected-row[data-system='" + his + "'] .status"))
                    .hasText("Đang khắc phục");
        }
        assertThat(jdbc.sql("""
                SELECT t.status FROM warning_target t WHERE t.warning_id = :w AND t.system_id = :s""")
                        .param("w", Long.parseLong(forwarded))
                        .param("s", his)
                        .query(String.class)
                        .single())
                .isEqualTo("FIXING");
        try (Browser browser = Browser.open(base)) {
            Page page = browser.newPage();
            Browser.signIn(page, "demo.tinh.quantri", DemoData.PASSWORD);
            page.navigate("/warnings/" + forwarded);
            PlaywrightAssertions.assertThat(page.locator("#count-FIXING")).hasText("1");
            Browser.screenshot(page, "demo-province-follows-fortios");
        }
    }

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

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
