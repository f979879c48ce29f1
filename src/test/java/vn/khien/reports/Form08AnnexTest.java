package vn.khien.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import vn.khien.access.Role;
import vn.khien.support.Http;
import vn.khien.support.IntegrationTest;
import vn.khien.support.TestData;

/** The annual report's XLSX annex carries the 12 columns of Mẫu 08 (NĐ 331/2026), one row per owned system. */
class Form08AnnexTest extends IntegrationTest {

    @Test
    void annualReportAnnexHasTheTwelveColumnsOfForm08() throws Exception {
        TestData.Org unit = data.org(data.org(data.root(), "Tỉnh thử Mẫu 08"), "Đơn vị thử Mẫu 08");
        TestData.Person person = data.person(unit, Role.SECURITY_OFFICER);
        Http.Api officer = http.api(person.token());
        String name = data.unique("Hệ thống Mẫu 08");
        Http.Response s = admin().post(
                        "/api/v1/systems",
                        Map.of(
                                "code",
                                data.unique("M8"),
                                "name",
                                name,
                                "ownerOrganizationId",
                                unit.id(),
                                "operatorOrganizationId",
                                unit.id(),
                                "systemType",
                                "INTERNAL",
                                "informationKinds",
                                List.of("PRIVATE"),
                                "userCount",
                                50));
        assertThat(s.status()).as(s.body()).isEqualTo(201);
        Http.Response r = officer.post(
                "/api/v1/reports", Map.of("organizationId", unit.id(), "kind", "ANNUAL_LEVEL", "period", "2026"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        HttpResponse<byte[]> xlsx = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/reports/"
                                        + r.json().get("id").asLong() + ".xlsx"))
                                .header("Authorization", "Bearer " + person.token())
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(xlsx.statusCode()).isEqualTo(200);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            Sheet sheet = wb.getSheet("Mẫu 08");
            assertThat(sheet).isNotNull();
            Row header = sheet.getRow(2);
            assertThat(header.getLastCellNum()).isEqualTo((short) 12);
            assertThat(header.getCell(7).getStringCellValue()).isEqualTo("(8) Quyết định ban hành quy chế");
            assertThat(header.getCell(9).getStringCellValue()).isEqualTo("(10) Tình trạng triển khai phương án");
            assertThat(header.getCell(11).getStringCellValue()).isEqualTo("(12) Tình trạng kiểm tra, đánh giá");
            Row row = sheet.getRow(3);
            assertThat(row.getCell(1).getStringCellValue()).isEqualTo(name);
            assertThat(row.getLastCellNum()).isEqualTo((short) 12);
            assertThat(row.getCell(5).getStringCellValue()).isEqualTo("Đang dự thảo");
        }
    }
}
