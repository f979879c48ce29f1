package vn.khien.obligations.awareness;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * An uploaded audience: a CSV or XLSX file of e-mail addresses with names (column A the address, column B the name;
 * a first line without an address is a header). All or nothing: every line is checked and, if any is wrong, the whole
 * list is refused with every problem naming its line. Problems are message keys with arguments, so the page and the
 * API say them in the caller's language.
 */
final class RecipientList {

    static final int MAX_LINES = 5000;
    private static final Pattern EMAIL =
            Pattern.compile("^[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}$");

    record Recipient(String email, String name, int line) implements Serializable {}

    record Problem(int line, String field, String messageKey, List<String> args) implements Serializable {}

    record Result(List<Recipient> recipients, List<Problem> problems) {
        boolean ok() {
            return problems.isEmpty() && !recipients.isEmpty();
        }
    }

    private RecipientList() {}

    /** Reads a file by its name's extension (.xlsx, otherwise CSV in UTF-8, comma or semicolon separated). */
    static Result read(String fileName, byte[] bytes) {
        List<String[]> lines;
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        try {
            lines = name.endsWith(".xlsx") || name.endsWith(".xls") ? xlsx(bytes) : csv(bytes);
        } catch (IOException | RuntimeException e) {
            return new Result(List.of(), List.of(new Problem(0, "file", "awareness.list.unreadable", List.of())));
        }
        return check(lines);
    }

    /** Checks lines already split into cells (line i of the list is line i+1 of the file). */
    static Result check(List<String[]> lines) {
        List<Recipient> recipients = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        int nonBlank = 0;
        for (int i = 0; i < lines.size(); i++) {
            int line = i + 1;
            String email = cell(lines.get(i), 0);
            String person = cell(lines.get(i), 1);
            if (email.isEmpty() && person.isEmpty()) {
                continue;
            }
            if (nonBlank == 0 && !email.contains("@")) {
                nonBlank++;
                continue; // the header
            }
            nonBlank++;
            if (recipients.size() + problems.size() >= MAX_LINES) {
                problems.add(new Problem(line, "file", "awareness.list.tooMany", List.of(Integer.toString(MAX_LINES))));
                break;
            }
            int before = problems.size();
            if (email.isEmpty()) {
                problems.add(new Problem(line, "email", "awareness.list.emailMissing", List.of()));
            } else if (email.length() > 320 || !EMAIL.matcher(email).matches()) {
                problems.add(new Problem(line, "email", "awareness.list.emailInvalid", List.of(email)));
            } else {
                Integer first = seen.putIfAbsent(email.toLowerCase(Locale.ROOT), line);
                if (first != null) {
                    problems.add(new Problem(
                            line, "email", "awareness.list.duplicate", List.of(email, Integer.toString(first))));
                }
            }
            if (person.isEmpty()) {
                problems.add(new Problem(line, "name", "awareness.list.nameMissing", List.of()));
            } else if (person.length() > 200) {
                problems.add(new Problem(line, "name", "awareness.list.nameTooLong", List.of("200")));
            }
            if (problems.size() == before) {
                recipients.add(new Recipient(email, person, line));
            }
        }
        if (recipients.isEmpty() && problems.isEmpty()) {
            problems.add(new Problem(0, "file", "awareness.list.empty", List.of()));
        }
        return problems.isEmpty() ? new Result(List.copyOf(recipients), List.of()) : new Result(List.of(), problems);
    }

    private static String cell(String[] line, int i) {
        return i < line.length && line[i] != null ? line[i].strip() : "";
    }

    private static List<String[]> csv(byte[] bytes) throws IOException {
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String first = text.lines().findFirst().orElse("");
        char delimiter = first.contains(";") && !first.contains(",") ? ';' : ',';
        List<String[]> lines = new ArrayList<>();
        try (Reader in = new InputStreamReader(
                        new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
                CSVParser parser = CSVFormat.DEFAULT
                        .builder()
                        .setDelimiter(delimiter)
                        .setIgnoreEmptyLines(false)
                        .get()
                        .parse(in)) {
            for (CSVRecord r : parser) {
                lines.add(r.values());
            }
        }
        return lines;
    }

    private static List<String[]> xlsx(byte[] bytes) throws IOException {
        DataFormatter format = new DataFormatter(Locale.ROOT);
        List<String[]> lines = new ArrayList<>();
        try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(bytes))) {
            Sheet sheet = wb.getSheetAt(0);
            for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                String[] cells = new String[2];
                for (int c = 0; c < 2; c++) {
                    Cell cell = row == null ? null : row.getCell(c);
                    cells[c] = cell == null ? "" : format.formatCellValue(cell);
                }
                lines.add(cells);
            }
        }
        return lines;
    }
}
