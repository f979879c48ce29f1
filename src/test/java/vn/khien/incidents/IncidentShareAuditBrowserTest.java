package vn.khien.incidents;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.khien.access.Role;
import vn.khien.support.Browser;
import vn.khien.support.Http;
import vn.khien.support.IncidentReports;
import vn.khien.support.IntegrationTest;
import vn.khien.support.TestData;

/**
 * Every share of an incident is audited in its own right (issue 12 review), in the same transaction as the share:
 * those made by a report submission (the report reaches the response unit, which then sees the case) and by a
 * coordination order (the order's target then sees it), each saying who, what, to whom and why, and the audit page
 * reads them in words.
 */
class IncidentShareAuditBrowserTest extends IntegrationTest {

    @Test
    void sharesByAReportAndByAnOrderAreAuditedAndReadInWords() {
        TestData.Org province = data.org(data.root(), data.unique("Tỉnh chia sẻ nhật ký"));
        TestData.Org responseUnit = data.org(province, "Đội ứng cứu chia sẻ nhật ký");
        TestData.Org health = data.org(province, "Sở Y tế chia sẻ nhật ký");
        TestData.Org hospital = data.org(health, "Bệnh viện chia sẻ nhật ký");
        data.designateResponseUnit(province, responseUnit);
        TestData.Person officer = data.person(hospital, Role.SECURITY_OFFICER);
        TestData.Person responder = data.person(responseUnit, Role.INCIDENT_RESPONDER);
        TestData.Person auditor = data.person(province, Role.AUDITOR);

        long id =
                IncidentReports.of(hospital, "Mã độc trên máy chủ HIS chia sẻ").report(http.api(officer.token()));
        assertThat(shareAudits(id)).isEmpty();

        // The 24 h notice reaches the response unit: the case is shared with it by the submission, audited.
        Http.Response sent =
                http.api(officer.token()).post("/api/v1/incidents/" + id + "/reports", Map.of("kind", "INITIAL_24H"));
        assertThat(sent.status()).as(sent.body()).isEqualTo(201);
        assertThat(http.api(responder.token()).get("/api/v1/incidents/" + id).status())
                .isEqualTo(200);
        List<String> afterReport = shareAudits(id);
        assertThat(afterReport).hasSize(1);
        assertThat(afterReport.get(0))
                .contains("\"reason\":\"REPORT_SUBMITTED\"")
                .contains("\"organizationId\":" + responseUnit.id())
                .contains("Đội ứng cứu chia sẻ nhật ký")
                .contains("\"reportId\":" + sent.json().get("id").asLong());

        // The response unit orders the health department: the order shares the case with it, audited.
        Http.Response order = http.api(responder.token())
                .post(
                        "/api/v1/incidents/" + id + "/orders",
                        Map.of(
                                "targetOrganizationId",
                                health.id(),
                                "instruction",
                                "Rà soát các bệnh viện trực thuộc",
                                "dueAt",
                                OffsetDateTime.now(ZoneOffset.ofHours(7))
                                        .plusHours(4)
                                        .toString()));
        assertThat(order.status()).as(order.body()).isEqualTo(201);
        List<String> afterOrder = shareAudits(id);
        assertThat(afterOrder).hasSize(2);
        assertThat(afterOrder.get(1))
                .contains("\"reason\":\"ORDER_ISSUED\"")
                .contains("\"organizationId\":" + health.id())
                .contains("\"orderId\":" + order.json().get("id").asLong());
        // who: the person who caused each share
        assertThat(data.jdbc()
                        .sql(
                                "SELECT actor_username FROM audit_event WHERE action = 'incident.share' AND target_id = :id"
                                        + " ORDER BY id")
                        .param("id", String.valueOf(id))
                        .query(String.class)
                        .list())
                .containsExactly(officer.username(), responder.username());

        try (Browser browser = Browser.open(http.base())) {
            Page page = browser.newPage();
            Browser.signIn(page, auditor.username(), TestData.PASSWORD);
            page.navigate("/audit?action=incident.share&organizationId=" + hospital.id());
            Locator rows = page.locator("#audit-records");
            assertThat(rows).containsText("Chia sẻ sự cố");
            assertThat(rows).containsText("Chia sẻ với");
            assertThat(rows).containsText("Đội ứng cứu chia sẻ nhật ký");
            assertThat(rows).containsText("Sở Y tế chia sẻ nhật ký");
            assertThat(rows).containsText("Gửi báo cáo sự cố tới cơ quan nhận");
            assertThat(rows).containsText("Ban hành lệnh điều phối");
            assertThat(rows).containsText("Mã độc trên máy chủ HIS chia sẻ");
            assertThat(rows).not().containsText("REPORT_SUBMITTED");
            assertThat(rows).not().containsText("ORDER_ISSUED");
        }
    }

    private List<String> shareAudits(long id) {
        return data.jdbc()
                .sql("SELECT details FROM audit_event WHERE action = 'incident.share' AND target_id = :id ORDER BY id")
                .param("id", String.valueOf(id))
                .query(String.class)
                .list();
    }
}
