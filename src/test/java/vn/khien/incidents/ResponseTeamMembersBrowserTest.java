package vn.khien.incidents;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
 * In a real browser, the province's responder edits a member of the response team (a wrong phone comes back with the
 * Vietnamese error next to the field and what was typed kept), uploads the member's certificate file and downloads it
 * again, and records that another member left: gone from the roster, listed among former members.
 */
class ResponseTeamMembersBrowserTest extends IntegrationTest {

    static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");

    @Test
    void theResponderEditsAMemberUploadsACertificateAndRecordsADeparture() throws Exception {
        TestData.Org province = data.org(data.root(), data.unique("Tỉnh trình duyệt thành viên"));
        data.jdbc()
                .sql("UPDATE organization SET kind = 'PROVINCE' WHERE id = :id")
                .param("id", province.id())
                .update();
        TestData.Org unit = data.org(province, "Sở trình duyệt thành viên");
        IncidentReports.designateResponseUnit(data, province, unit);
        TestData.Person responder = data.person(unit, Role.INCIDENT_RESPONDER);
        Http.Api api = http.api(responder.token());
        long team = created(api.post(
                "/api/v1/response-teams",
                Map.of(
                        "organizationId",
                        province.id(),
                        "name",
                        data.unique("Đội trình duyệt thành viên"),
                        "decisionNumber",
                        "3/QĐ-UBND",
                        "decisionDate",
                        LocalDate.now(VN).minusMonths(2).toString())));
        String expertName = data.unique("Chuyên gia sửa");
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("fullName", expertName);
        e.put("organisationName", "Công ty An ninh trình duyệt");
        e.put("phone", "0988 100 200");
        e.put("role", "EXPERT");
        e.put("skills", List.of(Map.of("skill", "FORENSICS", "certificate", "GIAC GCFA")));
        long expert = created(api.post("/api/v1/response-teams/" + team + "/members", e));
        String leaverName = data.unique("Thành viên rời đội");
        long leaver = created(api.post(
                "/api/v1/response-teams/" + team + "/members",
                Map.of(
                        "fullName",
                        leaverName,
                        "organisationName",
                        "Công ty khác",
                        "phone",
                        "0988 300 400",
                        "role",
                        "EXPERT")));
        byte[] pdf = ("%PDF-1.4\n" + data.unique("chứng chỉ")).getBytes(StandardCharsets.UTF_8);

        try (Browser browser = Browser.open(http.base())) {
            Page page = browser.newPage();
            Browser.signIn(page, responder.username(), TestData.PASSWORD);
            page.navigate("/response-teams/" + team);
            page.click("#edit-" + expert);
            page.waitForURL(Pattern.compile(".*/response-teams/" + team + "/members/" + expert + "$"));

            // A wrong phone: the form comes back with the error next to the field and what was typed.
            page.fill("#fullName", expertName + " (đã sửa)");
            page.fill("#phone", "gọi tôi");
            page.selectOption("#role", "MEMBER");
            page.check("#sk-MALWARE_ANALYSIS");
            page.fill("#certificate_MALWARE_ANALYSIS", "GIAC GREM");
            List<String> posts = new ArrayList<>();
            page.onRequest(r -> {
                if (r.method().equals("POST")) {
                    posts.add(r.url());
                }
            });
            page.click("#member-save");
            // Refused (Post/Redirect/Get): the member's page again by GET, the error next to the field, what was typed.
            assertThat(page.locator("#phone + .invalid-feedback")).hasText("Số điện thoại không hợp lệ.");
            assertThat(page.locator("#error-phone")).hasText("Số điện thoại không hợp lệ.");
            assertThat(page.locator("#fullName")).hasValue(expertName + " (đã sửa)");
            assertThat(page.locator("#phone")).hasValue("gọi tôi");
            assertThat(page.locator("#role")).hasValue("MEMBER");
            assertThat(page.locator("#sk-MALWARE_ANALYSIS")).isChecked();
            assertThat(page.locator("#certificate_MALWARE_ANALYSIS")).hasValue("GIAC GREM");
            assertThat(page).hasURL(Pattern.compile(".*/response-teams/" + team + "/members/" + expert + "$"));
            assertThat(posts).hasSize(1);
            // A reload posts nothing: the member as stored, without the refusal.
            page.reload();
            assertThat(page.locator("#error-phone")).hasCount(0);
            assertThat(page.locator("#phone")).hasValue("0988 100 200");
            assertThat(posts).hasSize(1);
            page.fill("#fullName", expertName + " (đã sửa)");
            page.selectOption("#role", "MEMBER");
            page.check("#sk-MALWARE_ANALYSIS");
            page.fill("#certificate_MALWARE_ANALYSIS", "GIAC GREM");

            page.fill("#phone", "0988 555 666");
            page.click("#member-save");
            page.waitForURL(Pattern.compile(".*/response-teams/" + team + "$"));
            assertThat(page.locator("#team-message")).hasText("Đã lưu thông tin thành viên.");
            assertThat(page.locator("#member-" + expert)).containsText(expertName + " (đã sửa)");
            assertThat(page.locator("#member-" + expert)).containsText("Thành viên");
            assertThat(page.locator("#member-" + expert)).containsText("0988 555 666");
            assertThat(page.locator("#member-" + expert)).containsText("GIAC GREM");

            // The certificate file: a text file named .pdf is refused by its content, a PDF is kept and downloadable.
            page.click("#edit-" + expert);
            page.waitForURL(Pattern.compile(".*/members/" + expert + "$"));
            page.setInputFiles(
                    "#file-FORENSICS",
                    new FilePayload("gia.pdf", "application/pdf", "không phải PDF".getBytes(StandardCharsets.UTF_8)));
            page.click("#upload-submit-FORENSICS");
            assertThat(page.locator("#error-certificate-FORENSICS"))
                    .hasText("Chỉ nhận tệp PDF, PNG hoặc JPEG (kiểm tra theo nội dung tệp).");
            assertThat(page).hasURL(Pattern.compile(".*/members/" + expert + "$"));
            page.setInputFiles("#file-FORENSICS", new FilePayload("gcfa.pdf", "application/pdf", pdf));
            page.click("#upload-submit-FORENSICS");
            assertThat(page.locator("#cert-file-FORENSICS")).hasText("gcfa.pdf");
            Download download = page.waitForDownload(() -> page.click("#cert-file-FORENSICS"));
            assertThat(Files.readAllBytes(download.path())).isEqualTo(pdf);

            // The other member leaves: gone from the roster, kept among former members with the reason.
            page.navigate("/response-teams/" + team + "/members/" + leaver);
            page.fill("#reason", "Hết hợp đồng");
            page.click("#member-remove");
            page.waitForURL(Pattern.compile(".*/response-teams/" + team + "$"));
            assertThat(page.locator("#team-message"))
                    .hasText("Đã ghi nhận thành viên rời đội; lịch trực từ nay của người này đã được gỡ.");
            assertThat(page.locator("#member-" + leaver)).hasCount(0);
            assertThat(page.locator("#former-" + leaver)).containsText(leaverName);
            assertThat(page.locator("#former-" + leaver)).containsText("Hết hợp đồng");
            assertThat(page.locator("#cert-" + expert + "-FORENSICS")).hasText("gcfa.pdf");
            // The former member's page shows them as having left, without the forms.
            page.click("#former-" + leaver + " a");
            page.waitForURL(Pattern.compile(".*/members/" + leaver + "$"));
            assertThat(page.locator("#member-left")).isVisible();
            assertThat(page.locator("#member-edit-form")).hasCount(0);
        }
    }

    private static long created(Http.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }
}
