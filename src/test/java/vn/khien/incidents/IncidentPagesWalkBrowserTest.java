package vn.khien.incidents;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import vn.khien.access.Role;
import vn.khien.compliance.ComplianceFixture;
import vn.khien.support.Browser;
import vn.khien.support.Http;
import vn.khien.support.IncidentReports;
import vn.khien.support.IntegrationTest;
import vn.khien.support.TestData;

/**
 * Defects found walking the incident, drill and response-team pages as every demo persona (eighth wave), each kept
 * fixed in a real browser: only the steps possible from the case's status are offered, and a refused step names the
 * status in words; a refused coordination order, task or indicator keeps what was typed; the share buttons go once the
 * case is shared there; the on-call box links the team only for who may open it; the new-incident form is not offered
 * to an administrator; a refused drill keeps what was typed and says every field that is wrong.
 */
class IncidentPagesWalkBrowserTest extends IntegrationTest {

    static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");

    record Tree(TestData.Org province, TestData.Org unit, String unitName, TestData.Org hospital) {}

    /** A province with its designated response unit and a hospital below it. */
    private Tree tree(String name) {
        TestData.Org province = data.org(data.root(), data.unique(name));
        String unitName = data.unique("Sở ứng cứu");
        TestData.Org unit = data.org(province, unitName);
        TestData.Org hospital = data.org(province, data.unique("Bệnh viện"));
        data.designateResponseUnit(province, unit);
        return new Tree(province, unit, unitName, hospital);
    }

    @Test
    void caseStepsOrdersAndSharesOfferOnlyWhatCanBeDoneAndKeepWhatWasTyped() {
        Tree t = tree("Tỉnh đi trang sự cố");
        TestData.Person officer = data.person(t.hospital(), Role.SECURITY_OFFICER);
        TestData.Person responder = data.person(t.unit(), Role.INCIDENT_RESPONDER);
        long id =
                IncidentReports.of(t.hospital(), data.unique("Sự cố đi trang")).report(http.api(officer.token()));

        try (Browser browser = Browser.open(http.base())) {
            Page page = browser.newPage();
            Browser.signIn(page, officer.username(), TestData.PASSWORD);
            page.navigate("/incidents/" + id);
            // NEW: verify or reject, nothing further along
            assertThat(page.locator("#step-verify")).isVisible();
            assertThat(page.locator("#step-reject")).isVisible();
            assertThat(page.locator("#step-contain")).hasCount(0);
            assertThat(page.locator("#step-close")).hasCount(0);

            // a step posted out of order (as a stale page would) is refused with the status in words
            String csrf =
                    page.locator("#incident-steps input[name=_csrf]").first().getAttribute("value");
            APIResponse refused = page.request()
                    .post(
                            "/incidents/" + id + "/step/close",
                            RequestOptions.create()
                                    .setForm(FormData.create().set("_csrf", csrf))
                                    .setMaxRedirects(0));
            assertThat(refused.status()).isEqualTo(302);
            page.navigate("/incidents/" + id);
            assertThat(page.locator("#incident-error")).containsText("Mới - chưa xác minh");
            assertThat(page.locator("#incident-error")).not().containsText("NEW");

            page.click("#step-verify");
            assertThat(page.locator("#incident-status")).hasText("Đã xác minh");
            assertThat(page.locator("#step-contain")).isVisible();
            assertThat(page.locator("#step-verify")).hasCount(0);

            // an indicator refused keeps the value typed, to correct it
            page.selectOption("#indicator-kind", "IPV4");
            page.fill("#indicator-value", "300.1.2.3");
            page.locator("#indicator-value").press("Enter");
            assertThat(page.locator("#incident-error")).isVisible();
            assertThat(page.locator("#indicator-value")).hasValue("300.1.2.3");
            assertThat(page.locator("#indicator-kind")).hasValue("IPV4");

            // shared once with the response unit: that button goes, the other stays
            assertThat(page.locator("#share-response-unit")).isVisible();
            page.click("#share-response-unit");
            assertThat(page.locator("#incident-shares")).containsText(t.unitName());
            assertThat(page.locator("#share-response-unit")).hasCount(0);
            assertThat(page.locator("#share-parent")).isVisible();
            page.context().close();

            // the responder's coordination order with a due time in the past: refused, the instruction kept
            Page responderPage = browser.newPage();
            Browser.signIn(responderPage, responder.username(), TestData.PASSWORD);
            responderPage.navigate("/incidents/" + id);
            String past = LocalDate.now(VN).minusDays(2).format(DateTimeFormatter.ofPattern("dd/MM/yyyy")) + " 08:00";
            responderPage.fill("#order-instruction", "Cô lập máy chủ bị nhiễm mã độc");
            responderPage.fill("#order-due", past);
            responderPage.click("#order-submit");
            assertThat(responderPage.locator("#incident-error")).containsText("Hạn phải ở tương lai");
            assertThat(responderPage.locator("#order-instruction")).hasValue("Cô lập máy chủ bị nhiễm mã độc");
            assertThat(responderPage.locator("#order-due")).hasValue(past);
        }
    }

    @Test
    void theOnCallTeamIsLinkedOnlyForWhoMayOpenItAndAnAdministratorGetsNoReportForm() {
        Tree t = tree("Tỉnh trực đi trang");
        data.jdbc()
                .sql("UPDATE organization SET kind = 'PROVINCE' WHERE id = :id")
                .param("id", t.province().id())
                .update();
        TestData.Person officer = data.person(t.hospital(), Role.SECURITY_OFFICER);
        TestData.Person responder = data.person(t.unit(), Role.INCIDENT_RESPONDER);
        TestData.Person admin = data.person(t.hospital(), Role.ORG_ADMIN);
        String teamName = data.unique("Đội ứng cứu trực đi trang");
        Instant now = Instant.now();
        data.jdbc()
                .sql("INSERT INTO response_team (organization_id, unit_organization_id, name, created_at, updated_at)"
                        + " VALUES (:o, :u, :n, :now, :now)")
                .param("o", t.province().id())
                .param("u", t.unit().id())
                .param("n", teamName)
                .param("now", Timestamp.from(now))
                .update();
        long team = data.jdbc()
                .sql("SELECT id FROM response_team WHERE organization_id = :o")
                .param("o", t.province().id())
                .query(Long.class)
                .single();
        data.jdbc()
                .sql("INSERT INTO response_team_member (team_id, full_name, phone, team_role, outsourced, created_at)"
                        + " VALUES (:t, 'Người trực đi trang', '0912 000 999', 'CONTACT', FALSE, :now)")
                .param("t", team)
                .param("now", Timestamp.from(now))
                .update();
        long member = data.jdbc()
                .sql("SELECT id FROM response_team_member WHERE team_id = :t")
                .param("t", team)
                .query(Long.class)
                .single();
        data.jdbc()
                .sql("INSERT INTO response_team_shift (team_id, member_id, starts_at, ends_at, created_at)"
                        + " VALUES (:t, :m, :from, :to, :now)")
                .param("t", team)
                .param("m", member)
                .param("from", Timestamp.from(now.minus(1, ChronoUnit.HOURS)))
                .param("to", Timestamp.from(now.plus(1, ChronoUnit.DAYS)))
                .param("now", Timestamp.from(now))
                .update();
        Http.Api api = http.api(officer.token());
        long id = IncidentReports.of(t.hospital(), data.unique("Sự cố trực đi trang"))
                .report(api);
        assertThat(api.post("/api/v1/incidents/" + id + "/shares", Map.of("target", "RESPONSE_UNIT"))
                        .status())
                .isEqualTo(200);

        try (Browser browser = Browser.open(http.base())) {
            Page page = browser.newPage();
            Browser.signIn(page, officer.username(), TestData.PASSWORD);
            page.navigate("/incidents/" + id);
            assertThat(page.locator("#incident-on-call")).containsText("Người trực đi trang");
            assertThat(page.locator("#incident-on-call a")).hasCount(0);
            assertThat(page.locator("#incident-on-call .on-call-team")).hasText(teamName);
            page.context().close();

            Page responderPage = browser.newPage();
            Browser.signIn(responderPage, responder.username(), TestData.PASSWORD);
            responderPage.navigate("/incidents/" + id);
            responderPage.click("#incident-on-call a");
            responderPage.waitForURL(Pattern.compile(".*/response-teams/" + team + "$"));
            responderPage.context().close();

            Page adminPage = browser.newPage();
            Browser.signIn(adminPage, admin.username(), TestData.PASSWORD);
            adminPage.navigate("/incidents");
            assertThat(adminPage.locator("#incident-new")).hasCount(0);
            Response form = adminPage.navigate("/incidents/new");
            assertThat(form.status()).isEqualTo(403);
            assertThat(adminPage.locator("#incident-form")).hasCount(0);
        }
    }

    @Test
    void aRefusedDrillKeepsWhatWasTypedAndSaysEveryWrongField() {
        TestData.Org hospital = data.org(data.root(), data.unique("Bệnh viện diễn tập đi trang"));
        TestData.Person officer = data.person(hospital, Role.SECURITY_OFFICER);
        long system =
                ComplianceFixture.createSystem(http.api(officer.token()), data, hospital, "HIS diễn tập đi trang");
        // the date field is typed dd/MM/yyyy (the page's script sends it as ISO)
        DateTimeFormatter vn = DateTimeFormatter.ofPattern("dd/MM/yyyy");
        String tomorrow = LocalDate.now(VN).plusDays(1).format(vn);

        try (Browser browser = Browser.open(http.base())) {
            Page page = browser.newPage();
            Browser.signIn(page, officer.username(), TestData.PASSWORD);
            page.navigate("/systems/" + system + "/drills");
            assertThat(page.locator("#drills-none")).isVisible();
            page.selectOption("#kind", "TABLE_TOP");
            page.fill("#heldOn", tomorrow);
            page.fill("#participants", "Phòng CNTT, nhà cung cấp HIS");
            page.fill("#scenario", "Mã độc mã hoá cơ sở dữ liệu HIS");
            page.fill("#result", "Khôi phục trong 4 giờ");
            page.fill("#finding-1", "Chưa có bản sao lưu ngoại tuyến");
            page.fill("#finding-owner-1", "Phòng CNTT");
            page.click("#drill-submit");
            assertThat(page.locator("#drill-error")).containsText("Ngày diễn tập");
            assertThat(page.locator("#kind")).hasValue("TABLE_TOP");
            assertThat(page.locator("#heldOn")).hasValue(tomorrow);
            assertThat(page.locator("#participants")).hasValue("Phòng CNTT, nhà cung cấp HIS");
            assertThat(page.locator("#scenario")).hasValue("Mã độc mã hoá cơ sở dữ liệu HIS");
            assertThat(page.locator("#result")).hasValue("Khôi phục trong 4 giờ");
            assertThat(page.locator("#finding-1")).hasValue("Chưa có bản sao lưu ngoại tuyến");
            assertThat(page.locator("#finding-owner-1")).hasValue("Phòng CNTT");

            page.fill("#heldOn", LocalDate.now(VN).format(vn));
            page.click("#drill-submit");
            assertThat(page.locator("#drill-message")).isVisible();
            assertThat(page.locator("#drills")).containsText("Mã độc mã hoá cơ sở dữ liệu HIS");
            assertThat(page.locator("#scenario")).hasValue("");
        }
    }
}
