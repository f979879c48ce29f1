package vn.khien.reports.periodic;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTBorder;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblBorders;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STBorder;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;
import vn.khien.platform.DateDisplay;
import vn.khien.reports.kinds.ReportKind;

/**
 * A report's documents from one content: DOCX in the administrative layout of Nghị định 30/2020/NĐ-CP (issuing body
 * and number on the left, national emblem lines on the right, place and date, title, addressee, body, recipients and
 * signature block; Times New Roman 13–14 pt, margins 20–30 mm), XLSX annexes (one sheet per figure table, the
 * children's roll-up and the Mẫu 08 per-system table) and PDF with an embedded font that carries Vietnamese.
 * Documents are in Vietnamese, the language of the administrative record.
 */
@Component
class ReportDocuments {
    static final String NATION = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
    static final String MOTTO = "Độc lập - Tự do - Hạnh phúc";
    static final String FONT = "Times New Roman";
    static final Locale VI = Locale.forLanguageTag("vi");

    private final MessageSource messages;
    private final Form08Annex form08;

    public ReportDocuments(MessageSource messages, Form08Annex form08) {
        this.messages = messages;
        this.form08 = form08;
    }

    /** The text content shared by DOCX and PDF. */
    record Content(
            String issuer,
            String number,
            String place,
            LocalDate date,
            String title,
            String subtitle,
            String addressee,
            String legalBasis,
            List<Table> tables,
            String signerTitle,
            String signer) {}

    record Table(String title, List<String> header, List<List<String>> rows) {}

    Content content(ReportService.ReportView v) {
        PeriodicReport r = v.report();
        ReportKind kind = v.kind();
        List<Table> tables = new ArrayList<>();
        for (ReportKind.Section s : kind.sections()) {
            List<List<String>> rows = new ArrayList<>();
            int i = 1;
            for (String f : s.figures()) {
                rows.add(List.of(
                        String.valueOf(i++),
                        label(f),
                        value(v.compilation().totals().get(f))));
            }
            tables.add(new Table(s.titleVi(), List.of("STT", "Chỉ tiêu", "Số liệu"), rows));
        }
        if (!v.compilation().children().isEmpty()) {
            List<List<String>> rows = new ArrayList<>();
            int i = 1;
            List<String> key =
                    kind.sections().get(0).figures().stream().limit(3).toList();
            for (Compilation.ChildRow c : v.compilation().children()) {
                List<String> row = new ArrayList<>(List.of(
                        String.valueOf(i++), c.name(), stateLabel(c.state()), DateDisplay.DATE.format(c.dueOn())));
                key.forEach(f -> row.add(value(c.figures().get(f))));
                rows.add(row);
            }
            List<String> header = new ArrayList<>(List.of("STT", "Đơn vị", "Tình trạng báo cáo", "Hạn nộp"));
            key.forEach(f -> header.add(label(f)));
            tables.add(new Table("Tổng hợp báo cáo của các đơn vị trực thuộc", header, rows));
        }
        LocalDate date = r.documentDate() != null ? r.documentDate() : LocalDate.now(ReportService.ZONE);
        String number = "Số: " + (r.documentNumber() != null ? r.documentNumber() : "……/BC");
        String subtitle = "Kỳ báo cáo " + r.period() + " (số liệu từ ngày " + DateDisplay.DATE.format(r.periodFrom())
                + " đến ngày " + DateDisplay.DATE.format(r.periodTo()) + ")";
        return new Content(
                r.organizationName(),
                number,
                "……",
                date,
                kind.titleVi().toUpperCase(VI),
                subtitle,
                "Kính gửi: cơ quan cấp trên trực tiếp",
                "Căn cứ " + kind.legalSource() + ".",
                tables,
                "THỦ TRƯỞNG CƠ QUAN",
                r.signerName() == null ? "" : r.signerName());
    }

    String label(String figure) {
        return messages.getMessage("figure." + figure, null, figure, VI);
    }

    static String value(Long v) {
        return v == null ? "không có dữ liệu" : String.valueOf(v);
    }

    String stateLabel(String state) {
        return messages.getMessage("reports.child." + state, null, state, VI);
    }

    public byte[] docx(ReportService.ReportView v) {
        Content c = content(v);
        try (XWPFDocument doc = new XWPFDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CTSectPr sect = doc.getDocument().getBody().addNewSectPr();
            CTPageMar mar = sect.addNewPgMar();
            mar.setTop(BigInteger.valueOf(1134));
            mar.setBottom(BigInteger.valueOf(1134));
            mar.setLeft(BigInteger.valueOf(1701));
            mar.setRight(BigInteger.valueOf(1134));
            XWPFTable header = borderless(doc.createTable(1, 2));
            XWPFTableCell left = header.getRow(0).getCell(0);
            line(left.getParagraphs().get(0), c.issuer().toUpperCase(VI), 13, true, false);
            line(left.addParagraph(), c.number(), 13, false, false);
            XWPFTableCell right = header.getRow(0).getCell(1);
            line(right.getParagraphs().get(0), NATION, 13, true, false);
            line(right.addParagraph(), MOTTO, 14, true, false);
            line(right.addParagraph(), placeAndDate(c), 14, false, true);
            para(doc, c.title(), 14, true, ParagraphAlignment.CENTER);
            para(doc, c.subtitle(), 14, false, ParagraphAlignment.CENTER);
            para(doc, c.addressee(), 14, false, ParagraphAlignment.CENTER);
            para(doc, c.legalBasis(), 14, false, ParagraphAlignment.BOTH);
            int n = 1;
            for (Table t : c.tables()) {
                para(doc, roman(n++) + ". " + t.title(), 14, true, ParagraphAlignment.LEFT);
                XWPFTable table =
                        doc.createTable(t.rows().size() + 1, t.header().size());
                fill(table.getRow(0).getTableCells(), t.header(), true);
                for (int i = 0; i < t.rows().size(); i++) {
                    fill(table.getRow(i + 1).getTableCells(), t.rows().get(i), false);
                }
            }
            XWPFTable sign = borderless(doc.createTable(1, 2));
            XWPFTableCell recipients = sign.getRow(0).getCell(0);
            line(recipients.getParagraphs().get(0), "Nơi nhận:", 12, true, true);
            line(recipients.addParagraph(), "- Như trên;", 11, false, false);
            line(recipients.addParagraph(), "- Lưu: VT.", 11, false, false);
            XWPFTableCell signer = sign.getRow(0).getCell(1);
            line(signer.getParagraphs().get(0), c.signerTitle(), 14, true, false);
            line(signer.addParagraph(), "(Ký, ghi rõ họ tên và đóng dấu)", 13, false, true);
            line(signer.addParagraph(), "", 14, false, false);
            line(signer.addParagraph(), c.signer(), 14, true, false);
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public byte[] xlsx(ReportService.ReportView v) {
        Content c = content(v);
        try (XSSFWorkbook wb = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Font bold = wb.createFont();
            bold.setBold(true);
            bold.setFontName(FONT);
            CellStyle head = wb.createCellStyle();
            head.setFont(bold);
            int n = 1;
            for (Table t : c.tables()) {
                Sheet sheet = wb.createSheet(safeSheet(n++ + ". " + t.title()));
                Row title = sheet.createRow(0);
                title.createCell(0).setCellValue(c.title() + " — " + t.title());
                title.getCell(0).setCellStyle(head);
                sheet.createRow(1).createCell(0).setCellValue(c.subtitle());
                write(sheet, 3, t.header(), head);
                for (int i = 0; i < t.rows().size(); i++) {
                    write(sheet, 4 + i, t.rows().get(i), null);
                }
                sheet.setColumnWidth(1, 60 * 256);
            }
            if (v.kind().form08Table()) {
                Sheet sheet = wb.createSheet("Mẫu 08");
                Row title = sheet.createRow(0);
                title.createCell(0).setCellValue("Mẫu 08 — Danh mục hệ thống thông tin");
                title.getCell(0).setCellStyle(head);
                write(
                        sheet,
                        2,
                        List.of(
                                "(1) STT",
                                "(2) Tên hệ thống thông tin",
                                "(3) Chủ quản",
                                "(4) Đơn vị vận hành",
                                "(5) Cấp độ",
                                "(6) Tình trạng phê duyệt",
                                "(7) Quyết định phê duyệt",
                                "(8) Quyết định ban hành quy chế",
                                "(9) Dự kiến thời gian phê duyệt",
                                "(10) Tình trạng triển khai phương án",
                                "(11) Dự kiến thời gian triển khai đầy đủ",
                                "(12) Tình trạng kiểm tra, đánh giá"),
                        head);
                int i = 1;
                for (Form08Annex.Line line : form08.shown(v.report())) {
                    write(sheet, 2 + i, line.cells(i), null);
                    i++;
                }
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public byte[] pdf(ReportService.ReportView v) {
        Content c = content(v);
        StringBuilder h = new StringBuilder("<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"UTF-8\"/><style>"
                        + "@page { size: A4; margin: 20mm 15mm 20mm 30mm; }"
                        + "body { font-family: 'Khien Serif'; font-size: 13pt; }"
                        + "table { border-collapse: collapse; width: 100%; }"
                        + "table.grid td, table.grid th { border: 0.5pt solid #000; padding: 2pt 4pt; font-size: 11pt; }"
                        + ".c { text-align: center; } .b { font-weight: bold; } .i { font-style: italic; }"
                        + "h1 { font-size: 14pt; text-align: center; margin: 12pt 0 0 0; } h2 { font-size: 13pt; }"
                        + "</style><title>")
                .append(esc(c.title()))
                .append("</title></head><body>");
        h.append("<table><tr><td class=\"c\" style=\"width:40%\"><div class=\"b\">")
                .append(esc(c.issuer().toUpperCase(VI)))
                .append("</div><div>")
                .append(esc(c.number()))
                .append("</div></td><td class=\"c\"><div class=\"b\">")
                .append(NATION)
                .append("</div><div class=\"b\">")
                .append(MOTTO)
                .append("</div><div class=\"i\">")
                .append(esc(placeAndDate(c)))
                .append("</div></td></tr></table>");
        h.append("<h1>")
                .append(esc(c.title()))
                .append("</h1><p class=\"c\">")
                .append(esc(c.subtitle()))
                .append("</p><p class=\"c\">")
                .append(esc(c.addressee()))
                .append("</p><p>")
                .append(esc(c.legalBasis()))
                .append("</p>");
        int n = 1;
        for (Table t : c.tables()) {
            h.append("<h2>")
                    .append(roman(n++))
                    .append(". ")
                    .append(esc(t.title()))
                    .append("</h2><table class=\"grid\"><tr>");
            t.header().forEach(x -> h.append("<th>").append(esc(x)).append("</th>"));
            h.append("</tr>");
            for (List<String> row : t.rows()) {
                h.append("<tr>");
                row.forEach(x -> h.append("<td>").append(esc(x)).append("</td>"));
                h.append("</tr>");
            }
            h.append("</table>");
        }
        h.append("<table style=\"margin-top:16pt\"><tr><td style=\"width:50%\"><div class=\"b i\">Nơi nhận:</div>"
                        + "<div>- Như trên;</div><div>- Lưu: VT.</div></td><td class=\"c\"><div class=\"b\">")
                .append(esc(c.signerTitle()))
                .append("</div><div class=\"i\">(Ký, ghi rõ họ tên và đóng dấu)</div>"
                        + "<div style=\"height:40pt\"></div><div class=\"b\">")
                .append(esc(c.signer()))
                .append("</div></td></tr></table></body></html>");
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder b = new PdfRendererBuilder();
            b.useFastMode();
            b.useFont(
                    () -> ReportDocuments.class.getResourceAsStream("/fonts/DejaVuSerif.ttf"),
                    "Khien Serif",
                    400,
                    PdfRendererBuilder.FontStyle.NORMAL,
                    true);
            b.useFont(
                    () -> ReportDocuments.class.getResourceAsStream("/fonts/DejaVuSerif-Bold.ttf"),
                    "Khien Serif",
                    700,
                    PdfRendererBuilder.FontStyle.NORMAL,
                    true);
            b.withHtmlContent(h.toString(), null);
            b.toStream(out);
            b.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String esc(String s) {
        return s == null ? "" : HtmlUtils.htmlEscape(s, "UTF-8");
    }

    private static String placeAndDate(Content c) {
        LocalDate d = c.date();
        return c.place() + ", ngày " + two(d.getDayOfMonth()) + " tháng " + two(d.getMonthValue()) + " năm "
                + d.getYear();
    }

    private static String two(int n) {
        return n < 10 ? "0" + n : String.valueOf(n);
    }

    private static String roman(int n) {
        String[] r = {"", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"};
        return n < r.length ? r[n] : String.valueOf(n);
    }

    private static String safeSheet(String name) {
        String s = name.replaceAll("[\\\\/?*\\[\\]:]", " ");
        return s.length() > 31 ? s.substring(0, 31) : s;
    }

    private static void write(Sheet sheet, int rowIndex, List<String> values, CellStyle style) {
        Row row = sheet.createRow(rowIndex);
        for (int i = 0; i < values.size(); i++) {
            Cell cell = row.createCell(i);
            String v = values.get(i);
            if (v != null && v.matches("\\d{1,15}") && i > 0) {
                cell.setCellValue(Long.parseLong(v));
            } else {
                cell.setCellValue(v);
            }
            if (style != null) {
                cell.setCellStyle(style);
            }
        }
    }

    private static XWPFTable borderless(XWPFTable table) {
        CTTblBorders borders = table.getCTTbl().getTblPr().addNewTblBorders();
        for (CTBorder b : new CTBorder[] {
            borders.addNewTop(),
            borders.addNewBottom(),
            borders.addNewLeft(),
            borders.addNewRight(),
            borders.addNewInsideH(),
            borders.addNewInsideV()
        }) {
            b.setVal(STBorder.NONE);
        }
        return table;
    }

    private static void fill(List<XWPFTableCell> cells, List<String> values, boolean bold) {
        for (int i = 0; i < cells.size() && i < values.size(); i++) {
            line(cells.get(i).getParagraphs().get(0), values.get(i), 12, bold, false);
        }
    }

    private static void para(XWPFDocument doc, String text, int size, boolean bold, ParagraphAlignment align) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(align);
        p.setSpacingBefore(120);
        style(p.createRun(), text, size, bold, false);
    }

    private static void line(XWPFParagraph p, String text, int size, boolean bold, boolean italic) {
        p.setAlignment(ParagraphAlignment.CENTER);
        style(p.createRun(), text, size, bold, italic);
    }

    private static void style(XWPFRun run, String text, int size, boolean bold, boolean italic) {
        run.setFontFamily(FONT);
        run.setFontSize(size);
        run.setBold(bold);
        run.setItalic(italic);
        run.setText(text);
    }

    /** Figures as "label: value" lines (used by the page). */
    Map<String, String> labels(Iterable<String> figures) {
        Map<String, String> out = new LinkedHashMap<>();
        figures.forEach(f -> out.put(f, label(f)));
        return out;
    }
}
