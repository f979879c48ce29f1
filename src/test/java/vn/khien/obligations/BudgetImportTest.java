package vn.khien.obligations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import vn.khien.access.Role;
import vn.khien.obligations.budget.BudgetImport;
import vn.khien.support.Http;
import vn.khien.support.IntegrationTest;
import vn.khien.support.TestData;

/**
 * The annual budget plan from XLSX: the template round-trips, a file with any wrong cell records nothing and names
 * sheet, row, column in Vietnamese, a good file records drafts (own unit and a unit below by code), the officer
 * corrects a draft and the leader approves it, after which it is frozen; every step audited.
 */
class BudgetImportTest extends IntegrationTest {

    @Autowired
    BudgetImport importer;

    static byte[] workbook(List<List<Object>> rows) throws IOException {
        try (Workbook wb = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("Kế hoạch");
            List<String> header = List.of(
                    "Mã đơn vị (để trống: đơn vị đang nhập)",
                    "Năm kế hoạch",
                    "Loại (Hằng năm / 5 năm / Dự án)",
                    "Tên kế hoạch, dự án",
                    "Tổng kinh phí CNTT (đồng)",
                    "Kinh phí an toàn thông tin (đồng)",
                    "Nguồn vốn",
                    "Hệ thống thông tin liên quan");
            Row h = sheet.createRow(0);
            for (int i = 0; i < header.size(); i++) {
                h.createCell(i).setCellValue(header.get(i));
            }
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    Object v = rows.get(r).get(c);
                    if (v instanceof Number n) {
                        row.createCell(c).setCellValue(n.doubleValue());
                    } else if (v != null) {
                        row.createCell(c).setCellValue(v.toString());
                    }
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }

    @Test
    void theTemplateHasTheImportedSheetAndItsHeaders() throws IOException {
        TestData.Org unit = data.org(data.root(), "Sở mẫu kinh phí");
        Http.Session s = http.session();
        TestData.Person officer = data.person(unit, Role.SECURITY_OFFICER);
        assertThat(s.login(officer.username(), TestData.PASSWORD).status()).isEqualTo(302);
        Http.Response r = s.get("/budget/template.xlsx");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Disposition")).contains("attachment");
        // the template itself, example row included, imports as it is
        byte[] template = importer.template();
        try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(template))) {
            assertThat(wb.getSheet("Kế hoạch").getRow(0).getCell(4).getStringCellValue())
                    .isEqualTo("Tổng kinh phí CNTT (đồng)");
        }
        Http.Response imported = http.api(officer.token())
                .upload("/api/v1/organizations/" + unit.id() + "/budget-plans/import", "mau.xlsx", template, Map.of());
        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        assertThat(imported.json().get("imported").asInt()).isEqualTo(1);
    }

    @Test
    void aFileWithAnyWrongCellRecordsNothingAndNamesSheetRowAndColumn() throws IOException {
        TestData.Org province = data.org(data.root(), "Tỉnh nhập kinh phí");
        TestData.Org dept = data.org(province, "Sở dưới");
        TestData.Org other = data.org(data.root(), "Tỉnh khác kinh phí");
        Http.Api officer = http.api(data.person(province, Role.SECURITY_OFFICER).token());
        String path = "/api/v1/organizations/" + province.id() + "/budget-plans/import";

        byte[] bad = workbook(List.of(
                Arrays.asList(
                        null,
                        2027,
                        "Hằng năm",
                        "Kế hoạch CNTT 2027",
                        1_000_000_000L,
                        100_000_000L,
                        "Ngân sách tỉnh",
                        "Cổng dịch vụ công"),
                Arrays.asList(
                        dept.code(),
                        2027,
                        "Dự án",
                        "Dự án trung tâm dữ liệu",
                        "1.000.000.000",
                        "2.000.000.000",
                        "ODA",
                        null),
                Arrays.asList(other.code(), 2027, "Hằng năm", "Ngoài phạm vi", 100, 10, null, null),
                Arrays.asList(null, "hai nghìn", "Quý", "", 100.5, -1, null, null)));
        Http.Response r = officer.upload(path, "ke-hoach.xlsx", bad, Map.of());
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.body())
                .contains("Trang tính \\\"Kế hoạch\\\", dòng 3, cột F (Kinh phí an toàn thông tin (đồng))")
                .contains("không được lớn hơn tổng kinh phí")
                .contains("dòng 4, cột A")
                .contains("Không tìm thấy đơn vị có mã")
                .contains("dòng 5, cột B")
                .contains("dòng 5, cột C")
                .contains("dòng 5, cột D")
                .contains("dòng 5, cột E")
                .contains("dòng 5, cột F")
                .contains("rows[3].securityAmount");
        assertThat(count(province, dept)).as("all or nothing").isZero();

        byte[] good = workbook(List.of(
                Arrays.asList(
                        null,
                        2027,
                        "Hằng năm",
                        "Kế hoạch CNTT 2027",
                        1_000_000_000L,
                        100_000_000L,
                        "Ngân sách tỉnh",
                        "Cổng dịch vụ công"),
                Arrays.asList(
                        dept.code(),
                        2027,
                        "Dự án",
                        "Dự án trung tâm dữ liệu",
                        "1.000.000.000",
                        "90.000.000",
                        "ODA",
                        null),
                Arrays.asList(),
                Arrays.asList(null, 2027, "PROJECT", "Dự án giám sát", 500_000_000L, 50_000_000L, null, null)));
        Http.Response ok = officer.upload(path, "ke-hoach.xlsx", good, Map.of());
        assertThat(ok.status()).as(ok.body()).isEqualTo(201);
        assertThat(ok.json().get("imported").asInt()).isEqualTo(3);
        assertThat(count(province, dept)).isEqualTo(3);
        JsonNode summary = officer.get("/api/v1/organizations/" + province.id() + "/budget-summary?year=2027")
                .json();
        assertThat(summary.get("own").get("plans").asInt()).isEqualTo(2);
        assertThat(summary.get("subtree").get("total").asLong()).isEqualTo(2_500_000_000L);
        assertThat(summary.get("plans").get(0).get("status").asString()).isEqualTo("DRAFT");

        // someone of another subtree cannot import into this province: 404, nothing recorded
        Http.Api outsider = http.api(data.person(other, Role.SECURITY_OFFICER).token());
        assertThat(outsider.upload(path, "x.xlsx", good, Map.of()).status()).isEqualTo(404);
        assertThat(count(province, dept)).isEqualTo(3);
    }

    @Test
    void theOfficerCorrectsADraftAndTheLeaderApprovesItThenItIsFrozen() {
        TestData.Org unit = data.org(data.root(), "Sở duyệt kinh phí");
        Http.Api officer = http.api(data.person(unit, Role.SECURITY_OFFICER).token());
        Http.Api leader = http.api(data.person(unit, Role.LEADER).token());
        long id = officer.post(
                        "/api/v1/organizations/" + unit.id() + "/budget-plans",
                        Map.of(
                                "year",
                                2027,
                                "kind",
                                "ANNUAL",
                                "name",
                                "Kế hoạch 2027",
                                "totalAmount",
                                1_000_000_000L,
                                "securityAmount",
                                50_000_000L))
                .json()
                .get("id")
                .asLong();
        Map<String, Object> corrected = Map.of(
                "year",
                2027,
                "kind",
                "ANNUAL",
                "name",
                "Kế hoạch 2027 (sửa)",
                "totalAmount",
                1_000_000_000L,
                "securityAmount",
                120_000_000L,
                "linkedSystems",
                "Cổng thông tin");
        Http.Response edited = officer.send("PUT", "/api/v1/budget-plans/" + id, corrected);
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        assertThat(edited.json().get("security").asLong()).isEqualTo(120_000_000L);
        assertThat(officer.post("/api/v1/budget-plans/" + id + "/approve", Map.of())
                        .status())
                .as("the officer does not approve")
                .isEqualTo(403);
        Http.Response approved = leader.post("/api/v1/budget-plans/" + id + "/approve", Map.of());
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().get("status").asString()).isEqualTo("APPROVED");
        Http.Response again = officer.send("PUT", "/api/v1/budget-plans/" + id, corrected);
        assertThat(again.status()).isEqualTo(422);
        assertThat(again.body()).contains("status");
        assertThat(leader.post("/api/v1/budget-plans/" + id + "/approve", Map.of())
                        .status())
                .isEqualTo(422);
        assertThat(data.jdbc()
                        .sql("SELECT action FROM audit_event WHERE target_type = 'budget_plan' AND target_id = :id "
                                + "ORDER BY id")
                        .param("id", String.valueOf(id))
                        .query(String.class)
                        .list())
                .containsExactly("BUDGET_PLAN_CREATED", "BUDGET_PLAN_UPDATED", "BUDGET_PLAN_APPROVED");
    }

    private long count(TestData.Org a, TestData.Org b) {
        return data.jdbc()
                .sql("SELECT COUNT(*) FROM budget_plan WHERE organization_id IN (:a, :b)")
                .param("a", a.id())
                .param("b", b.id())
                .query(Long.class)
                .single();
    }
}
