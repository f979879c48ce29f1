package vn.khien.platform.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;

class AdministrativeDocumentTest {

    @Test
    void placeAndDateTakesLeadingZerosForDaysUnderTenAndTheFirstTwoMonths() {
        assertThat(AdministrativeDocument.placeAndDate("Hà Nội", LocalDate.of(2026, 2, 5)))
                .isEqualTo("Hà Nội, ngày 05 tháng 02 năm 2026");
        assertThat(AdministrativeDocument.placeAndDate("Huế", LocalDate.of(2026, 9, 10)))
                .isEqualTo("Huế, ngày 10 tháng 9 năm 2026");
        assertThat(AdministrativeDocument.placeAndDate("……", LocalDate.of(2026, 12, 1)))
                .isEqualTo("……, ngày 01 tháng 12 năm 2026");
    }

    @Test
    void aDocumentHasEveryPartOfTheLayout() throws Exception {
        byte[] docx = AdministrativeDocument.of(
                        "Sở Y tế tỉnh Bình An", "Số: 12/BC-SYT", "Bình An", LocalDate.of(2026, 1, 7))
                .formName("Biểu mẫu 05")
                .title("BÁO CÁO")
                .subtitle("Về tình hình")
                .addressees("Cục An toàn thông tin")
                .italic("Căn cứ: Thông tư 20/2017/TT-BTTTT.")
                .heading("I. SỐ LIỆU")
                .table(List.of("Chỉ tiêu", "Số lượng"), List.of(List.of("Sự cố", "3")))
                .fields(List.<String[]>of(new String[] {"Mô tả", "dòng 1\ndòng 2"}))
                .paragraph("Nội dung.\nĐoạn hai.")
                .signature(
                        AdministrativeDocument.RECIPIENTS, "GIÁM ĐỐC", "(Ký, ghi rõ họ tên, đóng dấu)", "Trần Văn Ba")
                .bytes();
        AdministrativeLayout.Parts parts = AdministrativeLayout.assertLayout(docx);
        assertThat(parts.issuer()).isEqualTo("SỞ Y TẾ TỈNH BÌNH AN");
        assertThat(parts.number()).isEqualTo("Số: 12/BC-SYT");
        assertThat(parts.placeAndDate()).isEqualTo("Bình An, ngày 07 tháng 01 năm 2026");
        assertThat(parts.capacity()).isEqualTo("GIÁM ĐỐC");
        assertThat(parts.signer()).isEqualTo("Trần Văn Ba");
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx));
                XWPFWordExtractor x = new XWPFWordExtractor(doc)) {
            assertThat(x.getText())
                    .contains("Kính gửi: Cục An toàn thông tin")
                    .contains("Nơi nhận:")
                    .contains("- Lưu: VT.")
                    .contains("Biểu mẫu 05");
            assertThat(doc.getDocument().getBody().getSectPr().getPgMar().getLeft())
                    .hasToString("1701");
        }
    }

    @Test
    void aMissingSignerLeavesTheNameBlankAndNoRecipientsLeavesTheLeftCellEmpty() {
        byte[] docx = AdministrativeDocument.of("Đơn vị", "Số: ……", "……", LocalDate.of(2026, 12, 20))
                .title("HỒ SƠ")
                .signature(List.of(), "ĐẠI DIỆN ĐƠN VỊ VẬN HÀNH", "(Ký, ghi rõ họ tên)", null)
                .bytes();
        AdministrativeLayout.Parts parts = AdministrativeLayout.assertLayout(docx);
        assertThat(parts.signer()).isEmpty();
        assertThat(parts.placeAndDate()).isEqualTo("……, ngày 20 tháng 12 năm 2026");
    }
}
