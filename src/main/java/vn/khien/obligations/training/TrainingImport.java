package vn.khien.obligations.training;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khien.organizations.Organization;
import vn.khien.organizations.OrganizationRepository;
import vn.khien.platform.FieldProblemException;
import vn.khien.platform.ForbiddenActionException;
import vn.khien.platform.NotFoundException;

/**
 * Training records from XLSX (the template's sheet "Đào tạo", one completed course per row), all or nothing, as the
 * register's and the budget's imports: every row is checked first and, if any cell is wrong, nothing is recorded and
 * every problem names its sheet, row, column letter and header in the caller's language. Column A names a person of
 * the organisation's subtree by user name or e-mail address; a person outside it reads exactly like an unknown one.
 */
@Service
class TrainingImport {

    static final String SHEET = "Đào tạo";
    static final int MAX_ROWS = 2000;
    static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(ResolverStyle.STRICT);

    /** Template columns: header and the field each fills. */
    record Column(String header, String field) {}

    static final List<Column> COLUMNS = List.of(
            new Column("Tên đăng nhập hoặc thư điện tử", "person"),
            new Column("Khóa đào tạo", "course"),
            new Column("Ngày hoàn thành (dd/MM/yyyy)", "completedOn"),
            new Column("Số giờ", "hours"),
            new Column("Số hiệu chứng chỉ", "certificateReference"));

    record Problem(String sheet, int row, String column, String header, String field, String message)
            implements Serializable {}

    record Result(int imported, List<Long> ids, List<Problem> problems) {
        boolean ok() {
            return problems.isEmpty();
        }
    }

    private record Parsed(TrainingRequest request, String certificateReference) {}

    private final TrainingService training;
    private final OrganizationRepository organizations;
    private final JdbcClient jdbc;
    private final MessageSource messages;

    TrainingImport(
            TrainingService training, OrganizationRepository organizations, JdbcClient jdbc, MessageSource messages) {
        this.training = training;
        this.organizations = organizations;
        this.jdbc = jdbc;
        this.messages = messages;
    }

    @Transactional
    Result importFile(long organizationId, byte[] bytes) {
        Organization target =
                organizations.findVisible(organizationId).orElseThrow(() -> new NotFoundException("organization"));
        if (!training.canEdit(organizationId)) {
            throw new ForbiddenActionException("training.error.forbidden");
        }
        List<Problem> problems = new ArrayList<>();
        List<Parsed> rows = new ArrayList<>();
        try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(bytes))) {
            Sheet sheet = wb.getSheet(SHEET);
            if (sheet == null) {
                sheet = wb.getNumberOfSheets() > 0 ? wb.getSheetAt(0) : null;
            }
            if (sheet == null) {
                return failed(new Problem("", 0, "", "", "file", text("training.import.empty")));
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
                            text("training.import.badHeader", COLUMNS.get(c).header())));
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
                return failed(new Problem(name, 0, "", "", "file", text("training.import.empty")));
            }
            if (dataRows > MAX_ROWS) {
                return failed(
                        new Problem(name, 0, "", "", "file", text("training.import.tooManyRows", dataRows, MAX_ROWS)));
            }
            LocalDate today = training.today();
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (blank(row)) {
                    continue;
                }
                parseRow(name, row, target, today, problems).ifPresent(rows::add);
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof FieldProblemException f) {
                throw f;
            }
            return failed(new Problem("", 0, "", "", "file", text("training.import.badFormat")));
        }
        if (!problems.isEmpty()) {
            return new Result(0, List.of(), problems);
        }
        String batch = UUID.randomUUID().toString();
        List<Long> ids = rows.stream()
                .map(p -> training.insertImported(organizationId, p.request(), p.certificateReference(), batch))
                .toList();
        return new Result(ids.size(), ids, List.of());
    }

    private Optional<Parsed> parseRow(
            String sheet, Row row, Organization target, LocalDate today, List<Problem> problems) {
        int excelRow = row.getRowNum() + 1;
        int before = problems.size();
        String who = cellText(row.getCell(0));
        String personName = null;
        String email = null;
        if (who.isBlank()) {
            problems.add(problem(sheet, excelRow, 0, text("training.import.personMissing")));
        } else {
            // a person holding a role in the organisation or below it, by user name or e-mail address
            Optional<String[]> person = jdbc
                    .sql("""
                    SELECT MIN(u.display_name), MIN(u.email) FROM app_user u
                    WHERE (LOWER(u.username) = :w OR LOWER(u.email) = :w) AND EXISTS (SELECT 1 FROM role_grant g
                        JOIN organization o ON o.id = g.organization_id
                        WHERE g.user_id = u.id AND o.path LIKE :path)
                    GROUP BY u.id""")
                    .param("w", who.strip().toLowerCase(Locale.ROOT))
                    .param("path", target.path() + "%")
                    .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
                    .list()
                    .stream()
                    .findFirst();
            if (person.isEmpty()) {
                problems.add(problem(sheet, excelRow, 0, text("training.import.unknownPerson", who)));
            } else {
                personName = person.get()[0];
                email = person.get()[1];
            }
        }
        LocalDate on = null;
        Cell dayCell = row.getCell(2);
        if (dayCell != null && dayCell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(dayCell)) {
            on = dayCell.getLocalDateTimeCellValue().toLocalDate();
        } else {
            String t = cellText(dayCell);
            if (!t.isBlank()) {
                try {
                    on = LocalDate.parse(t.strip(), DAY);
                } catch (DateTimeParseException e) {
                    problems.add(problem(sheet, excelRow, 2, text("training.import.badDate", t)));
                }
            }
        }
        BigDecimal hours = null;
        Cell hoursCell = row.getCell(3);
        if (hoursCell != null && hoursCell.getCellType() == CellType.NUMERIC) {
            hours = BigDecimal.valueOf(hoursCell.getNumericCellValue()).stripTrailingZeros();
        } else {
            String t = cellText(hoursCell);
            if (!t.isBlank()) {
                try {
                    hours = new BigDecimal(t.replace(',', '.'));
                } catch (NumberFormatException e) {
                    problems.add(problem(sheet, excelRow, 3, text("training.import.notNumber", t)));
                }
            }
        }
        String reference = cellText(row.getCell(4));
        if (reference.length() > 255) {
            problems.add(problem(sheet, excelRow, 4, text("training.import.referenceTooLong", 255)));
        }
        TrainingRequest request = new TrainingRequest(
                personName == null ? who : personName, email, cellText(row.getCell(1)), null, on, hours);
        int parsed = problems.size();
        for (FieldProblemException.FieldProblem p : TrainingService.validate(request, today)) {
            int column = columnOf(p.field());
            // a cell already reported (unknown person, unreadable day or number) is not reported again
            boolean reported = problems.subList(before, parsed).stream()
                    .anyMatch(x -> x.column().equals(letter(column)));
            if (!reported) {
                problems.add(problem(sheet, excelRow, column, text(p.messageKey(), p.args())));
            }
        }
        return problems.size() == before ? Optional.of(new Parsed(request, reference)) : Optional.empty();
    }

    private static int columnOf(String field) {
        return switch (field) {
            case "course" -> 1;
            case "completedOn" -> 2;
            case "hours" -> 3;
            default -> 0;
        };
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
        if (cell.getCellType() == CellType.NUMERIC && !DateUtil.isCellDateFormatted(cell)) {
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
    byte[] template() {
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
                sheet.setColumnWidth(i, (i == 1 ? 45 : 28) * 256);
            }
            Row example = sheet.createRow(1);
            example.createCell(0).setCellValue("nguyen.van.an@donvi.gov.vn");
            example.createCell(1).setCellValue("An toàn thông tin cơ bản cho cán bộ, công chức");
            example.createCell(2)
                    .setCellValue(LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"))
                            .withDayOfMonth(1)
                            .format(DAY));
            example.createCell(3).setCellValue(8);
            example.createCell(4).setCellValue("ATTT-2026/0123");
            Sheet help = wb.createSheet("Hướng dẫn");
            String[] lines = {
                "Mỗi dòng là một khóa đào tạo một người đã hoàn thành; xóa dòng ví dụ trước khi nhập.",
                "Cột A: tên đăng nhập hoặc địa chỉ thư điện tử của người có vai trò trong đơn vị hoặc đơn vị trực thuộc.",
                "Cột C: ngày hoàn thành, dạng dd/MM/yyyy (ví dụ 15/03/2026), không sau hôm nay.",
                "Cột D: số giờ, lớn hơn 0, tối đa 2000, một chữ số thập phân (ví dụ 7,5).",
                "Cột E: số hiệu chứng chỉ (nếu có); tệp chứng chỉ có thể bổ sung trên trang đào tạo.",
                "Tệp có lỗi ở bất kỳ ô nào thì không dòng nào được nhập; mỗi lỗi ghi rõ dòng và cột."
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
