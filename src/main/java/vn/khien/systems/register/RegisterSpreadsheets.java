package vn.khien.systems.register;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import vn.khien.platform.DateDisplay;
import vn.khien.systems.dossier.Dossier;
import vn.khien.systems.dossier.DossierRepository;
import vn.khien.systems.dossier.DossierStatus;

/** The register as the Mẫu 08 table, and the bulk-import templates. */
@Component
class RegisterSpreadsheets {

    /** Column 6 of Mẫu 08: the form's own four labels. */
    static final Map<DossierStatus, String> APPROVAL_STATUS = Map.of(
            DossierStatus.DRAFT,
            "Đang dự thảo",
            DossierStatus.RETURNED,
            "Đang dự thảo",
            DossierStatus.SUBMITTED,
            "Đã gửi thẩm định",
            DossierStatus.APPRAISED,
            "Đã thẩm định",
            DossierStatus.APPROVED,
            "Đã được phê duyệt",
            DossierStatus.WITHDRAWN,
            "Đang dự thảo");

    private final DossierRepository dossiers;
    private final ObjectProvider<RegisterColumnsContributor> contributors;

    public RegisterSpreadsheets(DossierRepository dossiers, ObjectProvider<RegisterColumnsContributor> contributors) {
        this.dossiers = dossiers;
        this.contributors = contributors;
    }

    /** Columns 8, 10–12 from every contributor; the first to give a column its value for a system keeps it. */
    private Map<Long, Map<Integer, String>> contributed(List<InformationSystem> systems) {
        Map<Long, Map<Integer, String>> merged = new HashMap<>();
        contributors
                .orderedStream()
                .forEach(c -> c.form08Columns(systems)
                        .forEach((systemId, columns) -> columns.forEach((column, value) -> {
                            if (RegisterColumnsContributor.CONTRIBUTED.contains(column) && value != null) {
                                merged.computeIfAbsent(systemId, k -> new HashMap<>())
                                        .putIfAbsent(column, value);
                            }
                        })));
        return merged;
    }

    public byte[] form08(List<InformationSystem> systems, String title) {
        try (Workbook wb = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("Mẫu 08");
            CellStyle bold = boldStyle(wb);
            Row t = sheet.createRow(0);
            cell(
                    t,
                    0,
                    "DANH MỤC HỆ THỐNG THÔNG TIN VÀ KẾT QUẢ PHÊ DUYỆT CẤP ĐỘ (Mẫu 08, Nghị định 331/2026/NĐ-CP)",
                    bold);
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, RegisterColumns.FORM_08.size() - 1));
            cell(sheet.createRow(1), 0, title, null);
            Row header = sheet.createRow(3);
            Row numbers = sheet.createRow(4);
            for (int i = 0; i < RegisterColumns.FORM_08.size(); i++) {
                cell(header, i, RegisterColumns.FORM_08.get(i), bold);
                cell(numbers, i, "(" + (i + 1) + ")", bold);
            }
            int r = 5;
            Map<Long, Map<Integer, String>> extra = contributed(systems);
            for (InformationSystem s : systems) {
                Map<Integer, String> more = extra.getOrDefault(s.id(), Map.of());
                List<Dossier> history = dossiers.forSystem(s.id());
                Dossier latest = history.isEmpty() ? null : history.get(0);
                Dossier approved = history.stream()
                        .filter(d -> d.status() == DossierStatus.APPROVED)
                        .findFirst()
                        .orElse(null);
                Row row = sheet.createRow(r);
                cell(row, 0, String.valueOf(r - 4), null);
                cell(row, 1, s.name(), null);
                cell(row, 2, s.ownerName(), null);
                cell(row, 3, s.operatorName(), null);
                Integer level = latest != null && latest.status().open()
                        ? Integer.valueOf(latest.proposedLevel())
                        : s.approvedLevel();
                cell(row, 4, level == null ? "" : String.valueOf(level), null);
                String status = latest != null && latest.status().open()
                        ? APPROVAL_STATUS.get(latest.status())
                        : s.approvedLevel() != null ? APPROVAL_STATUS.get(DossierStatus.APPROVED) : "";
                cell(row, 5, status, null);
                cell(
                        row,
                        6,
                        approved == null
                                ? nullToEmpty(s.approvalDecisionNumber())
                                : approved.decisionNumber() + ", " + DateDisplay.DATE.format(approved.decisionDate())
                                        + ", " + approved.approverName(),
                        null);
                cell(row, 7, more.get(RegisterColumnsContributor.REGULATION_DECISION), null);
                cell(
                        row,
                        8,
                        latest != null && latest.status().open() && latest.stepDueOn() != null
                                ? DateDisplay.DATE.format(latest.stepDueOn())
                                : "",
                        null);
                // Columns 10–12 (plan deployment, inspections) come from contributors (the compliance module).
                cell(row, 9, more.get(RegisterColumnsContributor.PLAN_DEPLOYMENT), null);
                cell(row, 10, more.get(RegisterColumnsContributor.FULL_DEPLOYMENT_EXPECTED), null);
                cell(row, 11, more.get(RegisterColumnsContributor.INSPECTIONS), null);
                r++;
            }
            for (int i = 0; i < RegisterColumns.FORM_08.size(); i++) {
                sheet.setColumnWidth(i, i == 1 ? 40 * 256 : 22 * 256);
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public byte[] importTemplateXlsx() {
        try (Workbook wb = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("He thong");
            CellStyle bold = boldStyle(wb);
            Row header = sheet.createRow(0);
            Row example = sheet.createRow(1);
            List<String> sample = sampleRow();
            for (int i = 0; i < RegisterColumns.IMPORT.size(); i++) {
                cell(header, i, RegisterColumns.IMPORT.get(i).header(), bold);
                cell(example, i, sample.get(i), null);
                sheet.setColumnWidth(i, 28 * 256);
            }
            // The values each coded column accepts: the label as typed in the form, or its code (issue 9).
            Sheet values = wb.createSheet("Gia tri");
            Row h = values.createRow(0);
            cell(h, 0, "Cột", bold);
            cell(h, 1, "Giá trị (ghi tên hoặc mã)", bold);
            cell(h, 2, "Mã", bold);
            int r = 1;
            for (Map.Entry<String, Map<String, String>> column : valueLists().entrySet()) {
                for (Map.Entry<String, String> v : column.getValue().entrySet()) {
                    Row row = values.createRow(r++);
                    cell(row, 0, column.getKey(), null);
                    cell(row, 1, v.getValue(), null);
                    cell(row, 2, v.getKey(), null);
                }
            }
            values.setColumnWidth(0, 30 * 256);
            values.setColumnWidth(1, 45 * 256);
            values.setColumnWidth(2, 25 * 256);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public byte[] importTemplateCsv() {
        StringBuilder sb = new StringBuilder("\uFEFF");
        try (CSVPrinter printer = new CSVPrinter(sb, CSVFormat.DEFAULT)) {
            printer.printRecord(RegisterColumns.IMPORT.stream()
                    .map(RegisterColumns.Column::header)
                    .toList());
            printer.printRecord(sampleRow());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> sampleRow() {
        return List.of(
                "QLVB",
                "Hệ thống quản lý văn bản và điều hành",
                "MA-CHU-QUAN",
                "MA-DON-VI-VAN-HANH",
                "Phục vụ hoạt động nội bộ",
                "Quản lý văn bản đến, văn bản đi",
                "Thông tin riêng, Dữ liệu cá nhân cơ bản",
                "350",
                "",
                "Trung tâm dữ liệu",
                "Trung tâm dữ liệu tỉnh",
                "Đang vận hành",
                "",
                "01/03/2021");
    }

    /** Column header → (code → Vietnamese label) for the coded columns of the import. */
    private static Map<String, Map<String, String>> valueLists() {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        ResourceBundle vi = ResourceBundle.getBundle("messages-systems", Locale.ROOT);
        for (RegisterColumns.Column c : RegisterColumns.IMPORT) {
            Class<? extends Enum<?>> type = switch (c.key()) {
                case "type" -> SystemType.class;
                case "info" -> InformationKind.class;
                case "hosting" -> HostingKind.class;
                case "status" -> LifecycleStatus.class;
                default -> null;
            };
            if (type == null) {
                continue;
            }
            Map<String, String> values = new LinkedHashMap<>();
            for (Enum<?> e : type.getEnumConstants()) {
                String key = RegisterImport.labelKey(type, e);
                values.put(e.name(), vi.containsKey(key) ? vi.getString(key) : e.name());
            }
            out.put(c.header(), values);
        }
        return out;
    }

    private static CellStyle boldStyle(Workbook wb) {
        CellStyle style = wb.createCellStyle();
        Font font = wb.createFont();
        font.setBold(true);
        font.setFontName("Times New Roman");
        style.setFont(font);
        style.setWrapText(true);
        return style;
    }

    private static void cell(Row row, int col, @Nullable String value, @Nullable CellStyle style) {
        Cell c = row.createCell(col);
        c.setCellValue(value == null ? "" : value);
        if (style != null) {
            c.setCellStyle(style);
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
