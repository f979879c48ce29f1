package vn.khien.obligations.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
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
import vn.khien.support.Http;
import vn.khien.support.IntegrationTest;
import vn.khien.support.TestData;

/**
 * Training records are edited and removed (audited, editors only, problems naming the field), and imported from
 * XLSX all or nothing: a file with any wrong cell records nothing and names each row and column in Vietnamese; a
 * good file records every row for the person named by user name or e-mail, with the certificate's reference.
 */
public class TrainingRecordsTest extends IntegrationTest {

    @Autowired
    TrainingImport importer;

    static final byte[] PDF = "%PDF-1.4\n% chứng chỉ\n".getBytes(StandardCharsets.UTF_8);
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 0};

    /** A workbook in the template's form holding these rows (numbers as numbers, the rest as text). */
    public static byte[] workbook(List<List<Object>> rows) throws IOException {
        try (Workbook wb = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("Đào tạo");
            List<String> header = List.of(
                    "Tên đăng nhập hoặc thư điện tử",
                    "Khóa đào tạo",
                    "Ngày hoàn thành (dd/MM/yyyy)",
                    "Số giờ",
                    "Số hiệu chứng chỉ");
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

    /** A record of the course "ATTT cơ bản" (15/01/2026, 8 hours) made through the API with {@link #PDF}. */
    static long recordWithCertificate(Http.Api api, TestData.Org unit, String person, String fileName) {
        Http.Response created = api.upload(
                "/api/v1/organizations/" + unit.id() + "/training-records",
                fileName,
                PDF,
                Map.of("personName", person, "course", "ATTT cơ bản", "completedOn", "2026-01-15", "hours", "8"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    private long audits(String action, long id) {
        return data.jdbc()
                .sql("SELECT COUNT(*) FROM audit_event WHERE action = :a AND target_id = :t")
                .param("a", action)
                .param("t", Long.toString(id))
                .query(Long.class)
                .single();
    }

    @Test
    void aRecordIsEditedAndRemovedByAnEditorOnly() {
        TestData.Org unit = data.org(data.root(), "Sở sửa đào tạo");
        Http.Api officer = http.api(data.person(unit, Role.SECURITY_OFFICER).token());
        Http.Api auditor = http.api(data.person(unit, Role.AUDITOR).token());
        long id = recordWithCertificate(officer, unit, "Nguyễn Văn Sửa", "cc.pdf");

        Map<String, Object> edit = Map.of(
                "personName", "Nguyễn Văn Sửa", "course", "ATTT nâng cao", "completedOn", "2026-02-01", "hours", 16);
        assertThat(auditor.send("PUT", "/api/v1/training-records/" + id, edit).status())
                .isEqualTo(403);
        Http.Response bad = officer.send(
                "PUT",
                "/api/v1/training-records/" + id,
                Map.of("personName", "", "course", "x", "completedOn", "2026-02-01", "hours", 0));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.body()).contains("\"personName\"").contains("\"hours\"");
        Http.Response ok = officer.send("PUT", "/api/v1/training-records/" + id, edit);
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        assertThat(ok.json().get("course").asString()).isEqualTo("ATTT nâng cao");
        assertThat(ok.json().get("certificateSha256").isNull())
                .as("the certificate stays")
                .isFalse();
        assertThat(audits("TRAINING_UPDATED", id)).isEqualTo(1);

        assertThat(auditor.send("DELETE", "/api/v1/training-records/" + id, null)
                        .status())
                .isEqualTo(403);
        assertThat(officer.send("DELETE", "/api/v1/training-records/" + id, null)
                        .status())
                .isEqualTo(204);
        assertThat(officer.get("/api/v1/organizations/" + unit.id() + "/training-records?year=2026")
                        .json()
                        .get("records")
                        .size())
                .isZero();
        assertThat(audits("TRAINING_REMOVED", id)).isEqualTo(1);
    }

    /** The record's course and certificate as stored. */
    private String[] stored(long id) {
        return data.jdbc()
                .sql("SELECT course, certificate_name, certificate_sha256 FROM training_record WHERE id = :id")
                .param("id", id)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
                .single();
    }

    @Test
    void theEditPageReplacesTheCertificateAllOrNothingAndKeepsItWhenNoFileIsChosen() {
        TestData.Org unit = data.org(data.root(), "Sở thay chứng chỉ");
        TestData.Person officer = data.person(unit, Role.SECURITY_OFFICER);
        long id = recordWithCertificate(http.api(officer.token()), unit, "Trần Thị Thay", "cu.pdf");
        String oldSha = TrainingService.sha256(PDF);
        Http.Session s = http.session();
        assertThat(s.login(officer.username(), TestData.PASSWORD).status()).isEqualTo(302);
        String edit = "/training-records/" + id + "/edit";

        Http.Response form = s.get(edit);
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body())
                .contains("enctype=\"multipart/form-data\"")
                .contains("Tệp hiện có: cu.pdf")
                .contains(oldSha)
                .contains("để trống thì giữ nguyên tệp hiện có");

        Map<String, String> fields = Map.of(
                "personName", "Trần Thị Thay", "course", "ATTT nâng cao", "completedOn", "2026-01-15", "hours", "8");
        // a file that is not a PDF, PNG or JPEG: nothing changes, not even the course typed with it
        Http.Response wrongFile = s.upload(edit, "virus.exe", "MZ\u0090".getBytes(StandardCharsets.UTF_8), fields);
        assertThat(wrongFile.status()).isEqualTo(422);
        assertThat(wrongFile.body()).contains("id=\"certificate-error\"").contains("value=\"ATTT nâng cao\"");
        assertThat(stored(id)).containsExactly("ATTT cơ bản", "cu.pdf", oldSha);
        // a good file with a wrong field: the file is not kept either
        Map<String, String> badHours = new HashMap<>(fields);
        badHours.put("hours", "0");
        Http.Response wrongField = s.upload(edit, "moi.png", PNG, badHours);
        assertThat(wrongField.status()).isEqualTo(422);
        assertThat(wrongField.body()).contains("id=\"hours-error\"");
        assertThat(stored(id)).containsExactly("ATTT cơ bản", "cu.pdf", oldSha);

        Http.Response replaced = s.upload(edit, "moi.png", PNG, fields);
        assertThat(replaced.status()).as(replaced.body()).isEqualTo(302);
        String newSha = TrainingService.sha256(PNG);
        assertThat(stored(id)).containsExactly("ATTT nâng cao", "moi.png", newSha);
        Http.Response download = s.get("/training-records/" + id + "/certificate");
        assertThat(download.header("Content-Type")).startsWith("image/png");
        assertThat(download.header("Content-Disposition")).contains("moi.png");
        String details = data.jdbc()
                .sql("SELECT details FROM audit_event WHERE action = 'TRAINING_UPDATED' AND target_id = :t")
                .param("t", Long.toString(id))
                .query(String.class)
                .single();
        assertThat(details)
                .contains(newSha)
                .contains("replacedCertificateSha256")
                .contains(oldSha);

        // no file chosen (the browser sends an empty file part): the certificate stays
        Map<String, String> renamed = new HashMap<>(fields);
        renamed.put("course", "ATTT chuyên sâu");
        Http.Response kept = s.upload(edit, "", new byte[0], renamed);
        assertThat(kept.status()).as(kept.body()).isEqualTo(302);
        assertThat(stored(id)).containsExactly("ATTT chuyên sâu", "moi.png", newSha);
        assertThat(audits("TRAINING_UPDATED", id)).isEqualTo(2);
    }

    @Test
    void attachingAndReplacingTheFileOfAnImportedRecordKeepsTheImportedCertificateNumber() throws IOException {
        TestData.Org unit = data.org(data.root(), "Sở số hiệu chứng chỉ");
        TestData.Person officer = data.person(unit, Role.SECURITY_OFFICER);
        TestData.Person trainee = data.person(unit, Role.AUDITOR);
        Http.Response imported = http.api(officer.token())
                .upload(
                        "/api/v1/organizations/" + unit.id() + "/training-records/import",
                        "dao-tao.xlsx",
                        workbook(List.of(Arrays.asList(trainee.username(), "ATTT cơ bản", "15/01/2026", 8, "CC-900"))),
                        Map.of());
        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        long id = imported.json().get("ids").get(0).asLong();
        Http.Session s = http.session();
        assertThat(s.login(officer.username(), TestData.PASSWORD).status()).isEqualTo(302);
        String edit = "/training-records/" + id + "/edit";
        assertThat(s.get(edit).body()).contains("id=\"current-reference\"").contains("CC-900");
        Map<String, String> fields = Map.of(
                "personName", "Người học số hiệu", "course", "ATTT cơ bản", "completedOn", "2026-01-15", "hours", "8");

        // the file is attached: the imported number stays beside it
        assertThat(s.upload(edit, "cc-900.pdf", PDF, fields).status()).isEqualTo(302);
        assertThat(reference(id)).containsExactly("CC-900", "cc-900.pdf", TrainingService.sha256(PDF));
        // and replaced: still the number the import recorded, the file versioned in the audit trail
        assertThat(s.upload(edit, "cc-900-ban-ro.png", PNG, fields).status()).isEqualTo(302);
        assertThat(reference(id)).containsExactly("CC-900", "cc-900-ban-ro.png", TrainingService.sha256(PNG));
        List<String> details = data.jdbc()
                .sql("SELECT details FROM audit_event WHERE action = 'TRAINING_UPDATED' AND target_id = :t ORDER BY id")
                .param("t", Long.toString(id))
                .query(String.class)
                .list();
        assertThat(details).hasSize(2).allSatisfy(d -> assertThat(d).contains("keptCertificateReference"));
        assertThat(details.get(1))
                .contains("CC-900")
                .contains("replacedCertificateSha256")
                .contains(TrainingService.sha256(PDF))
                .contains(TrainingService.sha256(PNG));
        JsonNode record = http.api(officer.token())
                .get("/api/v1/organizations/" + unit.id() + "/training-records?year=2026")
                .json()
                .get("records")
                .get(0);
        assertThat(record.get("certificateReference").asString()).isEqualTo("CC-900");
        assertThat(record.get("certificateName").asString()).isEqualTo("cc-900-ban-ro.png");
        String page =
                s.get("/organizations/" + unit.id() + "/training?year=2026").body();
        assertThat(page).contains("Số hiệu: CC-900").contains("/training-records/" + id + "/certificate");
    }

    /** The record's certificate number, file name and file SHA-256 as stored. */
    private String[] reference(long id) {
        return data.jdbc()
                .sql("""
                        SELECT certificate_reference, certificate_name, certificate_sha256 FROM training_record
                        WHERE id = :id""")
                .param("id", id)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
                .single();
    }

    @Test
    void anImportWithAnyWrongCellRecordsNothingAndAGoodOneRecordsEveryRow() throws IOException {
        TestData.Org province = data.org(data.root(), "Tỉnh nhập đào tạo");
        TestData.Org dept = data.org(province, "Sở nhập đào tạo");
        TestData.Org other = data.org(data.root(), "Tỉnh khác đào tạo");
        TestData.Person officer = data.person(province, Role.SECURITY_OFFICER);
        TestData.Person an = data.person(dept, Role.AUDITOR);
        TestData.Person binh = data.person(province, Role.INCIDENT_RESPONDER);
        TestData.Person outsider = data.person(other, Role.AUDITOR);
        Http.Api api = http.api(officer.token());
        String path = "/api/v1/organizations/" + province.id() + "/training-records/import";

        byte[] bad = workbook(List.of(
                Arrays.asList(an.username(), "ATTT cơ bản", "15/01/2026", 8, "CC-001"),
                Arrays.asList(outsider.username(), "ATTT cơ bản", "15/01/2026", 8, null),
                Arrays.asList(binh.username() + "@example.test", "", "31/02/2026", "tám", null)));
        Http.Response refused = api.upload(path, "dao-tao.xlsx", bad, Map.of());
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.body())
                .contains("rows[3].person")
                .contains("rows[4].course")
                .contains("rows[4].completedOn")
                .contains("rows[4].hours")
                .contains("dòng 3, cột A")
                .contains("31/02/2026")
                .doesNotContain("rows[2].");
        assertThat(data.jdbc()
                        .sql("SELECT COUNT(*) FROM training_record WHERE organization_id = :o")
                        .param("o", province.id())
                        .query(Long.class)
                        .single())
                .as("nothing recorded")
                .isZero();

        byte[] good = workbook(List.of(
                Arrays.asList(an.username(), "ATTT cơ bản", "15/01/2026", 8, "CC-001"),
                Arrays.asList(binh.username() + "@EXAMPLE.test", "Ứng cứu sự cố", "02/03/2026", "7,5", null)));
        Http.Response imported = api.upload(path, "dao-tao.xlsx", good, Map.of());
        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        assertThat(imported.json().get("imported").asInt()).isEqualTo(2);
        JsonNode records = api.get("/api/v1/organizations/" + province.id() + "/training-records?year=2026")
                .json()
                .get("records");
        assertThat(records.size()).isEqualTo(2);
        assertThat(records.toString()).contains("CC-001").contains(an.username() + "@example.test");
        long first = imported.json().get("ids").get(0).asLong();
        assertThat(audits("TRAINING_RECORDED", first)).isEqualTo(1);
        assertThat(http.api(data.person(other, Role.SECURITY_OFFICER).token())
                        .upload(path, "dao-tao.xlsx", good, Map.of())
                        .status())
                .as("another subtree")
                .isEqualTo(404);
    }

    @Test
    void theTemplateHasTheImportedSheetAndItsHeaders() throws IOException {
        TestData.Org unit = data.org(data.root(), "Sở mẫu đào tạo");
        TestData.Person officer = data.person(unit, Role.SECURITY_OFFICER);
        Http.Session s = http.session();
        assertThat(s.login(officer.username(), TestData.PASSWORD).status()).isEqualTo(302);
        Http.Response r = s.get("/training/template.xlsx");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Disposition")).contains("attachment");
        try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(importer.template()))) {
            assertThat(wb.getSheet("Đào tạo").getRow(0).getCell(2).getStringCellValue())
                    .isEqualTo("Ngày hoàn thành (dd/MM/yyyy)");
        }
    }
}
