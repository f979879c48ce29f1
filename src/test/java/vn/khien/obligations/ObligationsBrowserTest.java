package vn.khien.obligations;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import vn.khien.access.Role;
import vn.khien.obligations.jobs.ReminderService;
import vn.khien.obligations.mail.DigestService;
import vn.khien.support.Browser;
import vn.khien.support.IntegrationTest;
import vn.khien.support.Mailbox;
import vn.khien.support.TestData;

/**
 * In a real browser: a province leader opens the obligations matrix from the menu, finds the late unit at the top,
 * follows its R21 cell to the system's scans page; the reminder run and the day's digest then mail the unit's
 * officer (real SMTP: GreenMail) with a link to the same page.
 */
class ObligationsBrowserTest extends IntegrationTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));

    @Autowired
    ReminderService reminders;

    @Autowired
    DigestService digests;

    @Autowired
    JavaMailSenderImpl mailSender;

    @Test
    void provinceLeaderFindsTheLateUnitFollowsItToTheMissingScanAndTheOfficerIsMailed() throws Exception {
        TestData.Org province = data.org(data.root(), "Tỉnh Hà Giang thử nghiệm");
        TestData.Org good = data.org(province, "Sở Tư pháp");
        TestData.Org late = data.org(province, "Sở Y tế");
        long ok = ObligationFixtures.system(data, good, 2, "NEW", TODAY.minusMonths(3));
        ObligationFixtures.scan(data, ok, TODAY.minusDays(20));
        long missing = ObligationFixtures.system(data, late, 2, "NEW", TODAY.minusMonths(3));
        ObligationFixtures.scan(data, missing, TODAY.minusMonths(8));
        TestData.Person leader = data.person(province, Role.LEADER);
        TestData.Person officer = data.person(late, Role.SECURITY_OFFICER);

        try (Browser browser = Browser.open(http.base())) {
            Page page = browser.newPage();
            Browser.signIn(page, leader.username(), TestData.PASSWORD);
            page.click("#nav-obligations");
            page.waitForLoadState();
            assertThat(page.locator("h1")).containsText("Tỉnh Hà Giang thử nghiệm");
            // the late unit comes before the punctual one
            List<String> rows = page.locator("#obligations-matrix tbody tr").all().stream()
                    .map(r -> r.getAttribute("id"))
                    .toList();
            assertThat(rows.indexOf("row-" + late.id())).isLessThan(rows.indexOf("row-" + good.id()));
            // the column says what the duty is (issue 9): its short Vietnamese name, the code beneath and in the
            // tooltip
            assertThat(page.locator("#head-R21 span")).hasText("Rà quét 6 tháng");
            assertThat(page.locator("#head-R21")).hasAttribute("title", Pattern.compile("^R21: Rà quét"));
            assertThat(page.locator("#cell-" + late.id() + "-R21")).hasAttribute("data-status", "OVERDUE");
            assertThat(page.locator("#cell-" + good.id() + "-R21")).hasAttribute("data-status", "MET");
            assertThat(page.locator("#row-" + late.id())).containsText("nghĩa vụ quá hạn");
            Browser.screenshot(page, "obligations-matrix");
            page.click("#cell-" + late.id() + "-R21");
            page.waitForLoadState();
            assertThat(page).hasURL(http.base() + "/systems/" + missing + "/scans");
            assertThat(page.locator("#scan-duty")).containsText("Quá hạn");
        }

        try (Mailbox smtp = new Mailbox(mailSender)) {
            reminders.run();
            assertThat(digests.send(officer.id(), TODAY)).isTrue();
            assertThat(digests.send(officer.id(), TODAY)).as("one digest a day").isFalse();
            MimeMessage[] received = smtp.received();
            assertThat(received).hasSize(1);
            MimeMessage mail = received[0];
            assertThat(Arrays.stream(mail.getAllRecipients()).map(Object::toString))
                    .containsExactly(officer.username() + "@example.test");
            assertThat(Mailbox.body(mail)).contains("/systems/" + missing + "/scans");
            assertThat(mail.getContent().toString()).contains("R21").contains("quá hạn");
        }
    }

    /**
     * The system page is the way to its duties (issue 9, point 3): its hub counts the duties to act on and the overdue
     * ones; the duties owed only on an event (R31: incident reports) with no event are listed as such, never as met;
     * the organisation's page leads to the organisation's duties.
     */
    @Test
    void aSystemsDutiesAreReachedFromItsPageAndDutiesWithoutAnEventSaySo() {
        TestData.Org province = data.org(data.root(), "Tỉnh nghĩa vụ trung tâm");
        TestData.Org unit = data.org(province, "Sở Công Thương thử");
        long system = ObligationFixtures.system(data, unit, 3, "NEW", TODAY.minusMonths(3));
        ObligationFixtures.scan(data, system, TODAY.minusMonths(8));
        TestData.Person officer = data.person(unit, Role.SECURITY_OFFICER);

        try (Browser browser = Browser.open(http.base())) {
            Page page = browser.newPage();
            Browser.signIn(page, officer.username(), TestData.PASSWORD);
            page.navigate("/systems/" + system);
            var hub = page.locator("[data-hub='obligations.hub.duties']");
            assertThat(hub).hasAttribute("href", "/systems/" + system + "/obligations");
            assertThat(hub).hasClass(Pattern.compile("border-warning"));
            assertThat(hub.locator(".small").last()).containsText("quá hạn");
            int toAct = Integer.parseInt(hub.locator(".hub-count").innerText().trim());
            assertThat(toAct).isGreaterThanOrEqualTo(1);
            hub.click();
            page.waitForLoadState();
            assertThat(page).hasURL(http.base() + "/systems/" + system + "/obligations");
            assertThat(page.locator("#obligation-R21-SYSTEM-" + system)).hasAttribute("data-status", "OVERDUE");
            // as many rows to act on as the hub counted
            assertThat(
                            page.locator(
                                    "#obligations tbody tr[data-status='OVERDUE'], #obligations tbody tr[data-status='DUE_SOON']"))
                    .hasCount(toAct);
            // no incident: the incident report duty is not a row (not "met"), it is listed as not having arisen
            assertThat(page.locator("#obligation-R31-SYSTEM-" + system)).hasCount(0);
            assertThat(page.locator("#obligations-no-event")).containsText("Không có sự kiện nào phát sinh");
            assertThat(page.locator("#no-event-R31")).containsText("Báo cáo sự cố nghiêm trọng trong 24 giờ");
            Browser.screenshot(page, "obligations-system-no-event");

            page.navigate("/organizations/" + unit.id());
            page.click("#organization-obligations");
            page.waitForLoadState();
            assertThat(page).hasURL(http.base() + "/organizations/" + unit.id() + "/obligations");
            assertThat(page.locator("#obligation-R21-SYSTEM-" + system)).hasAttribute("data-status", "OVERDUE");
            assertThat(page.locator("#no-event-R31")).isVisible();
        }
    }
}
