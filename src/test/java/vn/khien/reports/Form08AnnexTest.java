package vn.khien.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
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

/**
 * The annual report's XLSX annex carries the 12 columns of Mẫu 08 (NĐ 331/2026), one row per owned system, read live
 * while the report is prepared and frozen when it is submitted.
 */
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

    @Test
    void submittedAnnexKeepsTheRowsAsTheyWereSubmitted() throws Exception {
        TestData.Org province = data.org(data.root(), "Tỉnh thử Mẫu 08 nộp");
        TestData.Org unit = data.org(province, "Đơn vị thử Mẫu 08 nộp");
        TestData.Person person = data.person(unit, Role.SECURITY_OFFICER);
        Http.Api officer = http.api(person.token());
        Http.Api leader = http.api(data.person(unit, Role.LEADER).token());
        String name = data.unique("Hệ thống trước khi đổi tên");
        Map<String, Object> body = new HashMap<>(Map.of(
                "code",
                data.unique("M8N"),
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
        Http.Response s = admin().post("/api/v1/systems", body);
        assertThat(s.status()).as(s.body()).isEqualTo(201);
        long systemId = s.json().get("id").asLong();
        Http.Response r = officer.post(
                "/api/v1/reports", Map.of("organizationId", unit.id(), "kind", "ANNUAL_LEVEL", "period", "2026"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        long id = r.json().get("id").asLong();
        assertThat(officer.post("/api/v1/reports/" + id + "/actions/CHECK", Map.of())
                        .status())
                .isEqualTo(200);
        Http.Response signed = leader.post(
                "/api/v1/reports/" + id + "/actions/SIGN",
                Map.of(
                        "documentNumber",
                        "12/BC",
                        "documentDate",
                        "2026-12-16",
                        "signedFileBase64",
                        Base64.getEncoder().encodeToString("%PDF-1.4 đã ký".getBytes(StandardCharsets.UTF_8))));
        assertThat(signed.status()).as(signed.body()).isEqualTo(200);
        Http.Response submitted = officer.post("/api/v1/reports/" + id + "/actions/SUBMIT", Map.of());
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);

        body.put("name", data.unique("Hệ thống sau khi đổi tên"));
        Http.Response renamed = admin().send("PUT", "/api/v1/systems/" + systemId, body);
        assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);

        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx(id, person)))) {
            Row row = wb.getSheet("Mẫu 08").getRow(3);
            assertThat(row.getCell(0).getStringCellValue()).isEqualTo("1");
            assertThat(row.getCell(1).getStringCellValue()).isEqualTo(name);
            assertThat(row.getCell(5).getStringCellValue()).isEqualTo("Đang dự thảo");
            assertThat(row.getLastCellNum()).isEqualTo((short) 12);
        }
        // A new report of the next period reads the register as it is now.
        Http.Response next = officer.post(
                "/api/v1/reports", Map.of("organizationId", unit.id(), "kind", "ANNUAL_LEVEL", "period", "2027"));
        assertThat(next.status()).as(next.body()).isEqualTo(201);
        try (XSSFWorkbook wb = new XSSFWorkbook(
                new ByteArrayInputStream(xlsx(next.json().get("id").asLong(), person)))) {
            assertThat(wb.getSheet("Mẫu 08").getRow(3).getCell(1).getStringCellValue())
                    .isEqualTo(body.get("name"));
        }
    }

    private byte[] xlsx(long reportId, TestData.Person person) throws Exception {
        HttpResponse<byte[]> xlsx = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(
                                        "http://127.0.0.1:" + port + "/api/v1/reports/" + reportId + ".xlsx"))
                                .header("Authorization", "Bearer " + person.token())
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(xlsx.statusCode()).isEqualTo(200);
        return xlsx.body();
    }
}
