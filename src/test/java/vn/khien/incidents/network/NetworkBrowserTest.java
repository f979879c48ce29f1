package vn.khien.incidents.network;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import java.nio.file.Files;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.khien.access.Role;
import vn.khien.support.Browser;
import vn.khien.support.IncidentReports;
import vn.khien.support.IntegrationTest;
import vn.khien.support.TestData;

/**
 * In a real browser, as the province's incident responder (the response unit designated for the province, like
 * {@code demo.so.ungcuu}): update the 24/7 contact point, see its 24 h clock, report the change, then open the missed
 * six-monthly report (Form 05) in the reports module as its drafter, with the period's incident by severity and by unit
 * on the page and in the DOCX (ADR 0044).
 */
class NetworkBrowserTest extends IntegrationTest {

    @Test
    void responderUpdatesTheContactPointAndDraftsTheSixMonthlyReportInTheReportsModule() throws Exception {
        TestData.Org province = data.org(data.root(), "Tỉnh trình duyệt " + data.unique("b"));
        data.jdbc()
                .sql("UPDATE organization SET kind = 'PROVINCE' WHERE id = :id")
                .param("id", province.id())
                .update();
        TestData.Org unit = data.org(province, "Sở KH&CN trình duyệt");
        IncidentReports.designateResponseUnit(data, province, unit);
        TestData.Person responder = data.person(unit, Role.INCIDENT_RESPONDER);
        // The six-monthly report before the current one: its period is wholly past, whatever today is.
        NetworkRules rules = NetworkRules.loadDefault();
        LocalDate today = LocalDate.now(NetworkRules.VN);
        NetworkRules.ReportPeriod missed = rules.period(
                NetworkRules.ReportKind.SEMIANNUAL,
                rules.current(NetworkRules.ReportKind.SEMIANNUAL, today).year() - 1);
        data.jdbc()
                .sql("""
                        INSERT INTO incident (organization_id, title, category, severity, status, source, detected_at,
                          detected_offset, regime, beyond_capacity, national_security_signs, created_at, updated_at)
                        VALUES (:o, 'Sự cố trình duyệt', 'DEFACE', 'HIGH', 'CLOSED', 'UI', :d, '+07:00', 'tt20-2017',
                          FALSE, FALSE, :now, :now)""")
                .param("o", unit.id())
                .param(
                        "d",
                        Timestamp.from(missed.from()
                                .plusDays(1)
                                .atTime(10, 0)
                                .atZone(NetworkRules.VN)
                                .toInstant()))
                .param("now", Timestamp.from(Instant.now()))
                .update();

        try (Browser browser = Browser.open(http.base())) {
            Page page = browser.newPage();
            Browser.signIn(page, responder.username(), TestData.PASSWORD);
            page.navigate("/incident-network");
            page.click("#member-" + province.id());
            page.waitForURL("**/incident-network/" + province.id());
            assertThat(page.locator("#contact-none")).isVisible();
            assertThat(page.locator("#profile-overdue")).isVisible();

            page.fill("#contactName", "Lê Văn Trực");
            page.fill("#phone", "0912 111 222");
            page.fill("#email", "truc@tinh.example.test");
            page.fill("#receptionAddress", "https://tinh.example.test/tiep-nhan-su-co");
            page.click("#contact-submit");
            assertThat(page.locator("#network-message")).hasText("Đã lưu.");
            assertThat(page.locator("#contact-name")).hasText("Lê Văn Trực");
            assertThat(page.locator("#contact-pending .clock")).containsText("Còn 23 giờ");
            Browser.screenshot(page, "network-contact-pending");

            page.click("#contact-report");
            assertThat(page.locator("#network-message")).hasText("Đã lưu.");
            assertThat(page.locator("#contact-pending")).hasCount(0);
            assertThat(page.locator("#contact-log")).containsText("Đúng hạn");

            // The missed six-monthly report is drafted in the reports module: the responder opens it from here.
            String suffix = "SEMIANNUAL-" + missed.year();
            assertThat(page.locator("#report-due-" + suffix)).containsText("Chưa nộp");
            assertThat(page.locator("#report-draft-" + suffix)).hasCount(0);
            assertThat(page.locator("#report-submit-" + suffix)).hasCount(0);
            page.click("#report-create-" + suffix);
            page.waitForURL("**/reports/*");
            assertThat(page.locator("#report-status")).hasText("Dự thảo");
            assertThat(page.locator("#report-period-label"))
                    .hasText("6 tháng đầu năm " + missed.year() + " (từ 15/12/" + (missed.year() - 1) + " đến 14/06/"
                            + missed.year() + ")");
            assertThat(page.locator("#units-units tr[data-org='" + unit.id() + "'] td")
                            .nth(1))
                    .hasText("1");
            assertThat(page.locator("tr[data-figure='incidentsBySeverity.HIGH'] td")
                            .nth(1))
                    .hasText("1");
            assertThat(page.locator("tr[data-figure='incidentsBySeverity.LOW'] td")
                            .nth(1))
                    .hasText("0");
            // A drafter, not the checker: the responder is offered no sign-off step.
            assertThat(page.locator("#action-CHECK")).hasCount(0);
            Browser.screenshot(page, "network-member-report-draft");
            Download download = page.waitForDownload(() -> page.click("#doc-docx"));
            Map<String, List<String>> rows = NetworkApiTest.rows(Files.readAllBytes(download.path()));
            assertThat(rows.get("Sở KH&CN trình duyệt")).containsExactly("1", "1");
            assertThat(rows.get("Sự cố mức độ cao")).containsExactly("1");

            // Back on the network page, the period links the draft.
            page.navigate("/incident-network/" + province.id());
            assertThat(page.locator("#report-periodic-" + suffix)).containsText("Dự thảo");
            assertThat(page.locator("#reports-module-link")).isVisible();
        }
    }
}
