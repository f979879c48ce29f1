package vn.khien.systems;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.khien.access.Role;
import vn.khien.platform.documents.AdministrativeLayout;
import vn.khien.support.Http;
import vn.khien.support.IntegrationTest;
import vn.khien.support.TestData;

/** Bulk import is all-or-nothing with a per-row report; generated XLSX and DOCX read back with Vietnamese intact. */
class RegisterFilesTest extends IntegrationTest {

    @Test
    void aFileWithMoreRowsThanTheLimitIsRefusedWholeNotCut() {
        TestData.Org unit = data.org(data.root(), "Sở nhập nhiều dòng");
        TestData.Person officer = data.person(unit, Role.SECURITY_OFFICER);
        StringBuilder csv = new StringBuilder("Mã hệ thống [code],Tên hệ thống [name],Mã tổ chức chủ quản [owner],"
                + "Mã đơn vị vận hành [operator],Loại hệ thống [type]\n");
        String prefix = data.unique("N");
        for (int i = 0; i < 5001; i++) {
            csv.append(prefix)
                    .append('-')
                    .append(i)
                    .append(",Hệ thống ")
                    .append(i)
                    .append(',')
                    .append(unit.code())
                    .append(',')
                    .append(unit.code())
                    .append(",INTERNAL\n");
        }
        Http.Response r = Multipart.post(
                http.base(),
                "/api/v1/systems/import",
                officer.token(),
                Map.of(),
                "file",
                "nhieu-dong.csv",
                csv.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.body()).contains("5.001 dòng").contains("giới hạn 5.000");
        assertThat(codes(http.api(officer.token()).get("/api/v1/systems?organizationId=" + unit.id())))
                .isEmpty();
    }

    @Test
    void importWithAnyBadRowStoresNothingAndNamesEveryRowAndColumn() {
        TestData.Org unit = data.org(data.root(), "Sở Tư pháp thử");
        TestData.Person officer = data.person(unit, Role.SECURITY_OFFICER);
        String good = data.unique("OK");
        String bad = data.unique("BAD");
        String csv =
                "\uFEFFMã hệ thống [code],Tên hệ thống [name],Mã tổ chức chủ quản [owner],Mã đơn vị vận hành [operator],"
                        + "Loại hệ thống [type],Số người sử dụng [users]\n"
                        + good + ",Cổng dịch vụ công," + unit.code() + "," + unit.code() + ",CITIZEN_BUSINESS,12000\n"
                        + bad + ",Hệ thống lỗi," + unit.code() + ",KHONG-TON-TAI,DICH_VU,nhiều\n"
                        + good + ",Trùng mã," + unit.code() + "," + unit.code() + ",INTERNAL,\n"
                        + ",,,,,\n";
        Http.Response r = Multipart.post(
                http.base(),
                "/api/v1/systems/import",
                officer.token(),
                Map.of(),
                "file",
                "he-thong.csv",
                csv.getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        List<String> fields = new ArrayList<>();
        r.json().get("errors").forEach(e -> fields.add(e.get("field").asText()));
        assertThat(fields)
                .containsExactlyInAnyOrder("rows[3].operator", "rows[3].type", "rows[3].users", "rows[4].code");
        assertThat(r.body())
                .contains("Dòng 3, cột \\\"Mã đơn vị vận hành\\\"")
                .contains("KHONG-TON-TAI")
                .contains("Mã hệ thống trùng với dòng 2");
        assertThat(codes(http.api(officer.token()).get("/api/v1/systems?organizationId=" + unit.id())))
                .doesNotContain(good, bad);

        byte[] xlsx = workbook(List.of(
                List.of(
                        "Mã hệ thống [code]",
                        "Tên hệ thống [name]",
                        "Mã tổ chức chủ quản [owner]",
                        "Mã đơn vị vận hành [operator]",
                        "Loại hệ thống [type]",
                        "Loại thông tin [info]",
                        "Ngày đưa vào vận hành (dd/MM/yyyy) [operating]"),
                List.of(
                        good,
                        "Cổng dịch vụ công trực tuyến tỉnh",
                        unit.code(),
                        unit.code(),
                        "PUBLIC_SERVICE",
                        "PUBLIC, PERSONAL",
                        "15/03/2022"),
                // The Vietnamese labels, as the form and the template show them, are accepted as well as the codes.
                List.of(
                        bad,
                        "Hệ thống thư điện tử công vụ",
                        unit.code(),
                        unit.code(),
                        "Phục vụ hoạt động nội bộ",
                        "Thông tin riêng, Dữ liệu cá nhân cơ bản",
                        "")));
        Http.Response ok = Multipart.post(
                http.base(), "/api/v1/systems/import", officer.token(), Map.of(), "file", "he-thong.xlsx", xlsx);
        assertThat(ok.status()).as(ok.body()).isEqualTo(201);
        assertThat(ok.json().get("imported").asInt()).isEqualTo(2);
        Http.Response list = http.api(officer.token()).get("/api/v1/systems?organizationId=" + unit.id());
        assertThat(codes(list)).contains(good, bad);
        assertThat(list.body()).contains("Cổng dịch vụ công trực tuyến tỉnh").contains("2022-03-15");
        assertThat(r.body()).contains("Phục vụ hoạt động nội bộ (INTERNAL)");
    }

    @Test
    void templateAndForm08ExportReadBackWithVietnameseText() throws Exception {
        ProvinceFixture p = new ProvinceFixture(data, admin());
        long systemId = approvedSystem(p);
        PageDownload officer = new PageDownload(http.base(), p.officer.username(), TestData.PASSWORD);

        try (Workbook template = WorkbookFactory.create(new ByteArrayInputStream(
                officer.get("/systems/import/template.xlsx").body()))) {
            Row header = template.getSheetAt(0).getRow(0);
            assertThat(header.getCell(0).getStringCellValue()).isEqualTo("Mã hệ thống [code]");
            assertThat(header.getCell(2).getStringCellValue()).isEqualTo("Mã tổ chức chủ quản [owner]");
            // The values of every coded column, by label and code, on a sheet of their own.
            Sheet values = template.getSheet("Gia tri");
            List<String> lines = new ArrayList<>();
            values.forEach(row -> lines.add(
                    row.getCell(1).getStringCellValue() + "=" + row.getCell(2).getStringCellValue()));
            assertThat(lines)
                    .contains(
                            "Trung tâm dữ liệu=DATA_CENTRE",
                            "Đang vận hành=OPERATING",
                            "Phục vụ người dân, doanh nghiệp=CITIZEN_BUSINESS");
        }
        assertThat(new String(officer.get("/systems/import/template.csv").body(), StandardCharsets.UTF_8))
                .contains("Tên hệ thống [name]");

        var export = officer.get("/systems/export.xlsx?organizationId=" + p.department.id());
        assertThat(export.statusCode()).isEqualTo(200);
        try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(export.body()))) {
            Sheet sheet = wb.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).contains("Mẫu 08");
            assertThat(sheet.getRow(3).getCell(5).getStringCellValue()).isEqualTo("Tình trạng phê duyệt");
            Row row = sheet.getRow(5);
            assertThat(row.getCell(1).getStringCellValue()).isEqualTo("Hệ thống quản lý văn bản và điều hành");
            assertThat(row.getCell(2).getStringCellValue()).isEqualTo("Sở Y tế");
            assertThat(row.getCell(4).getStringCellValue()).isEqualTo("3");
            assertThat(row.getCell(5).getStringCellValue()).isEqualTo("Đã được phê duyệt");
            assertThat(row.getCell(6).getStringCellValue())
                    .contains("45/QĐ-SYT")
                    .contains("20/11/2026")
                    .contains("Sở Y tế");
        }

        long dossierId = http.api(p.officer.token())
                .get("/api/v1/systems/" + systemId + "/dossiers")
                .json()
                .get(0)
                .get("id")
                .asLong();
        byte[] dossier = officer.get("/dossiers/" + dossierId + "/dossier.docx").body();
        AdministrativeLayout.assertLayout(dossier);
        String dossierText = docxText(dossier);
        assertThat(dossierText)
                .contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
                .contains("Độc lập - Tự do - Hạnh phúc")
                .contains("HỒ SƠ ĐỀ XUẤT CẤP ĐỘ AN TOÀN HỆ THỐNG THÔNG TIN")
                .contains("1. Tài liệu mô tả tổng quan hệ thống thông tin")
                .contains("5. Đánh giá rủi ro an ninh mạng")
                .contains("hệ thống quản lý văn bản điều hành");
        byte[] decision =
                officer.get("/dossiers/" + dossierId + "/decision.docx").body();
        AdministrativeLayout.Parts decisionLayout = AdministrativeLayout.assertLayout(decision);
        assertThat(decisionLayout.number()).isEqualTo("Số: 45/QĐ-SYT");
        assertThat(decisionLayout.placeAndDate()).endsWith("ngày 20 tháng 11 năm 2026");
        String decisionText = docxText(decision);
        assertThat(decisionText)
                .contains("QUYẾT ĐỊNH")
                .contains("Điều 1.")
                .contains("Phê duyệt cấp độ 3 đối với Hệ thống thông tin Hệ thống quản lý văn bản và điều hành")
                .contains("Số: 45/QĐ-SYT")
                .contains("ngày 20 tháng 11 năm 2026")
                .contains("Nguyễn Thị Hoà");
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(decision))) {
            for (XWPFParagraph para : doc.getParagraphs()) {
                for (XWPFRun run : para.getRuns()) {
                    assertThat(run.getFontFamily()).isEqualTo("Times New Roman");
                }
            }
        }
    }

    @Test
    void dossierAndDecisionDocxThroughTheApiAreDocumentedAndReadBack() throws Exception {
        ProvinceFixture p = new ProvinceFixture(data, admin());
        long systemId = approvedSystem(p);
        long dossierId = http.api(p.officer.token())
                .get("/api/v1/systems/" + systemId + "/dossiers")
                .json()
                .get(0)
                .get("id")
                .asLong();
        HttpResponse<byte[]> document = apiBytes(p.officer.token(), "/api/v1/dossiers/" + dossierId + "/document.docx");
        assertThat(document.statusCode()).isEqualTo(200);
        assertThat(document.headers().firstValue("Content-Type").orElse(""))
                .startsWith("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertThat(document.headers().firstValue("Content-Disposition").orElse(""))
                .contains(".docx");
        assertThat(docxText(document.body()))
                .contains("HỒ SƠ ĐỀ XUẤT CẤP ĐỘ AN TOÀN HỆ THỐNG THÔNG TIN")
                .contains("Hệ thống quản lý văn bản và điều hành")
                .contains("5. Đánh giá rủi ro an ninh mạng");
        HttpResponse<byte[]> decision =
                apiBytes(p.appraiser.token(), "/api/v1/dossiers/" + dossierId + "/decision.docx");
        assertThat(decision.statusCode()).isEqualTo(200);
        assertThat(docxText(decision.body()))
                .contains("QUYẾT ĐỊNH")
                .contains("Số: 45/QĐ-SYT")
                .contains("Phê duyệt cấp độ 3 đối với Hệ thống thông tin Hệ thống quản lý văn bản và điều hành");
        assertThat(apiBytes(p.officer.token(), "/api/v1/dossiers/987654321/document.docx")
                        .statusCode())
                .isEqualTo(404);
        assertThat(apiBytes(null, "/api/v1/dossiers/" + dossierId + "/decision.docx")
                        .statusCode())
                .isEqualTo(401);

        String docs = http.api(null).get("/v3/api-docs").body();
        assertThat(docs)
                .contains("/api/v1/dossiers/{id}/document.docx")
                .contains("/api/v1/dossiers/{id}/decision.docx")
                .contains("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    }

    private HttpResponse<byte[]> apiBytes(String token, String path) throws Exception {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(URI.create(http.base() + path)).GET();
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** A level-3 system approved through the whole workflow, for the exports. */
    private long approvedSystem(ProvinceFixture p) {
        Http.Api officer = http.api(p.officer.token());
        long systemId = officer.post(
                        "/api/v1/systems",
                        Map.of(
                                "code",
                                data.unique("QLVB"),
                                "name",
                                "Hệ thống quản lý văn bản và điều hành",
                                "ownerOrganizationId",
                                p.department.id(),
                                "operatorOrganizationId",
                                p.department.id(),
                                "systemType",
                                "INTERNAL"))
                .json()
                .get("id")
                .asLong();
        officer.post(
                "/api/v1/systems/" + systemId + "/classifications",
                Map.of("regime", "nd331-2026", "answers", ProvinceFixture.LEVEL3_ND331));
        long dossierId = officer.post("/api/v1/systems/" + systemId + "/dossiers", "")
                .json()
                .get("dossier")
                .get("id")
                .asLong();
        ProvinceFixture.fillParts(officer, dossierId);
        String base = "/api/v1/dossiers/" + dossierId + "/actions/";
        assertThat(officer.post(base + "SUBMIT", Map.of()).status()).isEqualTo(200);
        assertThat(http.api(p.appraiser.token())
                        .post(base + "APPRAISE", Map.of("comment", "Đạt"))
                        .status())
                .isEqualTo(200);
        ProvinceFixture.recordRegulation(officer, systemId, "2026-01-02");
        Http.Response approved = http.api(p.leader.token())
                .post(
                        base + "APPROVE",
                        Map.of(
                                "decisionNumber",
                                "45/QĐ-SYT",
                                "decisionDate",
                                "2026-11-20",
                                "decisionSigner",
                                "Nguyễn Thị Hoà",
                                "signedFileBase64",
                                Base64.getEncoder().encodeToString(new byte[] {1, 2, 3})));
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        return systemId;
    }

    private static String docxText(byte[] bytes) throws Exception {
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes));
                XWPFWordExtractor extractor = new XWPFWordExtractor(doc)) {
            return extractor.getText();
        }
    }

    private static byte[] workbook(List<List<String>> rows) {
        try (Workbook wb = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("HT");
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    row.createCell(c).setCellValue(rows.get(r).get(c));
                }
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> codes(Http.Response r) {
        JsonNode json = r.json();
        return StreamSupport.stream(json.spliterator(), false)
                .map(n -> n.get("code").asText())
                .toList();
    }
}
