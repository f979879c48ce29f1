package vn.khien.obligations.xlsx;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.IntUnaryOperator;
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
import vn.khien.platform.FieldProblemException;
import vn.khien.platform.FieldProblemException.FieldProblem;

/**
 * The one sheet of an obligations import template (budget plans, training records, supplier tax codes), read all or nothing: the sheet
 * by its name (else the first), its header row checked column by column, blank rows skipped, at most so many rows,
 * and each other row handed to the import's own parser. Every problem names its sheet, row, column letter and header
 * in the caller's language, with the import's own messages ({@code <prefix>.empty}, {@code .badHeader},
 * {@code .tooManyRows}, {@code .badFormat}). Also writes the template: bold headers, an example row, a help sheet.
 */
public final class TemplateSheet {

    /** A template column: its header and the request field it fills. */
    public record Column(String header, String field) {}

    /** One problem of a refused file. */
    public record Problem(String sheet, int row, String column, String header, String field, String message)
            implements Serializable {}

    /** What an import recorded, or (nothing recorded) every problem of the file. */
    public record Result(int imported, List<Long> ids, List<Problem> problems) {

        public boolean ok() {
            return problems.isEmpty();
        }

        public static Result refused(List<Problem> problems) {
            return new Result(0, List.of(), problems);
        }

        public static Result recorded(List<Long> ids) {
            return new Result(ids.size(), ids, List.of());
        }

        /** So many rows recorded, with no row ids (an import that changes existing rows). */
        public static Result counted(int imported) {
            return new Result(imported, List.of(), List.of());
        }

        /**
         * The problems as field problems of an API refusal, each field {@code rows[N].field}, with the given message
         * key over the sheet, row, column, header and message.
         */
        public List<FieldProblem> asFieldProblems(String messageKey) {
            List<FieldProblem> out = new ArrayList<>();
            problems.forEach(p -> out.add(new FieldProblem(
                    "rows[" + p.row() + "]." + p.field(),
                    messageKey,
                    p.sheet(),
                    p.row(),
                    p.column(),
                    p.header(),
                    p.message())));
            return out;
        }
    }

    /** How a numeric cell formatted as a date reads: as its number, or as the date Excel shows. */
    public enum DateCells {
        AS_NUMBER,
        AS_SHOWN
    }

    /** Parses one non-blank row (sheet name, the row), adding its problems. */
    @FunctionalInterface
    public interface RowParser {
        void parse(String sheet, Row row, List<Problem> problems);
    }

    private static final DataFormatter FORMAT = new DataFormatter(Locale.ROOT);

    private final String sheetName;
    private final List<Column> columns;
    private final int maxRows;
    private final String messagePrefix;
    private final DateCells dateCells;
    private final MessageSource messages;

    public TemplateSheet(
            String sheetName,
            List<Column> columns,
            int maxRows,
            String messagePrefix,
            DateCells dateCells,
            MessageSource messages) {
        this.sheetName = sheetName;
        this.columns = List.copyOf(columns);
        this.maxRows = maxRows;
        this.messagePrefix = messagePrefix;
        this.dateCells = dateCells;
        this.messages = messages;
    }

    /**
     * Reads the file: a problem of the whole file (unreadable, no sheet, wrong header, no row, too many rows) comes
     * back alone; otherwise each non-blank row goes to the parser and the problems it found come back (none: every
     * row parsed). A {@link FieldProblemException} of the parser passes through.
     */
    public List<Problem> read(byte[] bytes, RowParser parser) {
        List<Problem> problems = new ArrayList<>();
        try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(bytes))) {
            Sheet sheet = wb.getSheet(sheetName);
            if (sheet == null) {
                sheet = wb.getNumberOfSheets() > 0 ? wb.getSheetAt(0) : null;
            }
            if (sheet == null) {
                return List.of(fileProblem("", text(messagePrefix + ".empty")));
            }
            String name = sheet.getSheetName();
            checkHeader(name, sheet.getRow(0), problems);
            if (!problems.isEmpty()) {
                return problems;
            }
            int dataRows = 0;
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                if (!blank(sheet.getRow(r))) {
                    dataRows++;
                }
            }
            if (dataRows == 0) {
                return List.of(fileProblem(name, text(messagePrefix + ".empty")));
            }
            if (dataRows > maxRows) {
                return List.of(fileProblem(name, text(messagePrefix + ".tooManyRows", dataRows, maxRows)));
            }
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (!blank(row)) {
                    parser.parse(name, row, problems);
                }
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof FieldProblemException f) {
                throw f;
            }
            return List.of(fileProblem("", text(messagePrefix + ".badFormat")));
        }
        return problems;
    }

    private void checkHeader(String sheet, Row header, List<Problem> problems) {
        for (int c = 0; c < columns.size(); c++) {
            String got = header == null ? "" : cellText(header.getCell(c));
            String expected = columns.get(c).header();
            // "Ngày hoàn thành (dd/MM/yyyy)" matches "Ngày hoàn thành": the part in brackets is a hint
            if (!normalise(got).startsWith(normalise(expected).split(" \\(")[0])) {
                problems.add(new Problem(
                        sheet, 1, letter(c), expected, "header", text(messagePrefix + ".badHeader", expected)));
            }
        }
    }

    /** A problem of the file as a whole (no row, no column). */
    public static Problem fileProblem(String sheet, String message) {
        return new Problem(sheet, 0, "", "", "file", message);
    }

    /** A problem of one cell, named by its column's letter, header and field. */
    public Problem problem(String sheet, int row, int column, String message) {
        return new Problem(
                sheet,
                row,
                letter(column),
                columns.get(column).header(),
                columns.get(column).field(),
                message);
    }

    /** The column filling this request field (the first column when none does). */
    public int columnOf(String field) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).field().equals(field)) {
                return i;
            }
        }
        return 0;
    }

    /**
     * Adds the validation problems of a parsed row, each at its field's column, except where the row's parsing
     * already reported that column (an unreadable cell is not reported again as missing).
     */
    public void addValidation(
            String sheet, Row row, List<Problem> problems, int before, List<FieldProblem> validation) {
        int parsed = problems.size();
        for (FieldProblem p : validation) {
            int column = columnOf(p.field());
            boolean reported = problems.subList(before, parsed).stream()
                    .anyMatch(x -> x.column().equals(letter(column)));
            if (!reported) {
                problems.add(problem(sheet, row.getRowNum() + 1, column, text(p.messageKey(), p.args())));
            }
        }
    }

    public static String letter(int column) {
        return CellReference.convertNumToColString(column);
    }

    /** A cell as text: numbers without trailing zeros (a date-formatted one as configured), the rest as shown. */
    public String cellText(Cell cell) {
        if (cell == null) {
            return "";
        }
        if (cell.getCellType() == CellType.NUMERIC
                && (dateCells == DateCells.AS_NUMBER || !DateUtil.isCellDateFormatted(cell))) {
            return BigDecimal.valueOf(cell.getNumericCellValue())
                    .stripTrailingZeros()
                    .toPlainString();
        }
        return FORMAT.formatCellValue(cell).strip();
    }

    private boolean blank(Row row) {
        if (row == null) {
            return true;
        }
        for (int c = 0; c < columns.size(); c++) {
            if (!cellText(row.getCell(c)).isBlank()) {
                return false;
            }
        }
        return true;
    }

    private static String normalise(String s) {
        return s.strip().toLowerCase(Locale.ROOT);
    }

    /** A message of the caller's language. */
    public String text(String key, Object... args) {
        String text = messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
        return text == null ? key : text;
    }

    /**
     * The template: the sheet with the bold header row (each column as wide as {@code width} gives, in characters),
     * the example row the caller fills, and a sheet "Hướng dẫn" with one help line a row.
     */
    public byte[] template(IntUnaryOperator width, Consumer<Row> example, List<String> help) {
        try (Workbook wb = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet(sheetName);
            CellStyle bold = wb.createCellStyle();
            Font font = wb.createFont();
            font.setBold(true);
            bold.setFont(font);
            Row header = sheet.createRow(0);
            for (int i = 0; i < columns.size(); i++) {
                Cell c = header.createCell(i);
                c.setCellValue(columns.get(i).header());
                c.setCellStyle(bold);
                sheet.setColumnWidth(i, width.applyAsInt(i) * 256);
            }
            example.accept(sheet.createRow(1));
            Sheet guide = wb.createSheet("Hướng dẫn");
            for (int i = 0; i < help.size(); i++) {
                guide.createRow(i).createCell(0).setCellValue(help.get(i));
            }
            guide.setColumnWidth(0, 110 * 256);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
