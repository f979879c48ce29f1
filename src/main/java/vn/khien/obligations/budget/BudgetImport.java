package vn.khien.obligations.budget;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khien.access.Capability;
import vn.khien.access.OrgScope;
import vn.khien.organizations.Organization;
import vn.khien.organizations.OrganizationRepository;
import vn.khien.platform.FieldProblemException;

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
    record Column(String header, String field) {}

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

    public record Problem(String sheet, int row, String column, String header, String field, String message)
            implements Serializable {}

    public record Result(int imported, List<Long> ids, List<Problem> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    private final BudgetService budgets;
    private final OrganizationRepository organizations;
    private final OrgScope scope;
    private final MessageSource messages;

    BudgetImport(BudgetService budgets, OrganizationRepository organizations, OrgScope scope, MessageSource messages) {
        this.budgets = budgets;
        this.organizations = organizations;
        this.scope = scope;
        this.messages = messages;
    }

    private record Parsed(long organizationId, BudgetPlanRequest request) {}

    @Transactional
    public Result importFile(long organizationId, byte[] bytes) {
        budgets.checkCanEdit(organizationId);
        Organization target = organizations.findVisible(organizationId).orElseThrow();
        List<Problem> problems = new ArrayList<>();
        List<Parsed> rows = new ArrayList<>();
        try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(bytes))) {
            Sheet sheet = wb.getSheet(SHEET);
            if (sheet == null) {
                sheet = wb.getNumberOfSheets() > 0 ? wb.getSheetAt(0) : null;
            }
            if (sheet == null) {
                return failed(new Problem("", 0, "", "", "file", text("budget.import.empty")));
            }
            String name = sheet.getSheetName();
            Row header = sheet.getRow(0);
            for (int c = 0; c < COLUMNS.size(); c++) {
                String got = header == null ? "" : cellText(header.getCell(c));
                if (!normalise(got)
                        .startsWith(normalise(COLUMNS.get(c).header()).split(" \\(")[0])) {
                    problems.add(new Problem(
                            name,
                            1,
                            letter(c),
                            COLUMNS.get(c).header(),
                            "header",
                            text("budget.import.badHeader", COLUMNS.get(c).header())));
                }
            }
            if (!problems.isEmpty()) {
                return new Result(0, List.of(), problems);
            }
            int dataRows = 0;
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                if (!blank(sheet.getRow(r))) {
                    dataRows++;
                }
            }
            if (dataRows == 0) {
                return failed(new Problem(name, 0, "", "", "file", text("budget.import.empty")));
            }
            if (dataRows > MAX_ROWS) {
                return failed(
                        new Problem(name, 0, "", "", "file", text("budget.import.tooManyRows", dataRows, MAX_ROWS)));
            }
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (blank(row)) {
                    continue;
                }
                parseRow(name, row, target, problems).ifPresent(rows::add);
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof FieldProblemException f) {
                throw f;
            }
            return failed(new Problem("", 0, "", "", "file", text("budget.import.badFormat")));
        }
        if (!problems.isEmpty()) {
            return new Result(0, List.of(), problems);
        }
        String batch = UUID.randomUUID().toString();
        List<Long> ids = rows.stream()
                .map(p -> budgets.insert(p.organizationId(), p.request(), batch))
                .toList();
        return new Result(ids.size(), ids, List.of());
    }

    private Optional<Parsed> parseRow(String sheet, Row row, Organization target, List<Problem> problems) {
        int excelRow = row.getRowNum() + 1;
        int before = problems.size();
        long org = target.id();
        String code = cellText(row.getCell(0));
        if (!code.isBlank() && !code.equalsIgnoreCase(target.code())) {
            Optional<Organization> o = organizations
                    .findByCode(code)
                    .filter(x ->
                            x.path().startsWith(target.path()) && scope.can(x.id(), Capability.EDIT_SECURITY_DATA));
            if (o.isEmpty()) {
                problems.add(problem(sheet, excelRow, 0, text("budget.import.unknownOrganization", code)));
            } else {
                org = o.get().id();
            }
        }
        Integer year = null;
        String yearText = cellText(row.getCell(1));
        if (!yearText.isBlank()) {
            try {
                year = new BigDecimal(yearText.replace(" ", "")).intValueExact();
            } catch (ArithmeticException | NumberFormatException e) {
                problems.add(problem(sheet, excelRow, 1, text("budget.import.notNumber", yearText)));
            }
        }
        String kindText = cellText(row.getCell(2));
        String kind =
                kindText.isBlank() ? null : KIND_LABELS.get(kindText.strip().toLowerCase(Locale.ROOT));
        if (!kindText.isBlank() && kind == null) {
            problems.add(problem(sheet, excelRow, 2, text("budget.import.badKind", kindText)));
        }
        BigDecimal total = amount(sheet, row, 4, problems);
        BigDecimal security = amount(sheet, row, 5, problems);
        BudgetPlanRequest request = new BudgetPlanRequest(
                year,
                kind,
                cellText(row.getCell(3)),
                total,
                security,
                cellText(row.getCell(6)),
                cellText(row.getCell(7)));
        int parseProblems = problems.size();
        for (FieldProblemException.FieldProblem p : BudgetService.validate(request)) {
            int column = columnOf(p.field());
            // a cell already reported as unreadable is not reported again as missing
            boolean reported = problems.subList(before, parseProblems).stream()
                    .anyMatch(x -> x.column().equals(letter(column)));
            if (!reported) {
                problems.add(problem(sheet, excelRow, column, text(p.messageKey(), p.args())));
            }
        }
        return problems.size() == before ? Optional.of(new Parsed(org, request)) : Optional.empty();
    }

    private BigDecimal amount(String sheet, Row row, int column, List<Problem> problems) {
        Cell cell = row.getCell(column);
        if (cell != null && cell.getCellType() == CellType.NUMERIC) {
            BigDecimal v = BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros();
            if (v.scale() > 0) {
                problems.add(
                        problem(sheet, row.getRowNum() + 1, column, text("budget.import.notWhole", v.toPlainString())));
                return null;
            }
            return v.setScale(0);
        }
        String t = cellText(cell);
        if (t.isBlank()) {
            return null;
        }
        // Vietnamese writing: 1.000.000 or 1 000 000 (dots and spaces group thousands)
        String digits =
                t.replace(".", "").replace(" ", "").replace("\u00a0", "").replace(",", "");
        if (!digits.matches("-?\\d{1,20}")) {
            problems.add(problem(sheet, row.getRowNum() + 1, column, text("budget.import.notNumber", t)));
            return null;
        }
        return new BigDecimal(digits);
    }

    private static int columnOf(String field) {
        for (int i = 0; i < COLUMNS.size(); i++) {
            if (COLUMNS.get(i).field().equals(field)) {
                return i;
            }
        }
        return 0;
    }

    private Problem problem(String sheet, int row, int column, String message) {
        return new Problem(
                sheet,
                row,
                letter(column),
                COLUMNS.get(column).header(),
                COLUMNS.get(column).field(),
                message);
    }

    private static Result failed(Problem p) {
        return new Result(0, List.of(), List.of(p));
    }

    private static String letter(int column) {
        return CellReference.convertNumToColString(column);
    }

    private static final DataFormatter FORMAT = new DataFormatter(Locale.ROOT);

    private static String cellText(Cell cell) {
        if (cell == null) {
            return "";
        }
        if (cell.getCellType() == CellType.NUMERIC) {
            return BigDecimal.valueOf(cell.getNumericCellValue())
                    .stripTrailingZeros()
                    .toPlainString();
        }
        return FORMAT.formatCellValue(cell).strip();
    }

    private static boolean blank(Row row) {
        if (row == null) {
            return true;
        }
        for (int c = 0; c < COLUMNS.size(); c++) {
            if (!cellText(row.getCell(c)).isBlank()) {
                return false;
            }
        }
        return true;
    }

    private static String normalise(String s) {
        return s.strip().toLowerCase(Locale.ROOT);
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }

    /** The template: the header row, one example row, and a sheet explaining each column. */
    public byte[] template() {
        try (Workbook wb = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet(SHEET);
            CellStyle bold = wb.createCellStyle();
            Font font = wb.createFont();
            font.setBold(true);
            bold.setFont(font);
            Row header = sheet.createRow(0);
            for (int i = 0; i < COLUMNS.size(); i++) {
                Cell c = header.createCell(i);
                c.setCellValue(COLUMNS.get(i).header());
                c.setCellStyle(bold);
                sheet.setColumnWidth(i, (i == 3 ? 45 : 24) * 256);
            }
            Row example = sheet.createRow(1);
            example.createCell(0).setCellValue("");
            example.createCell(1).setCellValue(2027);
            example.createCell(2).setCellValue("Hằng năm");
            example.createCell(3).setCellValue("Kế hoạch ứng dụng công nghệ thông tin năm 2027");
            example.createCell(4).setCellValue(5_000_000_000d);
            example.createCell(5).setCellValue(500_000_000d);
            example.createCell(6).setCellValue("Ngân sách nhà nước");
            example.createCell(7).setCellValue("Cổng dịch vụ công; Hệ thống quản lý văn bản");
            Sheet help = wb.createSheet("Hướng dẫn");
            String[] lines = {
                "Mỗi dòng là một kế hoạch hoặc dự án CNTT; xóa dòng ví dụ trước khi nhập.",
                "Cột A: mã đơn vị (để trống nếu là đơn vị đang nhập; có thể ghi mã đơn vị cấp dưới).",
                "Cột C: Hằng năm, 5 năm (ghi theo năm đầu của kế hoạch) hoặc Dự án.",
                "Cột E, F: số tiền (đồng), số nguyên; kinh phí an toàn thông tin không lớn hơn tổng kinh phí.",
                "Chỉ thị 14/CT-TTg: bố trí tối thiểu 10% kinh phí kế hoạch, dự án CNTT cho an toàn thông tin (R39).",
                "Tệp có lỗi ở bất kỳ ô nào thì không dòng nào được nhập; các dòng được nhập ở trạng thái dự thảo, "
                        + "chờ lãnh đạo đơn vị phê duyệt."
            };
            for (int i = 0; i < lines.length; i++) {
                help.createRow(i).createCell(0).setCellValue(lines[i]);
            }
            help.setColumnWidth(0, 110 * 256);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
