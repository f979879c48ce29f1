package vn.khien.incidents.network;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.UnderlinePatterns;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;

/**
 * The member's periodic report (Biểu mẫu 05, TT 20/2017 Đ6.1.c) as DOCX in the Vietnamese administrative layout used
 * by the incident reports of this module (issuing body and national motto side by side, place and date, title,
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
        try (XWPFDocument doc = new XWPFDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            header(doc, in.organizationName(), in.at());
            para(doc, in.formName(), true, false, ParagraphAlignment.RIGHT);
            para(doc, "BÁO CÁO", true, false, ParagraphAlignment.CENTER);
            para(
                    doc,
                    in.reportTitle() + " về hoạt động ứng cứu sự cố an toàn thông tin mạng năm "
                            + in.period().year(),
                    true,
                    false,
                    ParagraphAlignment.CENTER);
            para(
                    doc,
                    "(Kỳ báo cáo: từ ngày " + in.period().from().format(DAY) + " đến ngày "
                            + in.period().to().format(DAY) + ")",
                    false,
                    true,
                    ParagraphAlignment.CENTER);
            para(doc, "Kính gửi: " + in.recipient(), false, false, ParagraphAlignment.CENTER);
            para(doc, "Căn cứ: " + in.legalSource() + ".", false, true, ParagraphAlignment.LEFT);
            para(doc, "I. TÌNH HÌNH TIẾP NHẬN, XỬ LÝ SỰ CỐ", true, false, ParagraphAlignment.LEFT);
            Figures f = in.figures();
            table(
                    doc,
                    List.of(
                            new String[] {"Chỉ tiêu", "Số lượng"},
                            new String[] {"Tổng số sự cố tiếp nhận", String.valueOf(f.total())},
                            new String[] {"Đã xử lý xong", String.valueOf(f.resolved())},
                            new String[] {"Đang xử lý", String.valueOf(f.inProgress())},
                            new String[] {"Xác minh không phải sự cố", String.valueOf(f.rejected())}));
            para(doc, "II. PHÂN LOẠI SỰ CỐ THEO LOẠI", true, false, ParagraphAlignment.LEFT);
            table(doc, rows("Loại sự cố", f.byCategory()));
            para(doc, "III. PHÂN LOẠI SỰ CỐ THEO MỨC ĐỘ", true, false, ParagraphAlignment.LEFT);
            table(doc, rows("Mức độ", f.bySeverity()));
            para(doc, "IV. SỰ CỐ THEO ĐƠN VỊ", true, false, ParagraphAlignment.LEFT);
            table(doc, rows("Đơn vị", f.byUnit()));
            para(doc, "V. ĐỀ XUẤT, KIẾN NGHỊ", true, false, ParagraphAlignment.LEFT);
            para(doc, "……", false, false, ParagraphAlignment.LEFT);
            para(doc, "Ghi chú kỳ số liệu: " + in.periodSource() + ".", false, true, ParagraphAlignment.LEFT);
            signature(doc, in.signer());
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String[]> rows(String head, Map<String, Integer> counts) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {head, "Số lượng"});
        if (counts.isEmpty()) {
            rows.add(new String[] {"(không có)", "0"});
        }
        counts.forEach((k, v) -> rows.add(new String[] {k, String.valueOf(v)}));
        return rows;
    }

    private static void header(XWPFDocument doc, String organization, ZonedDateTime at) {
        XWPFTable t = doc.createTable(1, 2);
        t.removeBorders();
        t.setWidth("100%");
        cell(t.getRow(0).getCell(0), List.of(new String[] {organization.toUpperCase(Locale.ROOT), "b"}, new String[] {
            "Số: ……/BC-ƯCSC", ""
        }));
        LocalDate d = at.toLocalDate();
        cell(
                t.getRow(0).getCell(1),
                List.of(
                        new String[] {"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "b"},
                        new String[] {"Độc lập - Tự do - Hạnh phúc", "bu"},
                        new String[] {
                            "……, ngày " + d.getDayOfMonth() + " tháng " + d.getMonthValue() + " năm " + d.getYear(), "i"
                        }));
    }

    private static void cell(XWPFTableCell c, List<String[]> lines) {
        c.removeParagraph(0);
        for (String[] l : lines) {
            XWPFParagraph p = c.addParagraph();
            p.setAlignment(ParagraphAlignment.CENTER);
            XWPFRun r = p.createRun();
            font(r);
            r.setText(l[0]);
            r.setBold(l[1].contains("b"));
            r.setItalic(l[1].contains("i"));
            if (l[1].contains("u")) {
                r.setUnderline(UnderlinePatterns.SINGLE);
            }
        }
    }

    private static void table(XWPFDocument doc, List<String[]> rows) {
        XWPFTable t = doc.createTable(rows.size(), 2);
        t.setWidth("100%");
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < 2; c++) {
                XWPFRun run = t.getRow(r).getCell(c).getParagraphs().get(0).createRun();
                font(run);
                run.setBold(r == 0);
                run.setText(rows.get(r)[c]);
            }
        }
    }

    private static void signature(XWPFDocument doc, String signer) {
        XWPFTable t = doc.createTable(1, 2);
        t.removeBorders();
        t.setWidth("100%");
        cell(
                t.getRow(0).getCell(0),
                List.of(new String[] {"Nơi nhận:", "bi"}, new String[] {"- Như trên;", ""}, new String[] {
                    "- Lưu: VT.", ""
                }));
        cell(
                t.getRow(0).getCell(1),
                List.of(
                        new String[] {"THỦ TRƯỞNG ĐƠN VỊ", "b"},
                        new String[] {"(Ký, ghi rõ họ tên, đóng dấu hoặc ký số)", "i"},
                        new String[] {"", ""},
                        new String[] {signer == null ? "" : signer, "b"}));
    }

    private static void para(XWPFDocument doc, String text, boolean bold, boolean italic, ParagraphAlignment align) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(align);
        XWPFRun r = p.createRun();
        font(r);
        r.setBold(bold);
        r.setItalic(italic);
        r.setText(text);
    }

    private static void font(XWPFRun r) {
        r.setFontFamily("Times New Roman");
        r.setFontSize(13);
    }
}
