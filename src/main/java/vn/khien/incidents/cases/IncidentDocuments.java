package vn.khien.incidents.cases;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.UnderlinePatterns;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.springframework.stereotype.Component;
import vn.khien.incidents.deadlines.DeadlineAssessment;
import vn.khien.incidents.deadlines.ReportKind;

/**
 * Incident reports as DOCX in the Vietnamese administrative layout (issuing body and national motto side by side,
 * place and date, title, "Kính gửi", content, signature block), prefilled from the case. Field lists follow
 * regulation.md §7.2 (Biểu mẫu 03, 04; notice content of TT 20 Đ9.4) and §7.1 (initial report content, QĐ 05 Đ11).
 */
@Component
class IncidentDocuments {

    static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy");

    public record Input(
            Incident incident,
            ReportKind kind,
            IncidentCatalogue.Form form,
            DeadlineAssessment assessment,
            String recipients,
            String emailSubject,
            Instant at,
            String signer,
            IncidentRepository.SystemInfo system,
            List<IncidentRepository.Submission> earlier,
            List<IncidentRepository.Indicator> indicators,
            String categoryName) {}

    public byte[] render(Input in) {
        Incident i = in.incident();
        try (XWPFDocument doc = new XWPFDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ZonedDateTime at = in.at().atZone(VN);
            header(doc, i.organizationName(), at);
            if (in.form().formVi() != null && !in.form().formVi().isBlank()) {
                para(doc, in.form().formVi(), true, false, ParagraphAlignment.RIGHT);
            }
            para(doc, in.form().titleVi(), true, false, ParagraphAlignment.CENTER);
            para(doc, "Sự cố số " + i.id() + ": " + i.title(), false, true, ParagraphAlignment.CENTER);
            para(
                    doc,
                    "Kính gửi: " + (in.recipients() == null || in.recipients().isBlank() ? "……" : in.recipients()),
                    false,
                    false,
                    ParagraphAlignment.CENTER);
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"Căn cứ pháp lý", in.form().legalRef()});
            rows.add(new String[] {
                "Chế độ áp dụng",
                in.assessment().regime().nameVi()
                        + (in.assessment().regime().choice()
                                ? " — " + in.assessment().regime().choiceVi()
                                : "")
            });
            rows.add(new String[] {"Tổ chức báo cáo (đơn vị vận hành)", i.organizationName()});
            rows.add(new String[] {
                "Hệ thống bị sự cố",
                in.system() == null ? "(chưa xác định)" : in.system().name()
            });
            rows.add(new String[] {
                "Cấp độ hệ thống",
                in.system() == null || in.system().level() == null
                        ? "(chưa có)"
                        : String.valueOf(in.system().level())
            });
            rows.add(new String[] {"Loại sự cố", in.categoryName()});
            rows.add(new String[] {
                "Thời điểm phát hiện",
                i.detectedAtWithOffset().atZoneSameInstant(VN).format(DATE_TIME)
            });
            rows.add(new String[] {"Mô tả sự cố", i.description() == null ? "" : i.description()});
            rows.add(new String[] {
                "Đánh giá sơ bộ",
                (in.assessment().serious() ? "Sự cố nghiêm trọng" : "Sự cố thông thường")
                        + (i.beyondCapacity() ? "; vượt quá khả năng xử lý của đơn vị" : "")
                        + (i.nationalSecuritySigns() ? "; có dấu hiệu liên quan an ninh quốc gia" : "")
            });
            rows.add(new String[] {"Tình trạng xử lý", statusVi(i.status())});
            if (in.kind() == ReportKind.FORM04_END || in.kind() == ReportKind.CLOSING) {
                String initial = in.earlier().stream()
                        .filter(s -> s.kind().equals(ReportKind.FORM03_INITIAL.name())
                                || s.kind().equals(ReportKind.INITIAL_24H.name()))
                        .findFirst()
                        .map(s -> "Số " + s.id() + ", "
                                + s.submittedAt().atZone(VN).format(DATE_TIME))
                        .orElse("(không có)");
                rows.add(new String[] {"Số, ngày báo cáo ban đầu", initial});
                rows.add(new String[] {
                    "Thời điểm kết thúc ứng phó",
                    i.responseEndedAt() == null
                            ? "(chưa kết thúc)"
                            : i.responseEndedAt().atZone(VN).format(DATE_TIME)
                });
                rows.add(new String[] {"Kết quả xử lý", "Diễn biến, cách thức xử lý và kiến nghị phòng ngừa: ……"});
            }
            if (!in.indicators().isEmpty()) {
                StringBuilder b = new StringBuilder();
                in.indicators()
                        .forEach(x -> b.append(x.kind())
                                .append(": ")
                                .append(x.value())
                                .append("\n"));
                rows.add(new String[] {"Dấu hiệu nhận biết (IoC)", b.toString().strip()});
            }
            rows.add(new String[] {"Kiến nghị, đề xuất hỗ trợ", "……"});
            rows.add(new String[] {"Tiêu đề thư điện tử", in.emailSubject()});
            table(doc, rows);
            para(doc, "Thời gian báo cáo: " + at.format(DATE_TIME), false, true, ParagraphAlignment.LEFT);
            signature(doc, in.signer());
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String statusVi(IncidentStatus s) {
        return switch (s) {
            case NEW -> "Mới tiếp nhận, chưa xác minh";
            case VERIFIED -> "Đã xác minh";
            case CONTAINED -> "Đã ngăn chặn";
            case ERADICATED -> "Đã loại bỏ nguyên nhân";
            case RECOVERED -> "Đã khôi phục";
            case CLOSED -> "Đã đóng";
            case REJECTED -> "Không phải sự cố";
        };
    }

    private static void header(XWPFDocument doc, String organization, ZonedDateTime at) {
        XWPFTable t = doc.createTable(1, 2);
        t.removeBorders();
        t.setWidth("100%");
        cell(t.getRow(0).getCell(0), List.of(new String[] {organization.toUpperCase(Locale.ROOT), "b"}, new String[] {
            "Số: ……/BC-ƯCSC", ""
        }));
        cell(
                t.getRow(0).getCell(1),
                List.of(
                        new String[] {"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "b"},
                        new String[] {"Độc lập - Tự do - Hạnh phúc", "bu"},
                        new String[] {
                            "……, ngày " + at.getDayOfMonth() + " tháng " + at.getMonthValue() + " năm " + at.getYear(),
                            "i"
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
                XWPFTableCell cell = t.getRow(r).getCell(c);
                XWPFParagraph p = cell.getParagraphs().get(0);
                String[] lines = rows.get(r)[c] == null ? new String[] {""} : rows.get(r)[c].split("\n");
                XWPFRun run = p.createRun();
                font(run);
                run.setBold(c == 0);
                for (int k = 0; k < lines.length; k++) {
                    if (k > 0) {
                        run.addBreak();
                    }
                    run.setText(lines[k]);
                }
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
                        new String[] {"NGƯỜI BÁO CÁO", "b"},
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
