package vn.khien.incidents;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
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
 * In a real browser (issue 12): the new-incident form offers the systems of the organisation chosen — owned or operated
 * by it or a unit under it — and follows a change of organisation; a system slipped into the form from elsewhere is
 * refused with the Vietnamese reason next to the field. And the national coordinator, by designation, sees an incident
 * beyond a hospital's capacity waiting for its order on the home page, issues a coordination order to the hospital,
 * follows it up, and the hospital sees it and answers.
 */
class IncidentPickersBrowserTest extends IntegrationTest {

    @Test
    void theSystemChoiceFollowsTheOrganisationAndAForeignSystemIsRefusedByTheField() {
        TestData.Org province = data.org(data.root(), data.unique("Tỉnh biểu mẫu sự cố"));
        TestData.Org unitA = data.org(province, "Đơn vị A biểu mẫu");
        TestData.Org unitB = data.org(province, "Đơn vị B biểu mẫu");
        TestData.Org elsewhere = data.org(data.root(), data.unique("Tỉnh khác biểu mẫu"));
        TestData.Person officer = data.person(province, Role.SECURITY_OFFICER);
        Http.Api api = http.api(officer.token());
        long systemA = data.system(api, unitA, unitA, "Cổng A biểu mẫu");
        long systemB = data.system(api, unitB, unitB, "Cổng B biểu mẫu");
        long operated = data.system(api, unitB, unitA, "Kho B do A vận hành");
        long foreign = data.system(
                http.api(data.person(elsewhere, Role.SECURITY_OFFICER).token()),
                elsewhere,
                elsewhere,
                "Hệ thống tỉnh khác biểu mẫu");
        long before = incidents();

        try (Browser browser = Browser.open(http.base())) {
            Page page = browser.newPage();
            Browser.signIn(page, officer.username(), TestData.PASSWORD);
            page.navigate("/incidents/new?organizationId=" + unitA.id());
            assertThat(options(page)).containsExactlyInAnyOrder("", String.valueOf(operated), String.valueOf(systemA));
            assertThat(page.locator("#systemId-help")).containsText("do đơn vị đã chọn hoặc đơn vị trực thuộc");

            // Another organisation: the list follows (htmx), never a system of another subtree.
            page.selectOption("#organizationId", String.valueOf(unitB.id()));
            assertThat(page.locator("#systemId option[value='" + systemB + "']"))
                    .hasCount(1);
            assertThat(options(page)).containsExactlyInAnyOrder("", String.valueOf(systemB), String.valueOf(operated));
            page.selectOption("#organizationId", String.valueOf(unitA.id()));
            assertThat(page.locator("#systemId option[value='" + systemA + "']"))
                    .hasCount(1);
            assertThat(page.locator("#systemId option[value='" + systemB + "']"))
                    .hasCount(0);

            // A system slipped in from elsewhere: refused next to the field, in Vietnamese, what was typed kept.
            page.evaluate(
                    "id => { const o = document.createElement('option'); o.value = id; o.text = 'lạ';"
                            + " document.querySelector('#systemId').append(o); }",
                    String.valueOf(foreign));
            page.selectOption("#systemId", String.valueOf(foreign));
            page.fill("#title", "Cổng A bị thay đổi giao diện");
            page.selectOption("#category", "DEFACE");
            page.click("#incident-submit");
            page.waitForLoadState();
            assertThat(page.locator("#systemId")).hasClass(Pattern.compile("is-invalid"));
            assertThat(page.locator("#systemId-error")).isVisible();
            assertThat(page.locator("#systemId-error"))
                    .hasText("Hệ thống không do đơn vị này hoặc đơn vị trực thuộc sở hữu hay vận hành, nên không báo"
                            + " cáo sự cố của hệ thống đó dưới tên đơn vị này được.");
            assertThat(page.locator("#title")).hasValue("Cổng A bị thay đổi giao diện");
            assertThat(page.locator("#organizationId")).hasValue(String.valueOf(unitA.id()));
            assertThat(options(page)).containsExactlyInAnyOrder("", String.valueOf(operated), String.valueOf(systemA));
            assertThat(incidents()).isEqualTo(before);

            // The system A operates (owned by B) is accepted under A.
            page.selectOption("#systemId", String.valueOf(operated));
            page.click("#incident-submit");
            page.waitForURL(Pattern.compile(".*/incidents/\\d+$"));
            assertThat(page.locator("#incident-status")).hasText("Mới - chưa xác minh");
            assertThat(incidents()).isEqualTo(before + 1);
        }
    }

    @Test
    void theNationalCoordinatorOrdersByDesignationAndTheHospitalAnswers() {
        TestData.Org province = data.org(data.root(), data.unique("Tỉnh điều phối quốc gia"));
        TestData.Org hospital = data.org(province, "Bệnh viện điều phối quốc gia");
        TestData.Org national = data.org(data.root(), data.unique("Trung tâm điều phối thử"));
        TestData.Org unrelated = data.org(data.root(), data.unique("Đơn vị không liên quan"));
        data.designate(province, "NATIONAL_INCIDENT_COORDINATOR", national);
        TestData.Person officer = data.person(hospital, Role.SECURITY_OFFICER);
        TestData.Person coordinator = data.person(national, Role.SECURITY_OFFICER);
        Http.Api hospitalApi = http.api(officer.token());
        long his = data.system(hospitalApi, hospital, hospital, "HIS điều phối quốc gia");
        long id = IncidentReports.report(hospitalApi, hospital, his, "Mã độc trên HIS cần điều phối");
        // The initial report reaches the national coordinator, which sees the case from then on.
        Http.Response sent = hospitalApi.post("/api/v1/incidents/" + id + "/reports", Map.of("kind", "INITIAL_24H"));
        assertThat(sent.status()).as(sent.body()).isEqualTo(201);
        String nationalName = name(national);

        try (Browser browser = Browser.open(http.base())) {
            Page page = browser.newPage();
            Browser.signIn(page, coordinator.username(), TestData.PASSWORD);
            page.navigate("/");
            assertThat(page.locator("#attention"))
                    .containsText("Sự cố #" + id + " (Bệnh viện điều phối quốc gia) vượt khả năng xử lý của đơn vị,"
                            + " chưa có lệnh điều phối của " + nationalName);
            page.navigate("/incidents/" + id);
            assertThat(page.locator("#order-as")).containsText(nationalName);
            assertThat(page.locator("#order-as")).containsText("TT 20/2017/TT-BTTTT Đ8");
            assertThat(page.locator("#order-target option[value='" + hospital.id() + "']"))
                    .hasCount(1);
            assertThat(page.locator("#order-target option[value='" + unrelated.id() + "']"))
                    .hasCount(0);
            page.selectOption("#order-target", String.valueOf(hospital.id()));
            page.fill("#order-instruction", "Gửi mẫu mã độc và nhật ký máy chủ HIS cho cơ quan điều phối");
            page.fill(
                    "#order-due",
                    LocalDateTime.now(ZoneId.of("Asia/Ho_Chi_Minh"))
                            .plusHours(6)
                            .format(DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm")));
            page.click("#order-submit");
            page.waitForLoadState();
            assertThat(page.locator("#incident-orders")).containsText(nationalName + " → Bệnh viện điều phối quốc gia");
            assertThat(page.locator("#incident-orders")).containsText("Chờ trả lời");
            page.navigate("/");
            assertThat(page.locator("#attention"))
                    .containsText("Lệnh điều phối của " + nationalName + " gửi Bệnh viện điều phối quốc gia về sự cố #"
                            + id + ": chờ trả lời");
            assertThat(page.locator("#attention")).not().containsText("chưa có lệnh điều phối của " + nationalName);

            // The hospital sees the order on its home page and answers it.
            Page hospitalPage = browser.newPage();
            Browser.signIn(hospitalPage, officer.username(), TestData.PASSWORD);
            hospitalPage.navigate("/");
            assertThat(hospitalPage.locator("#attention")).containsText("Yêu cầu điều phối sự cố #" + id);
            hospitalPage.navigate("/incidents/" + id);
            assertThat(hospitalPage.locator("#order-form")).hasCount(0);
            hospitalPage
                    .locator("#incident-orders input[name=answer]")
                    .fill("Đã gửi mẫu mã độc và nhật ký qua kênh của cơ quan điều phối");
            hospitalPage.locator("#incident-orders button").click();
            hospitalPage.waitForLoadState();
            assertThat(hospitalPage.locator("#incident-orders")).containsText("Đã trả lời");

            page.navigate("/incidents/" + id);
            assertThat(page.locator("#incident-orders")).containsText("Đã gửi mẫu mã độc");
            page.navigate("/");
            assertThat(page.locator("#attention")).not().containsText("Lệnh điều phối của " + nationalName);
        }
    }

    private List<String> options(Page page) {
        return page.locator("#systemId option").all().stream()
                .map(o -> o.getAttribute("value"))
                .toList();
    }

    private String name(TestData.Org org) {
        return data.jdbc()
                .sql("SELECT name_vi FROM organization WHERE id = :id")
                .param("id", org.id())
                .query(String.class)
                .single();
    }

    private long incidents() {
        return data.jdbc()
                .sql("SELECT COUNT(*) FROM incident")
                .query(Long.class)
                .single();
    }
}
