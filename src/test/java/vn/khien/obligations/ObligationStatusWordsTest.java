package vn.khien.obligations;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import tools.jackson.databind.JsonNode;
import vn.khien.access.Role;
import vn.khien.obligations.jobs.ReminderService;
import vn.khien.obligations.mail.DigestService;
import vn.khien.support.Browser;
import vn.khien.support.Http;
import vn.khien.support.IntegrationTest;
import vn.khien.support.Mailbox;
import vn.khien.support.TestData;

/**
 * Every place a duty's status is put into words says what the status is: a duty not yet due that nothing proves done
 * (a level-3 system approved two months ago, never assessed: R19) is NO_DATA with "not yet due" — never "Đã thực hiện"
 * — on the system's page, the organisation's page, the subtree matrix, the API and the calendar feed; MET, DUE_SOON,
 * OVERDUE each read as themselves; the day's digest names what is due soon and what is overdue, in Vietnamese.
 */
class ObligationStatusWordsTest extends IntegrationTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
    private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final Map<String, String> WORDS = Map.of(
            "OVERDUE", "Quá hạn",
            "DUE_SOON", "Sắp đến hạn",
            "NO_DATA", "Chưa có dữ liệu",
            "MET", "Đã thực hiện");

    @Autowired
    ReminderService reminders;

    @Autowired
    DigestService digests;

    @Autowired
    JavaMailSenderImpl mailSender;

    record Fixture(
            TestData.Org province,
            TestData.Org unit,
            long notYetDue,
            long late,
            long dueSoon,
            TestData.Person leader,
            TestData.Person officer) {}

    private Fixture fixture() {
        TestData.Org province = data.org(data.root(), "Tỉnh trạng thái thử");
        TestData.Org unit = data.org(province, "Sở trạng thái thử");
        // approved two months ago, scanned ten days ago, never assessed: R19 first due a year after approval
        long notYetDue = ObligationFixtures.system(data, unit, 3, "NEW", TODAY.minusMonths(2));
        ObligationFixtures.scan(data, notYetDue, TODAY.minusDays(10));
        long late = ObligationFixtures.system(data, unit, 2, "NEW", TODAY.minusMonths(3));
        ObligationFixtures.scan(data, late, TODAY.minusMonths(8));
        // R21: every six months, lead time 30 days: due in ten days
        long dueSoon = ObligationFixtures.system(data, unit, 2, "NEW", TODAY.minusMonths(3));
        ObligationFixtures.scan(data, dueSoon, TODAY.minusMonths(6).plusDays(10));
        return new Fixture(
                province,
                unit,
                notYetDue,
                late,
                dueSoon,
                data.person(province, Role.LEADER),
                data.person(unit, Role.SECURITY_OFFICER));
    }

    private static Map<String, JsonNode> byRule(JsonNode list) {
        Map<String, JsonNode> out = new HashMap<>();
        list.forEach(n -> out.put(n.get("rule").asString(), n));
        return out;
    }

    @Test
    void theApiAndTheCalendarCallADutyNotYetDueWithoutEvidenceNoDataNeverMet() {
        Fixture f = fixture();
        Http.Response r = http.api(f.officer().token()).get("/api/v1/systems/" + f.notYetDue() + "/obligations");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        Map<String, JsonNode> rules = byRule(r.json());
        JsonNode r19 = rules.get("R19");
        assertThat(r19.get("status").asString()).isEqualTo("NO_DATA");
        assertThat(r19.get("reason").asString()).isEqualTo("obligation.reason.not-yet-due");
        assertThat(r19.get("dueOn").asString())
                .isEqualTo(TODAY.minusMonths(2).plusYears(1).toString());
        assertThat(r19.has("lastMetOn") && !r19.get("lastMetOn").isNull()).isFalse();
        // what proves a duty met is still MET; due soon and overdue read as themselves
        assertThat(rules.get("R21").get("status").asString()).isEqualTo("MET");
        assertThat(rules.get("R09").get("status").asString()).isEqualTo("NOT_APPLICABLE");
        Map<String, JsonNode> late = byRule(http.api(f.officer().token())
                .get("/api/v1/systems/" + f.late() + "/obligations")
                .json());
        assertThat(late.get("R21").get("status").asString()).isEqualTo("OVERDUE");
        Map<String, JsonNode> soon = byRule(http.api(f.officer().token())
                .get("/api/v1/systems/" + f.dueSoon() + "/obligations")
                .json());
        assertThat(soon.get("R21").get("status").asString()).isEqualTo("DUE_SOON");
        // no MET without a day it was met, anywhere in the organisation's list
        for (JsonNode n : http.api(f.officer().token())
                .get("/api/v1/organizations/" + f.unit().id() + "/obligations")
                .json()) {
            if (n.get("status").asString().equals("MET")) {
                assertThat(n.get("reason").asString()).as(n.toString()).isNotEqualTo("obligation.reason.not-yet-due");
            }
        }
    }

    @Test
    void onlyAPersonWhoMayActIsToldToDoADutyOthersAreShownWhereItIsDone() {
        Fixture f = fixture();
        TestData.Person auditor = data.person(f.province(), Role.AUDITOR);
        TestData.Person administrator = data.person(f.province(), Role.ORG_ADMIN);
        String row = "id=\"obligation-R21-SYSTEM-" + f.late() + "\"";
        for (TestData.Person reader : List.of(auditor, administrator)) {
            Http.Session session = http.session();
            session.login(reader.username(), TestData.PASSWORD);
            String body = session.get("/organizations/" + f.unit().id() + "/obligations")
                    .body();
            String late = body.substring(body.indexOf(row), body.indexOf("</tr>", body.indexOf(row)));
            assertThat(late).contains("Xem nơi thực hiện").doesNotContain(">Thực hiện<");
        }
        Http.Session officer = http.session();
        officer.login(f.officer().username(), TestData.PASSWORD);
        String body = officer.get("/systems/" + f.late() + "/obligations").body();
        String late = body.substring(body.indexOf(row), body.indexOf("</tr>", body.indexOf(row)));
        assertThat(late).contains(">Thực hiện<");
    }

    @Test
    void theTenPercentDutyOpensTheBudgetPageOfItsYearNotTheApi() {
        TestData.Org unit = data.org(data.root(), "Sở kinh phí thử");
        TestData.Person officer = data.person(unit, Role.SECURITY_OFFICER);
        Http.Response created = http.api(officer.token())
                .post(
                        "/api/v1/organizations/" + unit.id() + "/budget-plans",
                        Map.of(
                                "year",
                                2027,
                                "kind",
                                "ANNUAL",
                                "name",
                                "Kế hoạch CNTT 2027",
                                "totalAmount",
                                1_000_000_000L,
                                "securityAmount",
                                120_000_000L,
                                "fundingSource",
                                "Ngân sách tỉnh"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode r39 = null;
        for (JsonNode n : http.api(officer.token())
                .get("/api/v1/organizations/" + unit.id() + "/obligations")
                .json()) {
            if (n.get("rule").asString().equals("R39")) {
                r39 = n;
            }
        }
        assertThat(r39).isNotNull();
        assertThat(r39.get("status").asString()).isEqualTo("MET");
        String url = r39.get("evidence").get("url").asString();
        assertThat(url).isEqualTo("/organizations/" + unit.id() + "/budget?year=2027");
        Http.Session session = http.session();
        session.login(officer.username(), TestData.PASSWORD);
        Http.Response page = session.get(url);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.body()).contains("Kế hoạch CNTT 2027");
    }

    @Test
    void everyPageSaysTheStatusItShowsAndTheDigestNamesDueAndOverdueInVietnamese() throws Exception {
        Fixture f = fixture();
        try (Browser browser = Browser.open(http.base())) {
            Page page = browser.newPage();
            Browser.signIn(page, f.leader().username(), TestData.PASSWORD);

            page.navigate("/systems/" + f.notYetDue() + "/obligations");
            Locator r19 = page.locator("#obligation-R19-SYSTEM-" + f.notYetDue());
            assertThat(r19).hasAttribute("data-status", "NO_DATA");
            assertThat(r19.locator(".obligation-status")).hasText("Chưa có dữ liệu");
            assertThat(r19).containsText("Chưa đến hạn");
            assertThat(r19).not().containsText("Đã thực hiện");
            assertThat(r19).containsText(TODAY.minusMonths(2).plusYears(1).format(DMY));
            assertThat(page.locator("#obligation-R21-SYSTEM-" + f.notYetDue() + " .obligation-link"))
                    .hasText("Xem bằng chứng");
            wordsAgree(page, "#obligations tbody tr");

            page.navigate("/organizations/" + f.unit().id() + "/obligations");
            assertThat(page.locator("#obligation-R19-SYSTEM-" + f.notYetDue())).hasAttribute("data-status", "NO_DATA");
            assertThat(page.locator("#obligation-R21-SYSTEM-" + f.late())).hasAttribute("data-status", "OVERDUE");
            assertThat(page.locator("#obligation-R21-SYSTEM-" + f.dueSoon())).hasAttribute("data-status", "DUE_SOON");
            assertThat(page.locator("#obligation-R21-SYSTEM-" + f.notYetDue())).hasAttribute("data-status", "MET");
            Set<String> seen = wordsAgree(page, "#obligations tbody tr");
            assertThat(seen).containsAll(Set.of("MET", "DUE_SOON", "OVERDUE", "NO_DATA"));
            Browser.screenshot(page, "obligations-status-words-organization");

            page.navigate("/organizations/" + f.province().id() + "/obligations/matrix");
            assertThat(page.locator("#cell-" + f.unit().id() + "-R21")).hasAttribute("data-status", "OVERDUE");
            assertThat(page.locator("#cell-" + f.unit().id() + "-R19")).hasAttribute("data-status", "NO_DATA");
            Locator cells = page.locator("#obligations-matrix td a");
            for (int i = 0; i < cells.count(); i++) {
                Locator cell = cells.nth(i);
                String status = cell.getAttribute("data-status");
                assertThat(cell.locator(".obligation-status")).hasText(WORDS.get(status));
                assertThat(cell.getAttribute("href"))
                        .as("a matrix cell links somewhere")
                        .isNotBlank();
            }
        }

        try (Mailbox smtp = new Mailbox(mailSender)) {
            reminders.run();
            assertThat(digests.send(f.officer().id(), TODAY)).isTrue();
            MimeMessage[] received = smtp.received();
            assertThat(received).hasSize(1);
            String subject = received[0].getSubject();
            assertThat(subject).startsWith("Khiên: ").contains(" việc cần chú ý ngày " + TODAY.format(DMY));
            String body = received[0].getContent().toString();
            String late = TODAY.minusMonths(8).plusMonths(6).format(DMY);
            String soon = TODAY.minusMonths(6).plusDays(10).plusMonths(6).format(DMY);
            assertThat(body)
                    .contains("Kính gửi")
                    .contains("đã quá hạn (hạn cuối ngày " + late + ")")
                    .contains("sắp đến hạn (hạn cuối ngày " + soon + ")")
                    .doesNotContain("quá hạn từ ngày")
                    .doesNotContain("obligations.notice");
            // the overdue item comes before what is merely due soon
            assertThat(body.indexOf("đã quá hạn")).isLessThan(body.indexOf("sắp đến hạn"));
        }
    }

    /** Each shown row's badge reads its status's word; returns the statuses seen. */
    private static Set<String> wordsAgree(Page page, String rows) {
        Set<String> seen = new HashSet<>();
        Locator all = page.locator(rows);
        assertThat(all.first()).isVisible();
        for (int i = 0; i < all.count(); i++) {
            Locator row = all.nth(i);
            String status = row.getAttribute("data-status");
            assertThat(row.locator(".obligation-status")).hasText(WORDS.get(status));
            seen.add(status);
        }
        assertThat(EnumSet.allOf(ObligationStatus.class).stream().map(Enum::name))
                .containsAll(seen);
        return seen;
    }
}
