package vn.khien.compliance.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.jspecify.annotations.Nullable;
import vn.khien.compliance.catalogue.RequirementKind;
import vn.khien.compliance.catalogue.RequirementStatus;
import vn.khien.compliance.plan.PlanItem;
import vn.khien.platform.DateDisplay;

/**
 * Part III of a level dossier — "Phương án bảo đảm an toàn hệ thống thông tin" — as DOCX: for each management and
 * technical requirement, how the system meets it. Vietnamese headings and Times New Roman, as administrative
 * documents are written (NĐ 30/2020).
 */
final class PlanDocument {

    static final String FONT = "Times New Roman";

    private PlanDocument() {}

    public static byte[] write(PlanView plan) {
        try (XWPFDocument doc = new XWPFDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            paragraph(
                    doc, "PHẦN III. PHƯƠNG ÁN BẢO ĐẢM AN TOÀN HỆ THỐNG THÔNG TIN", 14, true, ParagraphAlignment.CENTER);
            paragraph(
                    doc,
                    "Hệ thống: " + plan.system().name() + " (" + plan.system().code() + ")",
                    13,
                    false,
                    null);
            paragraph(doc, "Chủ quản: " + plan.system().ownerName(), 13, false, null);
            if (plan.system().approvedLevel() != null) {
                paragraph(
                        doc,
                        "Cấp độ đề xuất/được phê duyệt: " + plan.system().approvedLevel()
                                + (plan.revision() == null
                                        ? ""
                                        : " — căn cứ " + plan.revision().catalogueVersions()),
                        13,
                        false,
                        null);
            }
            if (plan.regulation() != null) {
                paragraph(
                        doc,
                        "Quy chế bảo đảm an toàn: " + plan.regulation().title() + ", ban hành theo Quyết định số "
                                + plan.regulation().decisionNumber() + " ngày "
                                + DateDisplay.DATE.format(plan.regulation().issuedOn()),
                        13,
                        false,
                        null);
            }
            section(
                    doc,
                    "1. Phương án đáp ứng yêu cầu quản lý",
                    plan.lines().stream()
                            .filter(l -> l.requirement().kind() == RequirementKind.MANAGEMENT)
                            .toList());
            section(
                    doc,
                    "2. Phương án đáp ứng yêu cầu kỹ thuật",
                    plan.lines().stream()
                            .filter(l -> l.requirement().kind().isTechnical())
                            .toList());
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void section(XWPFDocument doc, String heading, List<PlanLine> lines) {
        paragraph(doc, heading, 13, true, null);
        XWPFTable table = doc.createTable(1, 4);
        header(table.getRow(0), "Mã yêu cầu", "Yêu cầu", "Phương án đáp ứng", "Trạng thái");
        for (PlanLine line : lines) {
            XWPFTableRow row = table.createRow();
            cell(row, 0, line.requirement().id(), false);
            cell(row, 1, PlanLine.title(line.requirement()), false);
            StringBuilder how = new StringBuilder(
                    line.item().howMet() == null ? "" : line.item().howMet());
            if (line.item().deployedProducts() != null
                    && !line.item().deployedProducts().isBlank()) {
                how.append(how.length() > 0 ? "\n" : "")
                        .append("Sản phẩm triển khai: ")
                        .append(line.item().deployedProducts());
            }
            if (line.item().status() == RequirementStatus.NOT_APPLICABLE
                    && line.item().justification() != null) {
                how.append(how.length() > 0 ? "\n" : "")
                        .append("Lý do không áp dụng: ")
                        .append(line.item().justification());
            }
            cell(row, 2, how.toString(), false);
            cell(row, 3, statusVi(line.item()), false);
        }
    }

    static String statusVi(PlanItem item) {
        return switch (item.status()) {
            case MET -> "Đã đáp ứng";
            case PARTLY_MET -> "Đáp ứng một phần";
            case PLANNED ->
                "Kế hoạch" + (item.targetDate() == null ? "" : " (" + DateDisplay.DATE.format(item.targetDate()) + ")");
            case NOT_APPLICABLE -> "Không áp dụng";
            case NOT_STARTED -> "Chưa triển khai";
        };
    }

    private static void header(XWPFTableRow row, String... texts) {
        for (int i = 0; i < texts.length; i++) {
            cell(row, i, texts[i], true);
        }
    }

    private static void cell(XWPFTableRow row, int index, String text, boolean bold) {
        var cell = row.getCell(index);
        XWPFParagraph p = cell.getParagraphs().get(0);
        XWPFRun run = p.createRun();
        run.setFontFamily(FONT);
        run.setFontSize(12);
        run.setBold(bold);
        run.setText(text == null ? "" : text);
    }

    private static void paragraph(
            XWPFDocument doc, String text, int size, boolean bold, @Nullable ParagraphAlignment align) {
        XWPFParagraph p = doc.createParagraph();
        if (align != null) {
            p.setAlignment(align);
        }
        XWPFRun run = p.createRun();
        run.setFontFamily(FONT);
        run.setFontSize(size);
        run.setBold(bold);
        run.setText(text);
    }
}
