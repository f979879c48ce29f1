package vn.khien.obligations.training;

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
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khien.obligations.xlsx.TemplateSheet;
import vn.khien.obligations.xlsx.TemplateSheet.Column;
import vn.khien.obligations.xlsx.TemplateSheet.DateCells;
import vn.khien.obligations.xlsx.TemplateSheet.Problem;
import vn.khien.obligations.xlsx.TemplateSheet.Result;
import vn.khien.organizations.Organization;
import vn.khien.organizations.OrganizationRepository;
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
    static final List<Column> COLUMNS = List.of(
            new Column("Tên đăng nhập hoặc thư điện tử", "person"),
            new Column("Khóa đào tạo", "course"),
            new Column("Ngày hoàn thành (dd/MM/yyyy)", "completedOn"),
            new Column("Số giờ", "hours"),
            new Column("Số hiệu chứng chỉ", "certificateReference"));

    private record Parsed(TrainingRequest request, String certificateReference) {}

    private final TrainingService training;
    private final OrganizationRepository organizations;
    private final JdbcClient jdbc;
    private final TemplateSheet sheet;

    TrainingImport(
            TrainingService training, OrganizationRepository organizations, JdbcClient jdbc, MessageSource messages) {
        this.training = training;
        this.organizations = organizations;
        this.jdbc = jdbc;
        this.sheet = new TemplateSheet(SHEET, COLUMNS, MAX_ROWS, "training.import", DateCells.AS_SHOWN, messages);
    }

    @Transactional
    Result importFile(long organizationId, byte[] bytes) {
        Organization target =
                organizations.findVisible(organizationId).orElseThrow(() -> new NotFoundException("organization"));
        if (!training.canEdit(organizationId)) {
            throw new ForbiddenActionException("training.error.forbidden");
        }
        LocalDate today = training.today();
        List<Parsed> rows = new ArrayList<>();
        List<Problem> problems = sheet.read(
                bytes,
                (name, row, found) -> parseRow(name, row, target, today, found).ifPresent(rows::add));
        if (!problems.isEmpty()) {
            return Result.refused(problems);
        }
        String batch = UUID.randomUUID().toString();
        return Result.recorded(rows.stream()
                .map(p -> training.insertImported(organizationId, p.request(), p.certificateReference(), batch))
                .toList());
    }

    private Optional<Parsed> parseRow(
            String name, Row row, Organization target, LocalDate today, List<Problem> problems) {
        int excelRow = row.getRowNum() + 1;
        int before = problems.size();
        String who = sheet.cellText(row.getCell(0));
        String personName = null;
        String email = null;
        if (who.isBlank()) {
            problems.add(sheet.problem(name, excelRow, 0, sheet.text("training.import.personMissing")));
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
                problems.add(sheet.problem(name, excelRow, 0, sheet.text("training.import.unknownPerson", who)));
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
            String t = sheet.cellText(dayCell);
            if (!t.isBlank()) {
                try {
                    on = LocalDate.parse(t.strip(), DAY);
                } catch (DateTimeParseException e) {
                    problems.add(sheet.problem(name, excelRow, 2, sheet.text("training.import.badDate", t)));
                }
            }
        }
        BigDecimal hours = null;
        Cell hoursCell = row.getCell(3);
        if (hoursCell != null && hoursCell.getCellType() == CellType.NUMERIC) {
            hours = BigDecimal.valueOf(hoursCell.getNumericCellValue()).stripTrailingZeros();
        } else {
            String t = sheet.cellText(hoursCell);
            if (!t.isBlank()) {
                try {
                    hours = new BigDecimal(t.replace(',', '.'));
                } catch (NumberFormatException e) {
                    problems.add(sheet.problem(name, excelRow, 3, sheet.text("training.import.notNumber", t)));
                }
            }
        }
        String reference = sheet.cellText(row.getCell(4));
        if (reference.length() > 255) {
            problems.add(sheet.problem(name, excelRow, 4, sheet.text("training.import.referenceTooLong", 255)));
        }
        TrainingRequest request = new TrainingRequest(
                personName == null ? who : personName, email, sheet.cellText(row.getCell(1)), null, on, hours);
        sheet.addValidation(name, row, problems, before, TrainingService.validate(request, today));
        return problems.size() == before ? Optional.of(new Parsed(request, reference)) : Optional.empty();
    }

    /** The template: the header row, one example row, and a sheet explaining each column. */
    byte[] template() {
        return sheet.template(
                i -> i == 1 ? 45 : 28,
                example -> {
                    example.createCell(0).setCellValue("nguyen.van.an@donvi.gov.vn");
                    example.createCell(1).setCellValue("An toàn thông tin cơ bản cho cán bộ, công chức");
                    example.createCell(2)
                            .setCellValue(LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"))
                                    .withDayOfMonth(1)
                                    .format(DAY));
                    example.createCell(3).setCellValue(8);
                    example.createCell(4).setCellValue("ATTT-2026/0123");
                },
                List.of(
                        "Mỗi dòng là một khóa đào tạo một người đã hoàn thành; xóa dòng ví dụ trước khi nhập.",
                        "Cột A: tên đăng nhập hoặc địa chỉ thư điện tử của người có vai trò trong đơn vị hoặc đơn vị"
                                + " trực thuộc.",
                        "Cột C: ngày hoàn thành, dạng dd/MM/yyyy (ví dụ 15/03/2026), không sau hôm nay.",
                        "Cột D: số giờ, lớn hơn 0, tối đa 2000, một chữ số thập phân (ví dụ 7,5).",
                        "Cột E: số hiệu chứng chỉ (nếu có); tệp chứng chỉ có thể bổ sung trên trang đào tạo.",
                        "Tệp có lỗi ở bất kỳ ô nào thì không dòng nào được nhập; mỗi lỗi ghi rõ dòng và cột."));
    }
}
