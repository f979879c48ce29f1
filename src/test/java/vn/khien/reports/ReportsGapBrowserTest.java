package vn.khien.reports;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.khien.access.Role;
import vn.khien.support.Browser;
import vn.khien.support.Http;
import vn.khien.support.IntegrationTest;
import vn.khien.support.TestData;

/**
 * A child's frozen report submitted before a section was part of the kind adds nothing to the parent's totals of that
 * section's figures. The parent sees, per figure, that the total lacks that child's data (which child, which
 * sections): in the API, on the report page, in the DOCX and XLSX; the child's row says so; the reports list and the
 * dashboard do not present the roll-up as complete; and once the parent submits, its own parent sees the same gap.
 */
class ReportsGapBrowserTest extends IntegrationTest {
    static final String PERIOD = "2026-Q3";
    static final List<String> WARNINGS = List.of("warningsReceived", "warningsAcknowledged", "warningsFixed");

    @Test
    void aParentSeesWhichChildrenAndSectionsItsTotalsLack() throws Exception {
        TestData.Org national = data.org(data.root(), data.unique("Cơ quan quốc gia thiếu số liệu"));
        TestData.Org province = data.org(national, data.unique("Tỉnh thiếu số liệu"));
        String nameA = data.unique("Bệnh viện nộp sớm");
        TestData.Org hospitalA = data.org(province, nameA);
        TestData.Org hospitalB = data.org(province, data.unique("Bệnh viện chưa nộp"));
        TestData.Person provinceOfficer = data.person(province, Role.SECURITY_OFFICER);
        Http.Api provinceApi = http.api(provinceOfficer.token());
        Http.Api provinceLeader = http.api(data.person(province, Role.LEADER).token());
        Http.Api nationalApi =
                http.api(data.person(national, Role.SECURITY_OFFICER).token());
        ReportsRollupTest.system(admin(), data, hospitalA, hospitalA);
        ReportsRollupTest.system(admin(), data, hospitalB, hospitalB);

        long reportA = submitted(
                hospitalA,
                http.api(data.person(hospitalA, Role.SECURITY_OFFICER).token()),
                http.api(data.person(hospitalA, Role.LEADER).token()));
        // Hospital A's report was submitted before the warnings section existed: its snapshot holds no row for it.
        int removed = data.jdbc()
                .sql("DELETE FROM periodic_report_figure WHERE report_id = :id AND figure IN (:f)")
                .param("id", reportA)
                .param("f", WARNINGS)
                .update();
        assertThat(removed).isPositive();

        Http.Response created = provinceApi.post(
                "/api/v1/reports",
                Map.of("organizationId", province.id(), "kind", "QUARTERLY_STATUS", "period", PERIOD));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long provinceReport = created.json().get("id").asLong();
        JsonNode live = created.json();
        assertThat(live.get("gaps")).hasSize(1);
        assertThat(live.get("gaps").get(0).get("organizationId").asLong()).isEqualTo(hospitalA.id());
        assertThat(live.get("gaps").get(0).get("reportId").asLong()).isEqualTo(reportA);
        assertThat(live.get("gaps").get(0).get("figures").toString())
                .isEqualTo("[\"warningsReceived\",\"warningsAcknowledged\",\"warningsFixed\"]");

        String lacking =
                "Tổng chưa đầy đủ — thiếu số liệu của: " + nameA + " (mục chưa ghi nhận: Cảnh báo an toàn thông tin)";
        try (Browser browser = Browser.open(http.base())) {
            Page page = browser.newPage();
            Browser.signIn(page, provinceOfficer.username(), TestData.PASSWORD);
            page.navigate("/reports/" + provinceReport);
            assertThat(page.locator("#report-incomplete")).containsText(nameA + " — mục chưa ghi nhận: Cảnh báo");
            assertThat(page.locator("#gap-warningsReceived")).containsText(lacking);
            assertThat(page.locator("#gap-warningsFixed")).containsText(lacking);
            assertThat(page.locator("#gap-systemsTotal")).hasCount(0);
            assertThat(page.locator("tr[data-figure=warningsReceived] td.figure-incomplete"))
                    .containsText("(*)");
            assertThat(page.locator("tr[data-figure=systemsTotal] td.figure-incomplete"))
                    .hasCount(0);
            assertThat(page.locator("#report-children tr[data-org='" + hospitalA.id() + "'] .child-state"))
                    .hasText("Đã nộp (số liệu chốt); thiếu mục: Cảnh báo an toàn thông tin");
            assertThat(page.locator("#report-children tr[data-org='" + hospitalB.id() + "'] .child-state"))
                    .not()
                    .containsText("thiếu mục");

            // The reports list and the dashboard do not present the roll-up as complete.
            page.navigate("/reports?organizationId=" + province.id());
            assertThat(page.locator("#reports .report-incomplete")).hasText("Tổng hợp thiếu số liệu");
            page.navigate("/organizations/" + province.id() + "/dashboard");
            assertThat(page.locator("#dashboard-incomplete a[data-report='" + provinceReport + "']"))
                    .containsText("số liệu tổng hợp chưa đầy đủ");
        }

        // The documents say the same per figure.
        String docx = docxText(provinceOfficer, "/api/v1/reports/" + provinceReport + ".docx");
        assertThat(docx).contains(lacking).contains("chưa ghi nhận");
        try (XSSFWorkbook wb = new XSSFWorkbook(
                new ByteArrayInputStream(bytes(provinceOfficer, "/api/v1/reports/" + provinceReport + ".xlsx")))) {
            StringBuilder all = new StringBuilder();
            for (Sheet sheet : wb) {
                for (Row row : sheet) {
                    row.forEach(c -> all.append(c.toString()).append('|'));
                }
            }
            assertThat(all.toString()).contains(lacking);
        }

        // The province submits: its frozen report keeps the gap, and the national body's roll-up carries it.
        submit(provinceApi, provinceLeader, provinceReport);
        JsonNode frozen = provinceApi.get("/api/v1/reports/" + provinceReport).json();
        assertThat(frozen.get("frozen").asBoolean()).isTrue();
        assertThat(frozen.get("gaps").get(0).get("organizationId").asLong()).isEqualTo(hospitalA.id());
        Http.Response nationalReport = nationalApi.post(
                "/api/v1/reports",
                Map.of("organizationId", national.id(), "kind", "QUARTERLY_STATUS", "period", PERIOD));
        assertThat(nationalReport.status()).as(nationalReport.body()).isEqualTo(201);
        JsonNode carried = nationalReport.json().get("gaps");
        assertThat(carried).hasSize(1);
        assertThat(carried.get(0).get("organizationId").asLong()).isEqualTo(hospitalA.id());
        assertThat(carried.get(0).get("name").asText()).isEqualTo(nameA);
        assertThat(carried.get(0).get("figures").toString()).contains("warningsReceived");
    }

    private long submitted(TestData.Org org, Http.Api officer, Http.Api leader) {
        Http.Response r = officer.post(
                "/api/v1/reports", Map.of("organizationId", org.id(), "kind", "QUARTERLY_STATUS", "period", PERIOD));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        long id = r.json().get("id").asLong();
        submit(officer, leader, id);
        return id;
    }

    private static void submit(Http.Api officer, Http.Api leader, long id) {
        assertThat(officer.post("/api/v1/reports/" + id + "/actions/CHECK", Map.of())
                        .status())
                .isEqualTo(200);
        Http.Response s = leader.post(
                "/api/v1/reports/" + id + "/actions/SIGN",
                Map.of(
                        "documentNumber",
                        "7/BC",
                        "documentDate",
                        "2026-09-15",
                        "signedFileBase64",
                        Base64.getEncoder().encodeToString("%PDF-1.4 đã ký".getBytes(StandardCharsets.UTF_8))));
        assertThat(s.status()).as(s.body()).isEqualTo(200);
        Http.Response sub = officer.post("/api/v1/reports/" + id + "/actions/SUBMIT", Map.of());
        assertThat(sub.status()).as(sub.body()).isEqualTo(200);
    }

    private byte[] bytes(TestData.Person who, String path) throws Exception {
        HttpResponse<byte[]> r = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(http.base() + path))
                                .header("Authorization", "Bearer " + who.token())
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body();
    }

    private String docxText(TestData.Person who, String path) throws Exception {
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes(who, path)));
                XWPFWordExtractor x = new XWPFWordExtractor(doc)) {
            return x.getText();
        }
    }
}
