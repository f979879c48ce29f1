package vn.khien.obligations.awareness;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** The uploaded audience: CSV or XLSX, a header allowed, every wrong line named, nothing kept when one is wrong. */
class RecipientListTest {

    @Test
    void aCsvWithAHeaderAndGoodLinesIsRead() {
        RecipientList.Result r = RecipientList.read(
                "ds.csv",
                "\uFEFFThư điện tử,Họ và tên\nan@so.gov.vn,Nguyễn Văn An\n\nbinh@so.gov.vn,\"Trần, Bình\"\n"
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(r.problems()).isEmpty();
        assertThat(r.recipients())
                .extracting(
                        RecipientList.Recipient::email, RecipientList.Recipient::name, RecipientList.Recipient::line)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("an@so.gov.vn", "Nguyễn Văn An", 2),
                        org.assertj.core.groups.Tuple.tuple("binh@so.gov.vn", "Trần, Bình", 4));
    }

    @Test
    void everyWrongLineIsNamedAndNothingIsKept() {
        RecipientList.Result r = RecipientList.read(
                "ds.csv", "an@so.gov.vn;An\nkhong-hop-le;B\n;C\nAN@so.gov.vn;\n".getBytes(StandardCharsets.UTF_8));
        assertThat(r.recipients()).isEmpty();
        assertThat(r.problems())
                .extracting(RecipientList.Problem::line, RecipientList.Problem::messageKey)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(2, "awareness.list.emailInvalid"),
                        org.assertj.core.groups.Tuple.tuple(3, "awareness.list.emailMissing"),
                        org.assertj.core.groups.Tuple.tuple(4, "awareness.list.duplicate"),
                        org.assertj.core.groups.Tuple.tuple(4, "awareness.list.nameMissing"));
        assertThat(r.problems().get(2).args()).containsExactly("AN@so.gov.vn", "1");
    }

    @Test
    void anXlsxIsReadAndAnEmptyOrUnreadableFileIsRefused() throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet s = wb.createSheet("Danh sách");
            Row h = s.createRow(0);
            h.createCell(0).setCellValue("Email");
            h.createCell(1).setCellValue("Họ tên");
            Row a = s.createRow(1);
            a.createCell(0).setCellValue("cuong@bv.gov.vn");
            a.createCell(1).setCellValue("Lê Cường");
            wb.write(out);
            RecipientList.Result r = RecipientList.read("ds.xlsx", out.toByteArray());
            assertThat(r.ok()).isTrue();
            assertThat(r.recipients().get(0).line()).isEqualTo(2);
        }
        assertThat(RecipientList.read("ds.csv", "Email,Tên\n".getBytes(StandardCharsets.UTF_8))
                        .problems()
                        .get(0)
                        .messageKey())
                .isEqualTo("awareness.list.empty");
        assertThat(RecipientList.read("ds.xlsx", "not a workbook".getBytes(StandardCharsets.UTF_8))
                        .problems()
                        .get(0)
                        .messageKey())
                .isEqualTo("awareness.list.unreadable");
    }
}
