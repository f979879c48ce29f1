package vn.khien.systems.register;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khien.access.OrgScope;
import vn.khien.platform.DateDisplay;
import vn.khien.platform.FieldProblemException.FieldProblem;

/**
 * Bulk registration from XLSX or CSV. Every row is checked (bean validation, the register's business rules, codes
 * repeated within the file) before anything is written; one problem anywhere imports nothing.
 */
@Service
class RegisterImport {

    public record ImportProblem(int row, String column, String field, String message) {}

    public record ImportResult(int imported, List<Long> ids, List<ImportProblem> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    private static final Pattern KEY = Pattern.compile("\\[(\\w+)]\\s*$");
    private static final int MAX_ROWS = 5000;

    private final SystemService systems;
    private final Validator validator;
    private final JdbcClient jdbc;
    private final ProblemMessages messages;
    private final OrgScope scope;

    public RegisterImport(
            SystemService systems, Validator validator, JdbcClient jdbc, ProblemMessages messages, OrgScope scope) {
        this.scope = scope;
        this.systems = systems;
        this.validator = validator;
        this.jdbc = jdbc;
        this.messages = messages;
    }

    @Transactional
    public ImportResult importFile(@Nullable String fileName, byte[] content) {
        List<ImportProblem> problems = new ArrayList<>();
        List<Map<String, String>> rows;
        try {
            rows = readRows(content);
        } catch (IOException | RuntimeException e) {
            return failed(new ImportProblem(1, "", "file", messages.text("systems.import.badFormat")));
        }
        if (rows.size() < 2) {
            return failed(new ImportProblem(1, "", "file", messages.text("systems.import.emptyFile")));
        }
        if (rows.size() - 1 > MAX_ROWS) {
            // All-or-nothing: a file we would only partly read is refused whole, never silently cut.
            return failed(new ImportProblem(
                    1, "", "file", messages.text("systems.import.tooManyRows", rows.size() - 1, MAX_ROWS)));
        }
        Map<String, String> header = rows.get(0);
        for (RegisterColumns.Column c : RegisterColumns.IMPORT) {
            if (c.required() && !header.containsKey(c.key())) {
                problems.add(new ImportProblem(
                        1, c.label(), c.key(), messages.text("systems.import.missingColumn", c.label())));
            }
        }
        if (!problems.isEmpty()) {
            return new ImportResult(0, List.of(), problems);
        }
        List<SystemRequest> requests = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 1; i < rows.size(); i++) {
            Map<String, String> row = rows.get(i);
            int rowNumber = Integer.parseInt(row.get("#"));
            SystemRequest request = toRequest(row, rowNumber, problems);
            requests.add(request);
            // A value that could not be read is reported once, not again as "required".
            Set<String> unreadable = new HashSet<>();
            problems.stream().filter(p -> p.row() == rowNumber).forEach(p -> unreadable.add(p.field()));
            for (ConstraintViolation<SystemRequest> v : validator.validate(request)) {
                ImportProblem p = problem(rowNumber, v.getPropertyPath().toString(), v.getMessage());
                if (!unreadable.contains(p.field())) {
                    problems.add(p);
                }
            }
            if (request.getOwnerOrganizationId() != null && request.getOperatorOrganizationId() != null) {
                for (FieldProblem p : systems.problemsOf(request, null)) {
                    problems.add(problem(rowNumber, p.field(), messages.text(p.messageKey(), p.args())));
                }
            }
            if (request.getCode() != null && request.getOwnerOrganizationId() != null) {
                String key = request.getOwnerOrganizationId() + "/"
                        + request.getCode().toLowerCase();
                Integer earlier = seen.putIfAbsent(key, rowNumber);
                if (earlier != null) {
                    problems.add(problem(rowNumber, "code", messages.text("systems.import.duplicateInFile", earlier)));
                }
            }
        }
        if (!problems.isEmpty()) {
            return new ImportResult(0, List.of(), problems);
        }
        List<Long> ids = new ArrayList<>();
        requests.forEach(r -> ids.add(systems.create(r).id()));
        return new ImportResult(ids.size(), ids, List.of());
    }

    public String emptyFileMessage() {
        return messages.text("systems.import.emptyFile");
    }

    private static ImportResult failed(ImportProblem p) {
        return new ImportResult(0, List.of(), List.of(p));
    }

    private ImportProblem problem(int row, String field, String message) {
        RegisterColumns.Column c = RegisterColumns.byField(field);
        return new ImportProblem(row, c == null ? field : c.label(), c == null ? field : c.key(), message);
    }

    private SystemRequest toRequest(Map<String, String> row, int rowNumber, List<ImportProblem> problems) {
        SystemRequest r = new SystemRequest();
        r.setCode(row.get("code"));
        r.setName(row.get("name"));
        r.setPurpose(row.get("purpose"));
        Long owner = organization(row.get("owner"), rowNumber, "ownerOrganizationId", problems);
        // An owner outside the caller's subtree reads exactly like an unknown code.
        if (owner != null && !scope.canSee(owner)) {
            problems.add(problem(
                    rowNumber,
                    "ownerOrganizationId",
                    messages.text("systems.import.unknownOrganization", row.get("owner"))));
            owner = null;
        }
        r.setOwnerOrganizationId(owner);
        Long operator = organization(row.get("operator"), rowNumber, "operatorOrganizationId", problems);
        // Issue 10: an operator code outside the caller's view and not a published provider reads like an unknown one.
        if (operator != null && !scope.canSee(operator) && !systems.publishedProvider(operator)) {
            problems.add(problem(
                    rowNumber,
                    "operatorOrganizationId",
                    messages.text("systems.import.unknownOrganization", row.get("operator"))));
            operator = null;
        }
        r.setOperatorOrganizationId(operator);
        r.setSystemType(enumValue(SystemType.class, row.get("type"), rowNumber, "systemType", problems));
        String info = row.get("info");
        if (info != null) {
            List<InformationKind> kinds = new ArrayList<>();
            for (String k : info.split("[,;]")) {
                if (!k.isBlank()) {
                    InformationKind kind = enumValue(InformationKind.class, k, rowNumber, "informationKinds", problems);
                    if (kind != null) {
                        kinds.add(kind);
                    }
                }
            }
            r.setInformationKinds(kinds);
        }
        r.setUserCount(number(row.get("users"), rowNumber, "userCount", problems));
        r.setDataSubjectCount(number(row.get("subjects"), rowNumber, "dataSubjectCount", problems));
        r.setHostingKind(enumValue(HostingKind.class, row.get("hosting"), rowNumber, "hostingKind", problems));
        r.setHostingProvider(row.get("provider"));
        LifecycleStatus status =
                enumValue(LifecycleStatus.class, row.get("status"), rowNumber, "lifecycleStatus", problems);
        r.setLifecycleStatus(status);
        r.setInvestmentStartedOn(date(row.get("investment"), rowNumber, "investmentStartedOn", problems));
        r.setOperatingSince(date(row.get("operating"), rowNumber, "operatingSince", problems));
        return r;
    }

    private @Nullable Long organization(@Nullable String code, int row, String field, List<ImportProblem> problems) {
        if (code == null) {
            return null;
        }
        Optional<Long> id = jdbc.sql("SELECT id FROM organization WHERE LOWER(code) = LOWER(:c)")
                .param("c", code.trim())
                .query(Long.class)
                .optional();
        if (id.isEmpty()) {
            problems.add(problem(row, field, messages.text("systems.import.unknownOrganization", code)));
        }
        return id.orElse(null);
    }

    private <E extends Enum<E>> @Nullable E enumValue(
            Class<E> type, @Nullable String value, int row, String field, List<ImportProblem> problems) {
        if (value == null) {
            return null;
        }
        try {
            if (type == SystemType.class) {
                return type.cast(SystemType.fromCode(value));
            }
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            // The Vietnamese (or English) label as the form shows it is accepted as well as the code (issue 9).
            String wanted = normalise(value);
            for (E constant : type.getEnumConstants()) {
                for (Locale l : List.of(Locale.forLanguageTag("vi"), Locale.ENGLISH)) {
                    String label = messages.textIn(l, labelKey(type, constant));
                    if (label != null && normalise(label).equals(wanted)) {
                        return constant;
                    }
                }
            }
            problems.add(problem(row, field, messages.text("systems.import.badValueOf", value, acceptedValues(type))));
            return null;
        }
    }

    /** "Trung tâm dữ liệu (DATA_CENTRE), …": what a column accepts, for messages and the template. */
    public <E extends Enum<E>> String acceptedValues(Class<E> type) {
        Locale vi = Locale.forLanguageTag("vi");
        return Arrays.stream(type.getEnumConstants())
                .map(c -> messages.textIn(vi, labelKey(type, c)) + " (" + c.name() + ")")
                .collect(Collectors.joining("; "));
    }

    static String labelKey(Class<?> type, Enum<?> constant) {
        String prefix = type == SystemType.class
                ? "systemType"
                : type == InformationKind.class
                        ? "infoKind"
                        : type == HostingKind.class
                                ? "hosting"
                                : type == LifecycleStatus.class ? "lifecycle" : type.getSimpleName();
        return prefix + "." + constant.name();
    }

    private static String normalise(String s) {
        return s.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }

    private @Nullable Long number(@Nullable String value, int row, String field, List<ImportProblem> problems) {
        if (value == null) {
            return null;
        }
        try {
            return Long.parseLong(value.replace(".", "").replace(",", "").replace(" ", ""));
        } catch (NumberFormatException e) {
            problems.add(problem(row, field, messages.text("systems.import.badValue", value)));
            return null;
        }
    }

    private @Nullable LocalDate date(@Nullable String value, int row, String field, List<ImportProblem> problems) {
        if (value == null) {
            return null;
        }
        try {
            return value.contains("/")
                    ? LocalDate.parse(value.trim(), DateDisplay.DATE)
                    : LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            problems.add(problem(row, field, messages.text("systems.import.badValue", value)));
            return null;
        }
    }

    /**
     * The pure parsing step of {@link #importFile}, fuzzed by RegisterImportFuzzTest: rows as key → value, row 0 the
     * header. Any problem with the bytes is an IOException or a RuntimeException (both reported as "bad format").
     */
    static List<Map<String, String>> readRows(byte[] content) throws IOException {
        if (!isXlsx(content)) {
            return readCsv(content);
        }
        try {
            return readXlsx(content);
        } catch (NoClassDefFoundError e) {
            // A zip entry compressed with a method whose optional codec is not on the classpath (e.g. zstd, method 93):
            // commons-compress fails to load the class. Found by fuzzing; without this it escaped as an Error.
            throw new IOException("Unsupported compression in the XLSX file: " + e.getMessage(), e);
        }
    }

    private static boolean isXlsx(byte[] content) {
        return content.length > 3 && content[0] == 'P' && content[1] == 'K';
    }

    /** Rows as key → value; row 0 maps keys to themselves (the header); "#" holds the spreadsheet row number. */
    private static List<Map<String, String>> readXlsx(byte[] content) throws IOException {
        List<Map<String, String>> rows = new ArrayList<>();
        try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(content))) {
            Sheet sheet = wb.getSheetAt(0);
            DataFormatter fmt = new DataFormatter();
            Row headerRow = sheet.getRow(sheet.getFirstRowNum());
            List<String> keys = new ArrayList<>();
            for (int c = 0; c < headerRow.getLastCellNum(); c++) {
                keys.add(key(fmt.formatCellValue(headerRow.getCell(c))));
            }
            rows.add(headerMap(keys));
            for (int r = sheet.getFirstRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row == null) {
                    continue;
                }
                Map<String, String> values = new LinkedHashMap<>();
                for (int c = 0; c < keys.size(); c++) {
                    values.put(keys.get(c), text(row.getCell(c), fmt));
                }
                addIfNotBlank(rows, values, r + 1);
            }
        }
        return rows;
    }

    private static @Nullable String text(Cell cell, DataFormatter fmt) {
        if (cell == null) {
            return null;
        }
        if (cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
            return cell.getLocalDateTimeCellValue().toLocalDate().toString();
        }
        String s = fmt.formatCellValue(cell);
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static List<Map<String, String>> readCsv(byte[] content) throws IOException {
        List<Map<String, String>> rows = new ArrayList<>();
        String text = new String(content, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        char delimiter = text.lines()
                                .findFirst()
                                .orElse("")
                                .chars()
                                .filter(ch -> ch == ';')
                                .count()
                        > text.lines()
                                .findFirst()
                                .orElse("")
                                .chars()
                                .filter(ch -> ch == ',')
                                .count()
                ? ';'
                : ',';
        try (Reader reader = new StringReader(text)) {
            List<CSVRecord> records = CSVFormat.DEFAULT
                    .builder()
                    .setDelimiter(delimiter)
                    .get()
                    .parse(reader)
                    .getRecords();
            if (records.isEmpty()) {
                return rows;
            }
            List<String> keys = new ArrayList<>();
            records.get(0).forEach(h -> keys.add(key(h)));
            rows.add(headerMap(keys));
            for (int i = 1; i < records.size(); i++) {
                Map<String, String> values = new LinkedHashMap<>();
                CSVRecord rec = records.get(i);
                for (int c = 0; c < keys.size() && c < rec.size(); c++) {
                    String v = rec.get(c);
                    values.put(keys.get(c), v == null || v.isBlank() ? null : v.trim());
                }
                addIfNotBlank(rows, values, (int) rec.getRecordNumber());
            }
        }
        return rows;
    }

    private static void addIfNotBlank(List<Map<String, String>> rows, Map<String, String> values, int rowNumber) {
        if (values.values().stream().anyMatch(v -> v != null)) {
            values.put("#", String.valueOf(rowNumber));
            rows.add(values);
        }
    }

    private static Map<String, String> headerMap(List<String> keys) {
        Map<String, String> header = new LinkedHashMap<>();
        keys.forEach(k -> header.put(k, k));
        return header;
    }

    private static String key(String header) {
        if (header == null) {
            return "";
        }
        Matcher m = KEY.matcher(header.trim());
        if (m.find()) {
            return m.group(1);
        }
        String h = header.trim();
        return RegisterColumns.IMPORT.stream()
                .filter(c -> c.label().equalsIgnoreCase(h) || c.key().equalsIgnoreCase(h))
                .map(RegisterColumns.Column::key)
                .findFirst()
                .orElse(h);
    }
}
