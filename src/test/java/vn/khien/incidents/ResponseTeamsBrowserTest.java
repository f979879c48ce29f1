package vn.khien.incidents;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import vn.khien.access.Role;
import vn.khien.support.Browser;
import vn.khien.support.Http;
import vn.khien.support.IncidentReports;
import vn.khien.support.IntegrationTest;
import vn.khien.support.TestData;

/**
 * In a real browser, the province's responder (the role of {@code demo.so.ungcuu}) sets up the province's response
 * team with its establishment decision, puts themself and an outsourced expert on the roster with their skills, plans
 * the on-call rotation and sees who is on call now — on the team page and on the page of an incident shared with the
 * unit — and reads the statistics of the incidents they may see (the hospital's, shared with the unit), reached from
 * the incident list.
 */
class ResponseTeamsBrowserTest extends IntegrationTest {

    static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");

    @Test
    void theResponderManagesTheRosterAndTheRotationAndSeesTheStatistics() {
        TestData.Org province = data.province(data.unique("Tỉnh trình duyệt đội"));
        TestData.Org unit = data.org(province, "Sở KH&CN trình duyệt đội");
        TestData.Org hospital = data.org(province, "Bệnh viện trình duyệt đội");
        data.designateResponseUnit(province, unit);
        TestData.Person responder = data.person(unit, Role.INCIDENT_RESPONDER);
        TestData.Person hospitalOfficer = data.person(hospital, Role.SECURITY_OFFICER);
        Http.Api h = http.api(hospitalOfficer.token());
        long incidentId = IncidentReports.of(hospital, "Mã độc trên máy trạm bệnh viện (đội)")
                .detectedAt("2026-06-10T09:00:00+07:00")
                .report(h);
        assertThat(h.post("/api/v1/incidents/" + incidentId + "/shares", Map.of("target", "RESPONSE_UNIT"))
                        .status())
                .isEqualTo(200);
        String me = "Người thử " + responder.username();
        String teamName = data.unique("Đội ứng cứu tỉnh trình duyệt");
        LocalDate today = LocalDate.now(VN);

        try (Browser browser = Browser.open(http.base())) {
            Page page = browser.newPage();
            Browser.signIn(page, responder.username(), TestData.PASSWORD);
            page.navigate("/incidents");
            page.click("#response-teams-link");
            page.waitForURL(Pattern.compile(".*/response-teams$"));
            page.selectOption("#organizationId", String.valueOf(province.id()));
            page.fill("#name", teamName);
            page.fill("#decisionNumber", "25/QĐ-UBND");
            page.fill("#decisionDate", today.minusMonths(3).toString());
            page.click("#team-submit");
            page.waitForURL(Pattern.compile(".*/response-teams/\\d+$"));
            assertThat(page.locator("#team-name")).hasText(teamName);
            assertThat(page.locator("#team-decision")).containsText("Quyết định số 25/QĐ-UBND ngày");
            assertThat(page.locator("#on-call-now")).containsText("Hiện không có ai trong lịch trực.");
            assertThat(page.locator("#skill-FORENSICS")).containsText("Chưa có thành viên đáp ứng");

            // The responder joins as the 24/7 contact point with a monitoring certificate.
            page.selectOption("#personId", String.valueOf(responder.id()));
            page.selectOption("#role", "CONTACT");
            page.fill("#phone", "0912 345 678");
            page.check("#sk-MONITORING");
            page.fill("#certificate_MONITORING", "CompTIA CySA+");
            page.fill("#validUntil_MONITORING", today.plusYears(1).toString());
            page.click("#member-submit");
            assertThat(page.locator("#team-message")).hasText("Đã lưu.");
            assertThat(page.locator("#roster")).containsText(me);
            assertThat(page.locator("#skill-MONITORING")).containsText(me);

            // An outsourced expert without their firm is refused, naming the field; with it, added.
            typeExpert(page, today);
            List<String> posts = new ArrayList<>();
            page.onRequest(r -> {
                if (r.method().equals("POST")) {
                    posts.add(r.url());
                }
            });
            page.click("#member-submit");
            // Refused (Post/Redirect/Get): back on the team page by GET, the problem next to its field; the member
            // comes back as typed, each certificate on its skill.
            page.waitForURL(Pattern.compile(".*/response-teams/\\d+#add-member$"));
            assertThat(page.locator("#organisationName + .invalid-feedback"))
                    .hasText("Chuyên gia thuê ngoài cần ghi rõ tổ chức.");
            assertThat(page.locator("#organisationName")).hasClass(Pattern.compile("is-invalid"));
            assertThat(page.locator("#error-organisationName")).hasText("Chuyên gia thuê ngoài cần ghi rõ tổ chức.");
            assertThat(page.locator("#member-refused")).isVisible();
            assertThat(page.locator("#fullName")).hasValue("Chuyên gia điều tra số thử");
            assertThat(page.locator("#role")).hasValue("EXPERT");
            assertThat(page.locator("#phone")).hasValue("0988 765 432");
            assertThat(page.locator("#sk-FORENSICS")).isChecked();
            assertThat(page.locator("#sk-MALWARE_ANALYSIS")).isChecked();
            assertThat(page.locator("#certificate_FORENSICS")).hasValue("GIAC GCFA");
            assertThat(page.locator("#certificateNumber_FORENSICS")).hasValue("GCFA-12345");
            assertThat(page.locator("#certificate_MALWARE_ANALYSIS")).hasValue("GIAC GREM");
            // (date fields show dd/MM/yyyy in the page and send ISO dates)
            assertThat(page.locator("#validUntil_MALWARE_ANALYSIS"))
                    .hasValue(today.plusYears(2).format(DateTimeFormatter.ofPattern("dd/MM/yyyy")));
            assertThat(posts).hasSize(1);
            // A reload asks for the page again (GET): nothing is posted a second time, the refusal was shown once.
            page.reload();
            assertThat(page.locator("#team-name")).hasText(teamName);
            assertThat(page.locator("#member-refused")).hasCount(0);
            assertThat(page.locator("#error-organisationName")).hasCount(0);
            assertThat(posts).hasSize(1);
            typeExpert(page, today);
            page.fill("#organisationName", "Công ty điều tra số thử");
            page.click("#member-submit");
            assertThat(page.locator("#team-message")).hasText("Đã lưu.");
            assertThat(page.locator("#roster")).containsText("Công ty điều tra số thử");
            assertThat(page.locator("#skill-FORENSICS")).containsText("Chuyên gia điều tra số thử");
            assertThat(page.locator("#skill-MALWARE_ANALYSIS")).containsText("Chuyên gia điều tra số thử");
            assertThat(posts).hasSize(2);
            // Reloading after the member was added posts nothing either: the expert is on the roster once.
            page.reload();
            assertThat(page.locator("#roster")).containsText("Công ty điều tra số thử");
            assertThat(page.locator("#roster tr", new Page.LocatorOptions().setHasText("Chuyên gia điều tra số thử")))
                    .hasCount(1);
            assertThat(posts).hasSize(2);
            assertThat(data.jdbc()
                            .sql(
                                    "SELECT k.skill_code || ' ' || k.certificate || ' ' || COALESCE(k.certificate_number, '-')"
                                            + " || ' ' || COALESCE(CAST(k.valid_until AS VARCHAR(10)), '-')"
                                            + " FROM response_team_skill k JOIN response_team_member m ON m.id = k.member_id"
                                            + " JOIN response_team t ON t.id = m.team_id WHERE t.name = :t"
                                            + " AND m.full_name = 'Chuyên gia điều tra số thử' ORDER BY k.skill_code")
                            .param("t", teamName)
                            .query(String.class)
                            .list())
                    .containsExactly(
                            "FORENSICS GIAC GCFA GCFA-12345 -", "MALWARE_ANALYSIS GIAC GREM - " + today.plusYears(2));

            // A rotation without members is refused by redirect: the error next to the members, the days typed kept.
            page.fill("#startsOn", today.minusDays(1).toString());
            page.fill("#days", "2");
            page.click("#rotation-submit");
            page.waitForURL(Pattern.compile(".*/response-teams/\\d+#rotation-form$"));
            assertThat(page.locator("#error-memberIds")).isVisible();
            assertThat(page.locator("#days")).hasValue("2");
            assertThat(page.locator("#startsOn"))
                    .hasValue(today.minusDays(1).format(DateTimeFormatter.ofPattern("dd/MM/yyyy")));
            assertThat(posts).hasSize(3);
            page.reload();
            assertThat(page.locator("#error-memberIds")).hasCount(0);
            assertThat(posts).hasSize(3);

            // The rotation from yesterday 08:00, two days each: the responder is on call now.
            page.locator("#rotation-form").getByLabel(me).check();
            page.locator("#rotation-form")
                    .getByLabel("Chuyên gia điều tra số thử")
                    .check();
            page.fill("#startsOn", today.minusDays(1).toString());
            page.fill("#days", "2");
            page.click("#rotation-submit");
            assertThat(page.locator("#team-message")).hasText("Đã lưu.");
            assertThat(page.locator("#on-call-now")).containsText("Đang trực: " + me + " 0912 345 678");
            assertThat(page.locator("#rotation")).containsText("Chuyên gia điều tra số thử");

            // The incident shared with the unit shows who is on call.
            page.navigate("/incidents/" + incidentId);
            assertThat(page.locator("#incident-on-call")).containsText(teamName);
            assertThat(page.locator("#incident-on-call")).containsText(me);

            // Statistics of the province, from the incident list.
            page.navigate("/incidents");
            page.click("#incident-statistics");
            page.waitForURL(Pattern.compile(".*/incidents/statistics$"));
            // The responder sees their unit's subtree and the incidents shared with it: "everything I may see".
            page.selectOption("#organizationId", "");
            page.fill("#from", "2026-06-01");
            page.fill("#to", "2026-06-30");
            page.click("#stats-submit");
            page.waitForURL(Pattern.compile(".*/incidents/statistics\\?.*"));
            assertThat(page.locator("#stats-total")).hasText("Tổng số: 1 sự cố phát hiện từ 01/06/2026 đến 30/06/2026");
            assertThat(page.locator("#cat-MALWARE")).containsText("1");
            assertThat(page.locator("#cat-DEFACE")).containsText("0");
            assertThat(page.locator("#month-2026-06")).containsText("06/2026");
        }
        assertThat(data.jdbc()
                        .sql("SELECT COUNT(*) FROM audit_event WHERE action IN ('team.create', 'team.member.add',"
                                + " 'team.rotation') AND organization_id = :o")
                        .param("o", province.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(4);
    }

    /** The outsourced expert with two certificates, typed into the add-member form (without their firm). */
    private static void typeExpert(Page page, LocalDate today) {
        page.fill("#fullName", "Chuyên gia điều tra số thử");
        page.selectOption("#role", "EXPERT");
        page.fill("#phone", "0988 765 432");
        page.check("#sk-FORENSICS");
        page.fill("#certificate_FORENSICS", "GIAC GCFA");
        page.fill("#certificateNumber_FORENSICS", "GCFA-12345");
        page.check("#sk-MALWARE_ANALYSIS");
        page.fill("#certificate_MALWARE_ANALYSIS", "GIAC GREM");
        page.fill("#validUntil_MALWARE_ANALYSIS", today.plusYears(2).toString());
    }
}
