package vn.khien.platform.documents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.UnderlinePatterns;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.jspecify.annotations.Nullable;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTBorder;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblBorders;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STBorder;

/**
 * A Word document in the Vietnamese administrative layout of Nghị định 30/2020/NĐ-CP (Phụ lục I): A4 margins (top
 * and bottom 20 mm, left 30 mm, right 20 mm), Times New Roman; a borderless header with the issuing body and the
 * number and symbol on the left, the national name, the motto (bold, underlined) and the place and date (italic) on
 * the right; then the body (title, addressees, paragraphs, tables) and a borderless closing block with the
 * recipients ("Nơi nhận") on the left and the signature block on the right.
 *
 * <p>Every module that issues a document builds it here, so the layout is written once. Documents are in
 * Vietnamese, the language of the administrative record, whatever the reader's interface language.
 */
public final class AdministrativeDocument {
    public static final String FONT = "Times New Roman";
    public static final String NATION = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
    public static final String MOTTO = "Độc lập - Tự do - Hạnh phúc";
    /** The usual recipients of a report: the addressees above and the archive. */
    public static final List<String> RECIPIENTS = List.of("- Như trên;", "- Lưu: VT.");

    private static final Locale VI = Locale.forLanguageTag("vi");
    private static final int HEADER_SIZE = 13;
    private static final int BODY_SIZE = 14;
    private static final int TABLE_SIZE = 13;

    private final XWPFDocument doc = new XWPFDocument();

    private AdministrativeDocument(String issuer, String number, String place, LocalDate date) {
        CTSectPr sect = doc.getDocument().getBody().addNewSectPr();
        CTPageMar mar = sect.addNewPgMar();
        mar.setTop(BigInteger.valueOf(1134));
        mar.setBottom(BigInteger.valueOf(1134));
        mar.setLeft(BigInteger.valueOf(1701));
        mar.setRight(BigInteger.valueOf(1134));
        XWPFTable header = borderless(doc.createTable(1, 2));
        XWPFTableCell left = header.getRow(0).getCell(0);
        line(left.getParagraphs().get(0), issuer.toUpperCase(VI), HEADER_SIZE, "b");
        line(left.addParagraph(), number, HEADER_SIZE, "");
        XWPFTableCell right = header.getRow(0).getCell(1);
        line(right.getParagraphs().get(0), NATION, HEADER_SIZE, "b");
        line(right.addParagraph(), MOTTO, BODY_SIZE, "bu");
        line(right.addParagraph(), placeAndDate(place, date), BODY_SIZE, "i");
    }

    /**
     * Starts a document.
     *
     * @param issuer the issuing body (written in capitals)
     * @param number the number and symbol line, e.g. "Số: 45/QĐ-SYT" or "Số: ……/BC"
     * @param place  the place of issue (the province), or "……" when not known
     * @param date   the date of issue
     */
    public static AdministrativeDocument of(String issuer, String number, String place, LocalDate date) {
        return new AdministrativeDocument(issuer, number, place, date);
    }

    /**
     * The place and date line: "Hà Nội, ngày 05 tháng 02 năm 2026" — days under 10 and the months 1 and 2 take a
     * leading zero (Nghị định 30/2020 Phụ lục I, mục II.5).
     */
    public static String placeAndDate(String place, LocalDate date) {
        int day = date.getDayOfMonth();
        int month = date.getMonthValue();
        return place + ", ngày " + (day < 10 ? "0" + day : String.valueOf(day)) + " tháng "
                + (month < 3 ? "0" + month : String.valueOf(month)) + " năm " + date.getYear();
    }

    /** The form's name above the title, on the right (e.g. "Biểu mẫu 05"). */
    public AdministrativeDocument formName(@Nullable String text) {
        if (text != null && !text.isBlank()) {
            paragraph(text, ParagraphAlignment.RIGHT, 0, "b");
        }
        return this;
    }

    /** The document's kind or title, centred, bold. */
    public AdministrativeDocument title(String text) {
        paragraph(text, ParagraphAlignment.CENTER, 240, "b");
        return this;
    }

    /** The summary under the title, centred, bold. */
    public AdministrativeDocument subtitle(String text) {
        paragraph(text, ParagraphAlignment.CENTER, 0, "b");
        return this;
    }

    /** A centred line in ordinary type (e.g. the period). */
    public AdministrativeDocument centred(String text) {
        paragraph(text, ParagraphAlignment.CENTER, 0, "");
        return this;
    }

    /** A centred line in italics. */
    public AdministrativeDocument centredItalic(String text) {
        paragraph(text, ParagraphAlignment.CENTER, 0, "i");
        return this;
    }

    /** The addressees: "Kính gửi: …", centred. */
    public AdministrativeDocument addressees(String addressees) {
        paragraph("Kính gửi: " + addressees, ParagraphAlignment.CENTER, 120, "");
        return this;
    }

    /** A section heading, bold, on the left. */
    public AdministrativeDocument heading(String text) {
        paragraph(text, ParagraphAlignment.LEFT, 200, "b");
        return this;
    }

    /** Body text, justified with a first-line indent; one paragraph per line of the text. */
    public AdministrativeDocument paragraph(@Nullable String text) {
        if (text == null) {
            return this;
        }
        for (String line : text.split("\\R")) {
            XWPFParagraph p = paragraph(line, ParagraphAlignment.BOTH, 0, "");
            p.setIndentationFirstLine(567);
        }
        return this;
    }

    /** An italic line with a first-line indent (legal basis, notes). */
    public AdministrativeDocument italic(String text) {
        paragraph(text, ParagraphAlignment.LEFT, 0, "i").setIndentationFirstLine(567);
        return this;
    }

    /** A grid table whose first row is the header (bold). */
    public AdministrativeDocument table(List<String> header, List<List<String>> rows) {
        XWPFTable t = doc.createTable(rows.size() + 1, header.size());
        t.setWidth("100%");
        fill(t.getRow(0).getTableCells(), header, true);
        for (int i = 0; i < rows.size(); i++) {
            fill(t.getRow(i + 1).getTableCells(), rows.get(i), false);
        }
        return this;
    }

    /** A two-column grid table of label (bold) and value; a value's lines are kept as line breaks. */
    public AdministrativeDocument fields(List<String[]> rows) {
        XWPFTable t = doc.createTable(rows.size(), 2);
        t.setWidth("100%");
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < 2; c++) {
                String value = rows.get(r)[c];
                XWPFRun run = t.getRow(r).getCell(c).getParagraphs().get(0).createRun();
                style(run, "", TABLE_SIZE, c == 0 ? "b" : "");
                String[] lines = value == null ? new String[] {""} : value.split("\n");
                for (int k = 0; k < lines.length; k++) {
                    if (k > 0) {
                        run.addBreak();
                    }
                    run.setText(lines[k]);
                }
            }
        }
        return this;
    }

    /**
     * The closing block: the recipients on the left ("Nơi nhận:" and one line each; none leaves the cell empty), and
     * on the right the signer's capacity (bold), the signing note (italic), room for the signature and the signer's
     * name (bold, blank when not known).
     */
    public AdministrativeDocument signature(
            List<String> recipients, String capacity, String note, @Nullable String signer) {
        XWPFTable t = borderless(doc.createTable(1, 2));
        t.setWidth("100%");
        XWPFTableCell left = t.getRow(0).getCell(0);
        if (recipients.isEmpty()) {
            line(left.getParagraphs().get(0), "", HEADER_SIZE, "");
        } else {
            XWPFParagraph head = left.getParagraphs().get(0);
            head.setAlignment(ParagraphAlignment.LEFT);
            style(head.createRun(), "Nơi nhận:", 12, "bi");
            for (String r : recipients) {
                XWPFParagraph p = left.addParagraph();
                p.setAlignment(ParagraphAlignment.LEFT);
                style(p.createRun(), r, 11, "");
            }
        }
        XWPFTableCell right = t.getRow(0).getCell(1);
        line(right.getParagraphs().get(0), capacity, BODY_SIZE, "b");
        line(right.addParagraph(), note, HEADER_SIZE, "i");
        XWPFParagraph room = right.addParagraph();
        room.setSpacingBefore(1200);
        line(room, "", BODY_SIZE, "");
        line(right.addParagraph(), signer == null ? "" : signer, BODY_SIZE, "b");
        return this;
    }

    /** The document as DOCX bytes; the builder is spent afterwards. */
    public byte[] bytes() {
        try (XWPFDocument d = doc;
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            d.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private XWPFParagraph paragraph(String text, ParagraphAlignment align, int spacingBefore, String look) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(align);
        if (spacingBefore > 0) {
            p.setSpacingBefore(spacingBefore);
        }
        style(p.createRun(), text, BODY_SIZE, look);
        return p;
    }

    private static void fill(List<XWPFTableCell> cells, List<String> values, boolean bold) {
        for (int i = 0; i < cells.size() && i < values.size(); i++) {
            XWPFParagraph p = cells.get(i).getParagraphs().get(0);
            style(p.createRun(), values.get(i) == null ? "" : values.get(i), TABLE_SIZE, bold ? "b" : "");
        }
    }

    private static void line(XWPFParagraph p, String text, int size, String look) {
        p.setAlignment(ParagraphAlignment.CENTER);
        style(p.createRun(), text, size, look);
    }

    /** look: b bold, i italic, u underlined. */
    private static void style(XWPFRun run, String text, int size, String look) {
        run.setFontFamily(FONT);
        run.setFontSize(size);
        run.setBold(look.contains("b"));
        run.setItalic(look.contains("i"));
        if (look.contains("u")) {
            run.setUnderline(UnderlinePatterns.SINGLE);
        }
        run.setText(text);
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
}
