package vn.khien.incidents.network;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vn.khien.platform.documents.AdministrativeDocument;

/**
 * The member's periodic report (Biểu mẫu 05, TT 20/2017 Đ6.1.c) as DOCX in the shared Vietnamese administrative layout
 * ({@link AdministrativeDocument}: issuing body and national motto side by side, place and date, title,
 * "Kính gửi", figures, signature block): the incidents received and handled in the period, by category, severity and
 * state, and by unit. Aggregates only: no incident's title leaves its unit through this document.
 */
final class MemberReportDocument {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    record Figures(
            int total,
            int resolved,
            int inProgress,
            int rejected,
            Map<String, Integer> byCategory,
            Map<String, Integer> bySeverity,
            Map<String, Integer> byUnit) {}

    record Input(
            String organizationName,
            String reportTitle,
            String formName,
            String legalSource,
            String periodSource,
            NetworkRules.ReportPeriod period,
            String recipient,
            Figures figures,
            ZonedDateTime at,
            String signer) {}

    private MemberReportDocument() {}

    static byte[] render(Input in) {
        Figures f = in.figures();
        return AdministrativeDocument.of(
                        in.organizationName(), "Số: ……/BC-ƯCSC", "……", in.at().toLocalDate())
                .formName(in.formName())
                .title("BÁO CÁO")
                .subtitle(in.reportTitle() + " về hoạt động ứng cứu sự cố an toàn thông tin mạng năm "
                        + in.period().year())
                .centredItalic("(Kỳ báo cáo: từ ngày " + in.period().from().format(DAY) + " đến ngày "
                        + in.period().to().format(DAY) + ")")
                .addressees(in.recipient())
                .italic("Căn cứ: " + in.legalSource() + ".")
                .heading("I. TÌNH HÌNH TIẾP NHẬN, XỬ LÝ SỰ CỐ")
                .table(
                        List.of("Chỉ tiêu", "Số lượng"),
                        List.of(
                                List.of("Tổng số sự cố tiếp nhận", String.valueOf(f.total())),
                                List.of("Đã xử lý xong", String.valueOf(f.resolved())),
                                List.of("Đang xử lý", String.valueOf(f.inProgress())),
                                List.of("Xác minh không phải sự cố", String.valueOf(f.rejected()))))
                .heading("II. PHÂN LOẠI SỰ CỐ THEO LOẠI")
                .table(List.of("Loại sự cố", "Số lượng"), rows(f.byCategory()))
                .heading("III. PHÂN LOẠI SỰ CỐ THEO MỨC ĐỘ")
                .table(List.of("Mức độ", "Số lượng"), rows(f.bySeverity()))
                .heading("IV. SỰ CỐ THEO ĐƠN VỊ")
                .table(List.of("Đơn vị", "Số lượng"), rows(f.byUnit()))
                .heading("V. ĐỀ XUẤT, KIẾN NGHỊ")
                .paragraph("……")
                .italic("Ghi chú kỳ số liệu: " + in.periodSource() + ".")
                .signature(
                        AdministrativeDocument.RECIPIENTS,
                        "THỦ TRƯỞNG ĐƠN VỊ",
                        "(Ký, ghi rõ họ tên, đóng dấu hoặc ký số)",
                        in.signer())
                .bytes();
    }

    private static List<List<String>> rows(Map<String, Integer> counts) {
        List<List<String>> rows = new ArrayList<>();
        if (counts.isEmpty()) {
            rows.add(List.of("(không có)", "0"));
        }
        counts.forEach((k, v) -> rows.add(List.of(k, String.valueOf(v))));
        return rows;
    }
}
