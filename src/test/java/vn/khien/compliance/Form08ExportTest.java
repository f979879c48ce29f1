package vn.khien.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import vn.khien.access.Role;
import vn.khien.support.Http;
import vn.khien.support.IntegrationTest;
import vn.khien.support.TestData;

/**
 * The register's Mẫu 08 export (systems module) gets columns 8, 10, 11 and 12 from compliance through the
 * register's contributor interface, read back with Apache POI.
 */
class Form08ExportTest extends IntegrationTest {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    @Autowired
    ComplianceFixture fixture;

    @Test
    void regulationPlanDeploymentAndInspectionsFillTheirColumns() throws Exception {
        TestData.Org province = data.org(data.root(), "Tỉnh Mẫu Tám");
        TestData.Org department = data.org(province, "Sở Nội vụ");
        TestData.Person officer = data.person(department, Role.SECURITY_OFFICER);
        Http.Api api = http.api(officer.token());
        long started = ComplianceFixture.createSystem(api, data, department, "Hệ thống A đang triển khai");
        long untouched = ComplianceFixture.createSystem(api, data, department, "Hệ thống B chưa triển khai");
        long unapproved = ComplianceFixture.createSystem(api, data, department, "Hệ thống C chưa phê duyệt");
        fixture.approve(started, department, 3, "nd85-2016", TODAY.minusMonths(6));
        fixture.approve(untouched, department, 3, "nd85-2016", TODAY.minusMonths(6));
        String sys = "/api/v1/compliance/systems/" + started;

        assertThat(api.send(
                                "PUT",
                                sys + "/regulation",
                                Map.of(
                                        "title",
                                        "Quy chế bảo đảm an toàn thông tin",
                                        "decisionNumber",
                                        "12/QĐ-SNV",
                                        "issuedOn",
                                        "2026-03-02",
                                        "issuedBy",
                                        "Sở Nội vụ"))
                        .status())
                .isEqualTo(200);
        JsonNode items = api.get(sys + "/plan").json().get("items");
        String met = items.get(0).get("requirementId").asText();
        String planned = items.get(1).get("requirementId").asText();
        assertThat(api.send("PUT", sys + "/plan/" + met, Map.of("status", "MET", "howMet", "Đã ban hành"))
                        .status())
                .isEqualTo(200);
        LocalDate target = TODAY.plusMonths(4);
        assertThat(api.send(
                                "PUT",
                                sys + "/plan/" + planned,
                                Map.of("status", "PLANNED", "targetDate", target.toString()))
                        .status())
                .isEqualTo(200);
        LocalDate taskDue = TODAY.plusMonths(7);
        assertThat(api.post(sys + "/tasks", Map.of("title", "Mua tường lửa", "dueOn", taskDue.toString()))
                        .status())
                .isEqualTo(201);
        for (String kind : List.of("BEFORE_GO_LIVE", "PERIODIC", "AD_HOC")) {
            Map<String, Object> a =
                    new HashMap<>(AssessmentTest.assessment("LICENSED_ORGANISATION", TODAY.minusMonths(1), List.of()));
            a.put("kind", kind);
            assertThat(api.post(sys + "/assessments", a).status()).isEqualTo(201);
        }

        byte[] xlsx = ComplianceFixture.pageBytes(
                http.base(),
                officer.username(),
                TestData.PASSWORD,
                "/systems/export.xlsx?organizationId=" + department.id());
        try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = wb.getSheetAt(0);
            assertThat(sheet.getRow(3).getCell(7).getStringCellValue()).startsWith("Quyết định ban hành Quy chế");
            Map<String, Row> rows = new HashMap<>();
            for (int r = 5; r <= sheet.getLastRowNum(); r++) {
                rows.put(sheet.getRow(r).getCell(1).getStringCellValue(), sheet.getRow(r));
            }
            Row a = rows.get("Hệ thống A đang triển khai");
            assertThat(a.getCell(7).getStringCellValue()).isEqualTo("12/QĐ-SNV, 02/03/2026, Sở Nội vụ");
            assertThat(a.getCell(9).getStringCellValue()).isEqualTo("Đã triển khai một số hạng mục");
            // The last date on the roadmap: the task due after the planned item's target.
            assertThat(a.getCell(10).getStringCellValue()).isEqualTo(DATE.format(taskDue));
            assertThat(a.getCell(11).getStringCellValue()).isEqualTo("Trước khi đưa vào sử dụng, Định kỳ");

            Row b = rows.get("Hệ thống B chưa triển khai");
            assertThat(b.getCell(7).getStringCellValue()).isEmpty();
            assertThat(b.getCell(9).getStringCellValue()).isEqualTo("Chưa triển khai");
            assertThat(b.getCell(10).getStringCellValue()).isEmpty();
            assertThat(b.getCell(11).getStringCellValue()).isEmpty();

            Row c = rows.get("Hệ thống C chưa phê duyệt");
            assertThat(c.getCell(9).getStringCellValue()).isEmpty();
        }
        assertThat(unapproved).isPositive();
    }
}
