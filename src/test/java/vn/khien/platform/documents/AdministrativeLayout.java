package vn.khien.platform.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.UnderlinePatterns;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;

/**
 * Reads a DOCX back with Apache POI and checks the parts of the administrative layout (Nghị định 30/2020): the
 * header table (issuing body and number and symbol on the left; national name, underlined motto, place and date on
 * the right) opens the document, the closing table (recipients, signer's capacity, signing note, signer) ends it, and
 * every run is in Times New Roman. Used by the test of every module that issues a document.
 */
public final class AdministrativeLayout {

    private static final Pattern PLACE_AND_DATE = Pattern.compile(".+, ngày \\d{2} tháng \\d{1,2} năm \\d{4}");

    private AdministrativeLayout() {}

    /** The parts found, for a caller that checks more. */
    public record Parts(String issuer, String number, String placeAndDate, String capacity, String signer) {}

    public static Parts assertLayout(byte[] docx) {
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            List<IBodyElement> body = doc.getBodyElements();
            assertThat(body.get(0)).as("the header table opens the document").isInstanceOf(XWPFTable.class);
            XWPFTable header = (XWPFTable) body.get(0);
            XWPFTableCell left = header.getRow(0).getCell(0);
            XWPFTableCell right = header.getRow(0).getCell(1);
            List<XWPFParagraph> issuer = left.getParagraphs();
            assertThat(issuer.get(0).getText()).as("issuing body in capitals").isUpperCase();
            assertThat(issuer.get(0).getRuns().get(0).isBold()).isTrue();
            assertThat(issuer.get(1).getText()).as("number and symbol").startsWith("Số: ");
            List<XWPFParagraph> nation = right.getParagraphs();
            assertThat(nation.get(0).getText()).isEqualTo(AdministrativeDocument.NATION);
            assertThat(nation.get(0).getRuns().get(0).isBold()).isTrue();
            assertThat(nation.get(1).getText()).isEqualTo(AdministrativeDocument.MOTTO);
            assertThat(nation.get(1).getRuns().get(0).getUnderline()).isEqualTo(UnderlinePatterns.SINGLE);
            assertThat(nation.get(2).getText()).as("place and date").matches(PLACE_AND_DATE);
            assertThat(nation.get(2).getRuns().get(0).isItalic()).isTrue();

            IBodyElement last = body.get(body.size() - 1);
            assertThat(last).as("the signature block closes the document").isInstanceOf(XWPFTable.class);
            XWPFTableCell sign = ((XWPFTable) last).getRow(0).getCell(1);
            List<XWPFParagraph> block = sign.getParagraphs();
            assertThat(block.get(0).getText())
                    .as("signer's capacity")
                    .isNotBlank()
                    .isUpperCase();
            assertThat(block.get(0).getRuns().get(0).isBold()).isTrue();
            assertThat(block.get(1).getText()).as("signing note").startsWith("(Ký");
            String signer = block.get(block.size() - 1).getText();

            for (XWPFParagraph p : doc.getParagraphs()) {
                p.getRuns().forEach(AdministrativeLayout::timesNewRoman);
            }
            for (XWPFTable t : doc.getTables()) {
                t.getRows()
                        .forEach(r -> r.getTableCells()
                                .forEach(c -> c.getParagraphs()
                                        .forEach(p -> p.getRuns().forEach(AdministrativeLayout::timesNewRoman))));
            }
            return new Parts(
                    issuer.get(0).getText(),
                    issuer.get(1).getText(),
                    nation.get(2).getText(),
                    block.get(0).getText(),
                    signer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void timesNewRoman(XWPFRun run) {
        assertThat(run.getFontFamily()).as("font of \"%s\"", run.text()).isEqualTo(AdministrativeDocument.FONT);
    }
}
