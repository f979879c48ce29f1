package vn.khien.reports;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import vn.khien.access.Role;
import vn.khien.reports.dashboard.DashboardService;
import vn.khien.reports.dashboard.FigureSnapshots;
import vn.khien.support.Browser;
import vn.khien.support.Http;
import vn.khien.support.IntegrationTest;
import vn.khien.support.TestData;

/**
 * Issue 14 in a real browser: each target has its own ranking of the children, worst first — computed in SQL from the
 * snapshot and equal to the live one — each child leading to its own dashboard; the trend chart draws every target
 * (counts on their own axis) with the same figures in the trend table; and a report's page, its documents and the
 * downloaded file's name say the period in the same words.
 */
class DashboardTargetRankingBrowserTest extends IntegrationTest {

    @Autowired
    FigureSnapshots snapshots;

    @Test
    void eachTargetRanksTheChildrenWorstFirstAndLeadsToTheirDashboards() {
        TestData.Org province = data.org(data.root(), "Tỉnh thử xếp hạng theo chỉ tiêu");
        TestData.Org scanned = data.org(province, "Sở đã rà quét");
        TestData.Org unscanned = data.org(province, "Sở chưa rà quét");
        TestData.Org empty = data.org(province, "Sở chưa có hệ thống");
        Http.Api officer = http.api(data.person(province, Role.SECURITY_OFFICER).token());
        TestData.Person leader = data.person(province, Role.LEADER);
        ReportsRollupTest.system(admin(), data, unscanned, unscanned);
        ReportsRollupTest.system(admin(), data, unscanned, unscanned);
        ReportsRollupTest.system(admin(), data, scanned, scanned);
        long system = data.jdbc()
                .sql("SELECT id FROM information_system WHERE owner_organization_id = :o")
                .param("o", scanned.id())
                .query(Long.class)
                .single();
        DashboardSnapshotTest.upload(officer, system);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> Assertions.assertThat(
                                officer.get("/api/v1/organizations/" + scanned.id() + "/dashboard?live=true")
                                        .json()
                                        .get("standing")
                                        .get("figures")
                                        .get("systemsScannedSixMonths")
                                        .asLong())
                        .isEqualTo(1));
        snapshots.refreshAll(DashboardService.TREND_QUARTERS);

        JsonNode d = officer.get("/api/v1/organizations/" + province.id() + "/dashboard")
                .json();
        JsonNode live = officer.get("/api/v1/organizations/" + province.id() + "/dashboard?live=true")
                .json();
        Assertions.assertThat(d.get("computedAt").isNull())
                .as("from the snapshot")
                .isFalse();
        Assertions.assertThat(d.get("rankings")).isEqualTo(live.get("rankings"));
        Assertions.assertThat(d.get("rankings"))
                .hasSize(d.get("standing").get("targets").size());
        // Scanned in six months: 0 of 2 first, 1 of 1 next, the unit without a system (no data) last.
        JsonNode scan = ranking(d, "scanned");
        Assertions.assertThat(ids(scan)).containsExactly(unscanned.id(), scanned.id(), empty.id());
        Assertions.assertThat(scan.get(0).get("percent").asInt()).isZero();
        Assertions.assertThat(scan.get(0).get("denominator").asLong()).isEqualTo(2);
        Assertions.assertThat(scan.get(1).get("percent").asInt()).isEqualTo(100);
        Assertions.assertThat(scan.get(2).get("met").isNull()).isTrue();
        // Approved level: both at 0% (ties by id: the one created first), the empty unit last — another order.
        Assertions.assertThat(ids(ranking(d, "approved"))).containsExactly(scanned.id(), unscanned.id(), empty.id());
        // Open critical findings past SLA is a count: the scan's finding is not yet overdue, 0 each, no data last.
        Assertions.assertThat(ids(ranking(d, "findingsOverdue")).get(2)).isEqualTo(empty.id());

        try (Browser b = Browser.open("http://127.0.0.1:" + port)) {
            Page page = b.newPage();
            Browser.signIn(page, leader.username(), TestData.PASSWORD);
            page.navigate("/organizations/" + province.id() + "/dashboard");
            assertThat(page.locator("#dashboard-org")).hasText("Tỉnh thử xếp hạng theo chỉ tiêu");
            assertThat(page.locator("#ranking-target option"))
                    .hasCount(d.get("rankings").size());
            assertThat(page.locator("#ranking-approved")).isVisible();
            assertThat(page.locator("#ranking-scanned")).isHidden();
            page.selectOption("#ranking-target", "scanned");
            assertThat(page.locator("#ranking-scanned")).isVisible();
            assertThat(page.locator("#ranking-approved")).isHidden();
            Locator rows = page.locator("#ranking-scanned tbody tr");
            assertThat(rows).hasCount(3);
            assertThat(rows.nth(0)).hasAttribute("data-org", "" + unscanned.id());
            assertThat(rows.nth(0)).hasClass(java.util.regex.Pattern.compile("table-danger"));
            assertThat(rows.nth(0).locator("td.ranking-value")).hasText("0% (0/2)");
            assertThat(rows.nth(1).locator("td.ranking-value")).hasText("100% (1/1)");
            assertThat(rows.nth(2).locator("td.ranking-value")).hasText("không có dữ liệu");
            assertThat(page.locator("#ranking-incidents caption")).containsText("Sự cố đang xử lý");

            // Every target charted: shares on the left axis, counts on their own; the table reads the same figures.
            int targets = d.get("standing").get("targets").size();
            Object drawn = page.waitForFunction(
                            "() => { const c = Chart.getChart(document.getElementById('trend-chart'));"
                                    + " return c && c.data.datasets.length; }")
                    .jsonValue();
            Assertions.assertThat(((Number) drawn).intValue()).isEqualTo(targets);
            Object countAxis =
                    page.evaluate("() => Chart.getChart(document.getElementById('trend-chart')).data.datasets"
                            + ".filter(s => s.yAxisID === 'y1').map(s => s.label)");
            Assertions.assertThat(
                            ((List<?>) countAxis).stream().map(String::valueOf).toList())
                    .contains("Sự cố đang xử lý", "Báo cáo định kỳ quá hạn")
                    .doesNotContain("Hệ thống được rà quét lỗ hổng trong 6 tháng");
            Object incidents =
                    page.evaluate("() => Chart.getChart(document.getElementById('trend-chart')).data.datasets"
                            + ".find(s => s.label === 'Sự cố đang xử lý').data.map(v => v === null ? '' : String(v))");
            List<String> table =
                    page.locator("#dashboard-trend-table tr[data-target='incidents'] td").allInnerTexts().stream()
                            .map(String::trim)
                            .toList();
            Assertions.assertThat(
                            ((List<?>) incidents).stream().map(String::valueOf).toList())
                    .isEqualTo(table);
            assertThat(page.locator("#dashboard-trend-table tbody tr")).hasCount(targets);

            // Each child leads to its own dashboard.
            rows.nth(1).locator("a").click();
            assertThat(page.locator("#dashboard-org")).hasText("Sở đã rà quét");
        }
    }

    @Test
    void theReportPageItsDocumentsAndTheirFileNamesSayThePeriodInTheSameWords() throws Exception {
        TestData.Org department = data.org(data.root(), "Sở Y tế thử tên tệp");
        Http.Api officer =
                http.api(data.person(department, Role.SECURITY_OFFICER).token());
        TestData.Person person = data.person(department, Role.SECURITY_OFFICER);
        Http.Response created = officer.post(
                "/api/v1/reports",
                Map.of("organizationId", department.id(), "kind", "QUARTERLY_STATUS", "period", "2026-Q3"));
        Assertions.assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        Http.Response api = officer.get("/api/v1/reports/" + id + ".docx");
        Assertions.assertThat(api.header("Content-Disposition"))
                .isEqualTo("attachment; filename=\"Bao-cao-tinh-hinh-Quy-III-nam-2026-So-Y-te-thu-ten-tep.docx\"; "
                        + "filename*=UTF-8''B%C3%A1o%20c%C3%A1o%20t%C3%ACnh%20h%C3%ACnh%20Qu%C3%BD%20III%20n%C4%83m"
                        + "%202026%20-%20S%E1%BB%9F%20Y%20t%E1%BA%BF%20th%E1%BB%AD%20t%C3%AAn%20t%E1%BB%87p.docx");

        try (Browser b = Browser.open("http://127.0.0.1:" + port)) {
            Page page = b.newPage();
            Browser.signIn(page, person.username(), TestData.PASSWORD);
            page.navigate("/reports/" + id);
            String label = page.locator("#report-period-label").innerText().trim();
            Assertions.assertThat(label).isEqualTo("Quý III năm 2026 (từ 01/07/2026 đến 30/09/2026)");

            Download docx = page.waitForDownload(() -> page.click("#doc-docx"));
            Assertions.assertThat(docx.suggestedFilename())
                    .isEqualTo("Báo cáo tình hình Quý III năm 2026 - Sở Y tế thử tên tệp.docx");
            try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(Files.readAllBytes(docx.path())));
                    XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
                Assertions.assertThat(text.getText()).contains("Kỳ báo cáo: " + label);
            }
            Download xlsx = page.waitForDownload(() -> page.click("#doc-xlsx"));
            Assertions.assertThat(xlsx.suggestedFilename())
                    .isEqualTo("Báo cáo tình hình Quý III năm 2026 - Sở Y tế thử tên tệp.xlsx");
            try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(Files.readAllBytes(xlsx.path())))) {
                Assertions.assertThat(wb.getSheetAt(0).getRow(1).getCell(0).getStringCellValue())
                        .isEqualTo("Kỳ báo cáo: " + label);
            }
            Download pdf = page.waitForDownload(() -> page.click("#doc-pdf"));
            Assertions.assertThat(pdf.suggestedFilename())
                    .isEqualTo("Báo cáo tình hình Quý III năm 2026 - Sở Y tế thử tên tệp.pdf");
            try (PDDocument d = Loader.loadPDF(Files.readAllBytes(pdf.path()))) {
                Assertions.assertThat(new PDFTextStripper().getText(d).replaceAll("\\s+", " "))
                        .contains("Kỳ báo cáo: " + label);
            }
            // English pages use the same source: "Q3 2026".
            page.navigate("/reports/" + id + "?lang=en");
            assertThat(page.locator("#report-period-label")).hasText("Q3 2026 (from 01/07/2026 to 30/09/2026)");
        }
    }

    private static JsonNode ranking(JsonNode d, String target) {
        for (JsonNode r : d.get("rankings")) {
            if (r.get("target").asText().equals(target)) {
                return r.get("children");
            }
        }
        throw new AssertionError("no ranking for " + target);
    }

    private static List<Long> ids(JsonNode children) {
        List<Long> out = new ArrayList<>();
        children.forEach(c -> out.add(c.get("organizationId").asLong()));
        return out;
    }
}
