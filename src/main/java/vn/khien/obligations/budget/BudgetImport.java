package vn.khien.obligations.budget;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khien.access.Capability;
import vn.khien.access.OrgScope;
import vn.khien.obligations.xlsx.TemplateSheet;
import vn.khien.obligations.xlsx.TemplateSheet.Column;
import vn.khien.obligations.xlsx.TemplateSheet.DateCells;
import vn.khien.obligations.xlsx.TemplateSheet.Problem;
import vn.khien.obligations.xlsx.TemplateSheet.Result;
import vn.khien.organizations.Organization;
import vn.khien.organizations.OrganizationRepository;

/**
 * The annual budget plan from XLSX (the template's sheet "Kế hoạch", one plan or project per row), all or nothing:
 * every row is checked first and, if any cell is wrong, nothing is recorded and every problem names its sheet, row,
 * column letter and header in the caller's language. Rows go in as drafts for the leader to approve. A row's unit
 * code (column A) may name the organisation itself or one below it that the caller may edit; a code outside that
 * reads exactly like an unknown code, so the import tells nothing about other subtrees.
 */
@Service
public class BudgetImport {

    static final String SHEET = "Kế hoạch";
    static final int MAX_ROWS = 2000;

    /** Template columns: header and the request field each fills. */
    static final List<Column> COLUMNS = List.of(
            new Column("Mã đơn vị (để trống: đơn vị đang nhập)", "organization"),
            new Column("Năm kế hoạch", "year"),
            new Column("Loại (Hằng năm / 5 năm / Dự án)", "kind"),
            new Column("Tên kế hoạch, dự án", "name"),
            new Column("Tổng kinh phí CNTT (đồng)", "totalAmount"),
            new Column("Kinh phí an toàn thông tin (đồng)", "securityAmount"),
            new Column("Nguồn vốn", "fundingSource"),
            new Column("Hệ thống thông tin liên quan", "linkedSystems"));

    /** The kinds by the label typed in the template, or by their code. */
    static final Map<String, String> KIND_LABELS = Map.of(
            "hằng năm",
            "ANNUAL",
            "hàng năm",
            "ANNUAL",
            "annual",
            "ANNUAL",
            "5 năm",
            "FIVE_YEAR",
            "năm năm",
            "FIVE_YEAR",
            "five_year",
            "FIVE_YEAR",
            "dự án",
            "PROJECT",
            "project",
            "PROJECT");

    private final BudgetService budgets;
    private final OrganizationRepository organizations;
    private final OrgScope scope;
    private final TemplateSheet sheet;

    BudgetImport(BudgetService budgets, OrganizationRepository organizations, OrgScope scope, MessageSource messages) {
        this.budgets = budgets;
        this.organizations = organizations;
        this.scope = scope;
        this.sheet = new TemplateSheet(SHEET, COLUMNS, MAX_ROWS, "budget.import", DateCells.AS_NUMBER, messages);
    }

    private record Parsed(long organizationId, BudgetPlanRequest request) {}

    @Transactional
    public Result importFile(long organizationId, byte[] bytes) {
        budgets.checkCanEdit(organizationId);
        Organization target = organizations.findVisible(organizationId).orElseThrow();
        List<Parsed> rows = new ArrayList<>();
        List<Problem> problems = sheet.read(
                bytes, (name, row, found) -> parseRow(name, row, target, found).ifPresent(rows::add));
        if (!problems.isEmpty()) {
            return Result.refused(problems);
        }
        String batch = UUID.randomUUID().toString();
        return Result.recorded(rows.stream()
                .map(p -> budgets.insert(p.organizationId(), p.request(), batch))
                .toList());
    }

    private Optional<Parsed> parseRow(String name, Row row, Organization target, List<Problem> problems) {
        int excelRow = row.getRowNum() + 1;
        int before = problems.size();
        long org = target.id();
        String code = sheet.cellText(row.getCell(0));
        if (!code.isBlank() && !code.equalsIgnoreCase(target.code())) {
            Optional<Organization> o = organizations
                    .findByCode(code)
                    .filter(x ->
                            x.path().startsWith(target.path()) && scope.can(x.id(), Capability.EDIT_SECURITY_DATA));
            if (o.isEmpty()) {
                problems.add(sheet.problem(name, excelRow, 0, sheet.text("budget.import.unknownOrganization", code)));
            } else {
                org = o.get().id();
            }
        }
        Integer year = null;
        String yearText = sheet.cellText(row.getCell(1));
        if (!yearText.isBlank()) {
            try {
                year = new BigDecimal(yearText.replace(" ", "")).intValueExact();
            } catch (ArithmeticException | NumberFormatException e) {
                problems.add(sheet.problem(name, excelRow, 1, sheet.text("budget.import.notNumber", yearText)));
            }
        }
        String kindText = sheet.cellText(row.getCell(2));
        String kind =
                kindText.isBlank() ? null : KIND_LABELS.get(kindText.strip().toLowerCase(Locale.ROOT));
        if (!kindText.isBlank() && kind == null) {
            problems.add(sheet.problem(name, excelRow, 2, sheet.text("budget.import.badKind", kindText)));
        }
        BigDecimal total = amount(name, row, 4, problems);
        BigDecimal security = amount(name, row, 5, problems);
        BudgetPlanRequest request = new BudgetPlanRequest(
                year,
                kind,
                sheet.cellText(row.getCell(3)),
                total,
                security,
                sheet.cellText(row.getCell(6)),
                sheet.cellText(row.getCell(7)));
        sheet.addValidation(name, row, problems, before, BudgetService.validate(request));
        return problems.size() == before ? Optional.of(new Parsed(org, request)) : Optional.empty();
    }

    private BigDecimal amount(String name, Row row, int column, List<Problem> problems) {
        Cell cell = row.getCell(column);
        if (cell != null && cell.getCellType() == CellType.NUMERIC) {
            BigDecimal v = BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros();
            if (v.scale() > 0) {
                problems.add(sheet.problem(
                        name, row.getRowNum() + 1, column, sheet.text("budget.import.notWhole", v.toPlainString())));
                return null;
            }
            return v.setScale(0);
        }
        String t = sheet.cellText(cell);
        if (t.isBlank()) {
            return null;
        }
        // Vietnamese writing: 1.000.000 or 1 000 000 (dots and spaces group thousands)
        String digits =
                t.replace(".", "").replace(" ", "").replace("\u00a0", "").replace(",", "");
        if (!digits.matches("-?\\d{1,20}")) {
            problems.add(sheet.problem(name, row.getRowNum() + 1, column, sheet.text("budget.import.notNumber", t)));
            return null;
        }
        return new BigDecimal(digits);
    }

    /** The template: the header row, one example row, and a sheet explaining each column. */
    public byte[] template() {
        return sheet.template(
                i -> i == 3 ? 45 : 24,
                example -> {
                    example.createCell(0).setCellValue("");
                    example.createCell(1).setCellValue(2027);
                    example.createCell(2).setCellValue("Hằng năm");
                    example.createCell(3).setCellValue("Kế hoạch ứng dụng công nghệ thông tin năm 2027");
                    example.createCell(4).setCellValue(5_000_000_000d);
                    example.createCell(5).setCellValue(500_000_000d);
                    example.createCell(6).setCellValue("Ngân sách nhà nước");
                    example.createCell(7).setCellValue("Cổng dịch vụ công; Hệ thống quản lý văn bản");
                },
                List.of(
                        "Mỗi dòng là một kế hoạch hoặc dự án CNTT; xóa dòng ví dụ trước khi nhập.",
                        "Cột A: mã đơn vị (để trống nếu là đơn vị đang nhập; có thể ghi mã đơn vị cấp dưới).",
                        "Cột C: Hằng năm, 5 năm (ghi theo năm đầu của kế hoạch) hoặc Dự án.",
                        "Cột E, F: số tiền (đồng), số nguyên; kinh phí an toàn thông tin không lớn hơn tổng kinh phí.",
                        "Chỉ thị 14/CT-TTg: bố trí tối thiểu 10% kinh phí kế hoạch, dự án CNTT cho an toàn thông tin"
                                + " (R39).",
                        "Tệp có lỗi ở bất kỳ ô nào thì không dòng nào được nhập; các dòng được nhập ở trạng thái dự thảo, "
                                + "chờ lãnh đạo đơn vị phê duyệt."));
    }
}
