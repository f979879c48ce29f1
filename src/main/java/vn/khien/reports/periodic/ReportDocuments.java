package vn.khien.reports.periodic;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
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
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;
import vn.khien.platform.DateDisplay;
import vn.khien.platform.documents.AdministrativeDocument;
import vn.khien.reports.kinds.PeriodWords;
import vn.khien.reports.kinds.ReportKind;
import vn.khien.reports.kinds.ReportPeriod;

/**
 * A report's documents from one content: DOCX in the administrative layout of Nghị định 30/2020/NĐ-CP (issuing body
 * and number on the left, national emblem lines on the right, place and date, title, addressee, body, recipients and
 * signature block; Times New Roman 13–14 pt, margins 20–30 mm), XLSX annexes (one sheet per figure table, the
 * children's roll-up and the Mẫu 08 per-system table) and PDF with an embedded font that carries Vietnamese.
 * Documents are in Vietnamese, the language of the administrative record.
 */
@Component
class ReportDocuments {
    static final String FONT = AdministrativeDocument.FONT;
    static final String SIGNING_NOTE = "(Ký, ghi rõ họ tên và đóng dấu)";
    static final Locale VI = Locale.forLanguageTag("vi");
    /** Marks a total that lacks some organisations' data (explained in the note beside it). */
    static final String GAP_MARK = "(*)";

    private final MessageSource messages;
    private final Form08Annex form08;
    private final PeriodWords periodWords;

    public ReportDocuments(MessageSource messages, Form08Annex form08, PeriodWords periodWords) {
        this.messages = messages;
        this.form08 = form08;
        this.periodWords = periodWords;
    }

    /**
     * The downloaded file's name in words, as the documents name the report: "Báo cáo tình hình Quý IV năm 2026 - Sở
     * Y tế.docx" (a re-submission adds "(lần 2)"); {@link vn.khien.platform.Downloads} sends it in UTF-8 and as
     * ASCII ("Bao-cao-tinh-hinh-Quy-IV-nam-2026-So-Y-te.docx").
     */
    String fileName(ReportService.ReportView v, String ext) {
        PeriodicReport r = v.report();
        String period = periodWords.name(r.period(), VI);
        String version = r.version() > 1 ? " (lần " + r.version() + ")" : "";
        String org = r.organizationName().replace('/', '-').replace('\\', '-');
        return v.kind().fileNameVi() + " " + period + " - " + org + version + "." + ext;
    }

    /** The period of the report as the documents (and the pages, in Vietnamese) name it, with its days. */
    String periodLabel(ReportService.ReportView v) {
        PeriodicReport r = v.report();
        return periodWords.label(
                ReportPeriod.recorded(
                        r.period(), r.periodFrom(), r.periodTo(), v.kind().period()),
                VI);
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
            if (v.compilation().notRecordedIn(s)) {
                tables.add(new Table(
                        s.titleVi(),
                        List.of("Ghi chú"),
                        List.of(List.of(messages.getMessage("reports.section.notRecorded", null, VI)))));
                continue;
            }
            if (s.byUnit()) {
                tables.add(unitTable(s, v.compilation(), gapNotes(v, VI)));
                continue;
            }
            List<List<String>> rows = new ArrayList<>();
            int i = 1;
            Map<String, String> notes = gapNotes(v, VI);
            boolean lacking = s.figures().stream().anyMatch(notes::containsKey);
            for (String f : s.figures()) {
                List<String> row = new ArrayList<>(List.of(
                        String.valueOf(i++),
                        label(f),
                        value(v.compilation().totals().get(f)) + (notes.containsKey(f) ? " " + GAP_MARK : "")));
                if (lacking) {
                    row.add(notes.getOrDefault(f, ""));
                }
                rows.add(row);
            }
            tables.add(new Table(
                    s.titleVi(),
                    lacking ? List.of("STT", "Chỉ tiêu", "Số liệu", "Ghi chú") : List.of("STT", "Chỉ tiêu", "Số liệu"),
                    rows));
        }
        if (!v.compilation().children().isEmpty()) {
            List<List<String>> rows = new ArrayList<>();
            int i = 1;
            List<String> key =
                    kind.sections().get(0).figures().stream().limit(3).toList();
            for (Compilation.ChildRow c : v.compilation().children()) {
                List<String> row = new ArrayList<>(List.of(
                        String.valueOf(i++), c.name(), stateLabel(c.state()), DateDisplay.DATE.format(c.dueOn())));
                key.forEach(f -> row.add(
                        v.compilation().lacks(c.organizationId(), f)
                                ? messages.getMessage("reports.gap.notRecorded", null, VI)
                                : value(c.figures().get(f))));
                rows.add(row);
            }
            List<String> header = new ArrayList<>(List.of("STT", "Đơn vị", "Tình trạng báo cáo", "Hạn nộp"));
            key.forEach(f -> header.add(label(f)));
            tables.add(new Table("Tổng hợp báo cáo của các đơn vị trực thuộc", header, rows));
        }
        LocalDate date = r.documentDate() != null ? r.documentDate() : LocalDate.now(ReportService.ZONE);
        String number = "Số: " + (r.documentNumber() != null ? r.documentNumber() : "……/BC");
        String subtitle = "Kỳ báo cáo: " + periodLabel(v);
        return new Content(
                r.organizationName(),
                number,
                "……",
                date,
                kind.titleVi().toUpperCase(VI),
                subtitle,
                "cơ quan cấp trên trực tiếp",
                "Căn cứ " + kind.legalSource() + ".",
                tables,
                "THỦ TRƯỞNG CƠ QUAN",
                r.signerName() == null ? "" : r.signerName());
    }

    /** A by-unit section: one row per organisation with something to report, then the total. */
    private Table unitTable(ReportKind.Section s, Compilation c, Map<String, String> notes) {
        List<String> header = new ArrayList<>(List.of("STT", "Đơn vị"));
        s.figures().forEach(f -> header.add(label(f)));
        List<List<String>> rows = new ArrayList<>();
        int i = 1;
        for (Compilation.UnitRow u : c.units()) {
            List<String> row = new ArrayList<>(List.of(String.valueOf(i++), u.name()));
            s.figures().forEach(f -> row.add(value(u.figures().get(f))));
            rows.add(row);
        }
        List<String> total = new ArrayList<>(List.of("", "Tổng cộng"));
        s.figures().forEach(f -> total.add(value(c.totals().get(f)) + (notes.containsKey(f) ? " " + GAP_MARK : "")));
        rows.add(total);
        // Whose data a total lacks, one line per figure under the total.
        for (String f : s.figures()) {
            if (notes.containsKey(f)) {
                List<String> note = new ArrayList<>(List.of(GAP_MARK, label(f) + ": " + notes.get(f)));
                s.figures().forEach(x -> note.add(""));
                rows.add(note);
            }
        }
        return new Table(s.titleVi(), header, rows);
    }

    /**
     * Per figure whose total lacks some organisations' data (their frozen reports predate the figure), the sentence
     * that says whose and which sections: "Tổng chưa đầy đủ — thiếu số liệu của: Bệnh viện A (mục chưa ghi nhận: …)".
     * The page and the documents say the same.
     */
    Map<String, String> gapNotes(ReportService.ReportView v, Locale locale) {
        boolean english = "en".equals(locale.getLanguage());
        Map<String, String> out = new LinkedHashMap<>();
        for (String f : v.kind().figures()) {
            List<Compilation.Gap> gaps = v.compilation().lacking(f);
            if (gaps.isEmpty()) {
                continue;
            }
            List<String> whose = new ArrayList<>();
            for (Compilation.Gap g : gaps) {
                String sections = String.join(
                        "; ",
                        Compilation.sectionsOf(g, v.kind()).stream()
                                .map(s -> english && s.titleEn() != null ? s.titleEn() : s.titleVi())
                                .toList());
                whose.add(messages.getMessage("reports.gap.of", new Object[] {g.name(), sections}, locale));
            }
            out.put(f, messages.getMessage("reports.gap.figure", new Object[] {String.join(", ", whose)}, locale));
        }
        return out;
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
        AdministrativeDocument doc = AdministrativeDocument.of(c.issuer(), c.number(), c.place(), c.date())
                .title(c.title())
                .centred(c.subtitle())
                .addressees(c.addressee())
                .paragraph(c.legalBasis());
        int n = 1;
        for (Table t : c.tables()) {
            doc.heading(roman(n++) + ". " + t.title()).table(t.header(), t.rows());
        }
        return doc.signature(AdministrativeDocument.RECIPIENTS, c.signerTitle(), SIGNING_NOTE, c.signer())
                .bytes();
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
                .append(AdministrativeDocument.NATION)
                .append("</div><div class=\"b\">")
                .append(AdministrativeDocument.MOTTO)
                .append("</div><div class=\"i\">")
                .append(esc(AdministrativeDocument.placeAndDate(c.place(), c.date())))
                .append("</div></td></tr></table>");
        h.append("<h1>")
                .append(esc(c.title()))
                .append("</h1><p class=\"c\">")
                .append(esc(c.subtitle()))
                .append("</p><p class=\"c\">Kính gửi: ")
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
                .append("</div><div class=\"i\">")
                .append(SIGNING_NOTE)
                .append("</div><div style=\"height:40pt\"></div><div class=\"b\">")
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

    /** Figures as "label: value" lines (used by the page). */
    Map<String, String> labels(Iterable<String> figures) {
        Map<String, String> out = new LinkedHashMap<>();
        figures.forEach(f -> out.put(f, label(f)));
        return out;
    }
}
