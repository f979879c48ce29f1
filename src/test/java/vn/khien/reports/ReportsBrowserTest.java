package vn.khien.reports;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import vn.khien.access.Role;
import vn.khien.support.Browser;
import vn.khien.support.Http;
import vn.khien.support.IntegrationTest;
import vn.khien.support.TestData;

/**
 * In a real browser: two hospitals under a province submit through the API, the province's department does not (late,
 * live figures); the province's officer compiles and sees which rows are frozen and which live, returns one hospital's
 * report, checks; the leader signs and submits upward; the national body accepts; the documents download and open
 * and the PDF's text carries the Vietnamese title with its diacritics; the dashboard ranks the children and links to
 * a child's own dashboard.
 */
class ReportsBrowserTest extends IntegrationTest {
    static final String PERIOD = "2026-Q3";

    @Test
    void provinceCompilesReturnsSignsSubmitsAndTheNationalBodyAccepts() throws Exception {
        TestData.Org national = data.org(data.root(), "Trung tâm quốc gia thử trình duyệt");
        TestData.Org province = data.org(national, "Tỉnh thử trình duyệt");
        TestData.Org hospitalA = data.org(province, "Bệnh viện Đa khoa thử");
        TestData.Org hospitalB = data.org(province, "Bệnh viện Nhi thử");
        TestData.Org department = data.org(province, "Sở Y tế thử trình duyệt");
        TestData.Person officer = data.person(province, Role.SECURITY_OFFICER);
        TestData.Person leader = data.person(province, Role.LEADER);
        TestData.Person nationalOfficer = data.person(national, Role.SECURITY_OFFICER);
        long reportA = submittedByApi(hospitalA);
        long reportB = submittedByApi(hospitalB);
        // The department does not submit: it is late and contributes live figures.

        try (Browser b = Browser.open("http://127.0.0.1:" + port)) {
            Page page = b.newPage();
            Browser.signIn(page, officer.username(), TestData.PASSWORD);
            page.navigate("/reports?organizationId=" + province.id());
            page.selectOption("#kind", "QUARTERLY_STATUS");
            page.fill("#period", PERIOD);
            page.click("#create-report");
            assertThat(page.locator("#report-status")).hasText("Dự thảo");
            assertThat(page.locator("#report-mode")).hasText("Số liệu trực tiếp tại thời điểm xem");
            assertThat(page.locator("tr[data-org='" + hospitalA.id() + "'] .child-state"))
                    .hasText("Đã nộp (số liệu chốt)");
            assertThat(page.locator("tr[data-org='" + department.id() + "'] .child-state"))
                    .hasText("Chưa nộp, quá hạn (số liệu trực tiếp)");
            String provinceReportUrl = page.url();

            // Return hospital B's report with a comment.
            page.click("tr[data-org='" + hospitalB.id() + "'] a");
            page.fill("#comment", "Bổ sung số liệu rà quét lỗ hổng");
            page.click("#action-RETURN");
            assertThat(page.locator("#report-status")).hasText("Bị trả lại");
            page.navigate(provinceReportUrl);
            assertThat(page.locator("tr[data-org='" + hospitalB.id() + "'] .child-state"))
                    .hasText("Chưa nộp, bị trả lại (số liệu trực tiếp)");
            page.click("#action-CHECK");
            assertThat(page.locator("#report-status")).hasText("Đã kiểm tra");

            Page leaderPage = b.newPage();
            Browser.signIn(leaderPage, leader.username(), TestData.PASSWORD);
            leaderPage.navigate(provinceReportUrl);
            // Refused for want of a document number: what was typed stays, the error sits under its field.
            leaderPage.fill("#documentDate", "2026-09-17");
            leaderPage.fill("#signerName", "Trần Văn Lãnh");
            leaderPage.click("#action-SIGN");
            assertThat(leaderPage.locator("#documentNumber-error")).hasText("Nhập số, ký hiệu văn bản.");
            assertThat(leaderPage.locator("#signerName")).hasValue("Trần Văn Lãnh");
            assertThat(leaderPage.locator("#documentDate")).hasValue("17/09/2026");
            assertThat(leaderPage.locator("#report-status")).hasText("Đã kiểm tra");
            leaderPage.fill("#documentNumber", "45/BC-UBND");
            leaderPage.click("#action-SIGN");
            assertThat(leaderPage.locator("#report-status")).hasText("Đã ký");
            leaderPage.click("#action-SUBMIT");
            assertThat(leaderPage.locator("#report-status")).hasText("Đã gửi");
            assertThat(leaderPage.locator("#report-mode")).hasText("Số liệu đã chốt khi gửi");

            Page nationalPage = b.newPage();
            Browser.signIn(nationalPage, nationalOfficer.username(), TestData.PASSWORD);
            nationalPage.navigate(provinceReportUrl);
            nationalPage.click("#action-ACCEPT");
            assertThat(nationalPage.locator("#report-status")).hasText("Đã tiếp nhận");

            Download pdf = nationalPage.waitForDownload(() -> nationalPage.click("#doc-pdf"));
            try (PDDocument d = Loader.loadPDF(Files.readAllBytes(pdf.path()))) {
                assertThat(new PDFTextStripper().getText(d).replaceAll("\\s+", " "))
                        .contains("BÁO CÁO TÌNH HÌNH BẢO ĐẢM AN TOÀN THÔNG TIN MẠNG HẰNG QUÝ", "Trần Văn Lãnh");
            }
            Download docx = nationalPage.waitForDownload(() -> nationalPage.click("#doc-docx"));
            try (XWPFDocument d = new XWPFDocument(Files.newInputStream(docx.path()))) {
                assertThat(d.getParagraphs()).isNotEmpty();
            }
            Download xlsx = nationalPage.waitForDownload(() -> nationalPage.click("#doc-xlsx"));
            try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(xlsx.path()))) {
                assertThat(wb.getNumberOfSheets()).isGreaterThan(1);
            }

            nationalPage.navigate("/organizations/" + province.id() + "/dashboard");
            assertThat(nationalPage.locator("#dashboard-org")).hasText("Tỉnh thử trình duyệt");
            assertThat(nationalPage.locator("#dashboard-ranking tbody tr")).hasCount(3);
            // The warnings module provides this figure: the province received none.
            assertThat(nationalPage
                            .locator("#dashboard-figures tr[data-figure='warningsReceived'] td")
                            .nth(1))
                    .hasText("0");
            nationalPage.click("#dashboard-ranking tbody tr:first-child a");
            assertThat(nationalPage.locator("#dashboard-org")).not().hasText("Tỉnh thử trình duyệt");
        }
        assertThat(reportA).isNotEqualTo(reportB);
    }

    private long submittedByApi(TestData.Org org) {
        Http.Api officer = http.api(data.person(org, Role.SECURITY_OFFICER).token());
        Http.Api leader = http.api(data.person(org, Role.LEADER).token());
        Http.Response s = admin().post(
                        "/api/v1/systems",
                        Map.of(
                                "code",
                                data.unique("HT"),
                                "name",
                                "Hệ thống bệnh viện",
                                "ownerOrganizationId",
                                org.id(),
                                "operatorOrganizationId",
                                org.id(),
                                "systemType",
                                "INTERNAL",
                                "informationKinds",
                                List.of("PRIVATE"),
                                "userCount",
                                50));
        assertThat(s.status()).as(s.body()).isEqualTo(201);
        Http.Response r = officer.post(
                "/api/v1/reports", Map.of("organizationId", org.id(), "kind", "QUARTERLY_STATUS", "period", PERIOD));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        long id = r.json().get("id").asLong();
        assertThat(officer.post("/api/v1/reports/" + id + "/actions/CHECK", Map.of())
                        .status())
                .isEqualTo(200);
        assertThat(leader.post(
                                "/api/v1/reports/" + id + "/actions/SIGN",
                                Map.of("documentNumber", "7/BC", "documentDate", "2026-09-16"))
                        .status())
                .isEqualTo(200);
        assertThat(officer.post("/api/v1/reports/" + id + "/actions/SUBMIT", Map.of())
                        .status())
                .isEqualTo(200);
        return id;
    }
}
