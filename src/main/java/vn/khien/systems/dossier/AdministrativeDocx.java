package vn.khien.systems.dossier;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Locale;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTBorder;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblBorders;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STBorder;

/**
 * A Word document in the Vietnamese administrative format (Nghị định 30/2020/NĐ-CP on administrative documents):
 * Times New Roman, the issuing body and number on the left, the national emblem lines on the right.
 */
final class AdministrativeDocx {
    static final String FONT = "Times New Roman";
    static final String NATION = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
    static final String MOTTO = "Độc lập - Tự do - Hạnh phúc";

    private final XWPFDocument doc = new XWPFDocument();

    AdministrativeDocx(String issuer, String number, String place, LocalDate date) {
        XWPFTable header = doc.createTable(1, 2);
        CTTblBorders borders = header.getCTTbl().getTblPr().addNewTblBorders();
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
        XWPFTableCell left = header.getRow(0).getCell(0);
        cellLine(left, issuer.toUpperCase(Locale.forLanguageTag("vi")), true, false, true);
        cellLine(left, number, false, false, false);
        XWPFTableCell right = header.getRow(0).getCell(1);
        cellLine(right, NATION, true, false, true);
        cellLine(right, MOTTO, true, false, false);
        cellLine(
                right,
                place + ", ngày " + twoDigits(date.getDayOfMonth()) + " tháng " + twoDigits(date.getMonthValue())
                        + " năm " + date.getYear(),
                false,
                true,
                false);
    }

    private static String twoDigits(int n) {
        return n < 10 ? "0" + n : String.valueOf(n);
    }

    private void cellLine(XWPFTableCell cell, String text, boolean bold, boolean italic, boolean first) {
        XWPFParagraph p = first ? cell.getParagraphs().get(0) : cell.addParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        style(p.createRun(), text, 13, bold, italic);
    }

    AdministrativeDocx title(String text) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        p.setSpacingBefore(240);
        style(p.createRun(), text, 14, true, false);
        return this;
    }

    AdministrativeDocx subtitle(String text) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        style(p.createRun(), text, 14, true, false);
        return this;
    }

    AdministrativeDocx heading(String text) {
        XWPFParagraph p = doc.createParagraph();
        p.setSpacingBefore(200);
        style(p.createRun(), text, 14, true, false);
        return this;
    }

    AdministrativeDocx paragraph(String text) {
        if (text == null) {
            return this;
        }
        for (String line : text.split("\\R")) {
            XWPFParagraph p = doc.createParagraph();
            p.setAlignment(ParagraphAlignment.BOTH);
            p.setIndentationFirstLine(567);
            style(p.createRun(), line, 14, false, false);
        }
        return this;
    }

    AdministrativeDocx italic(String text) {
        XWPFParagraph p = doc.createParagraph();
        p.setIndentationFirstLine(567);
        style(p.createRun(), text, 14, false, true);
        return this;
    }

    AdministrativeDocx signature(String title, String signer) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(ParagraphAlignment.RIGHT);
        p.setSpacingBefore(360);
        style(p.createRun(), title, 14, true, false);
        XWPFParagraph name = doc.createParagraph();
        name.setAlignment(ParagraphAlignment.RIGHT);
        name.setSpacingBefore(1200);
        style(name.createRun(), signer, 14, true, false);
        return this;
    }

    byte[] bytes() {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.write(out);
            doc.close();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void style(XWPFRun run, String text, int size, boolean bold, boolean italic) {
        run.setFontFamily(FONT);
        run.setFontSize(size);
        run.setBold(bold);
        run.setItalic(italic);
        run.setText(text);
    }
}
