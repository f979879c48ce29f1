package vn.khien.obligations.suppliers;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Row;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khien.obligations.xlsx.TemplateSheet;
import vn.khien.obligations.xlsx.TemplateSheet.Column;
import vn.khien.obligations.xlsx.TemplateSheet.DateCells;
import vn.khien.obligations.xlsx.TemplateSheet.Problem;
import vn.khien.obligations.xlsx.TemplateSheet.Result;
import vn.khien.organizations.Organization;
import vn.khien.platform.FieldProblemException;
import vn.khien.systems.SupplierTaxCodes;

/**
 * The tax codes (mã số thuế) of an organisation's suppliers from XLSX (the template's sheet "Mã số thuế", one supplier
 * a row: one of its spellings in the register, its code), all or nothing like the budget's and the training's
 * imports: every row is checked first (a supplier of the organisation's own systems, named once; a code of the right
 * form with its check digit) and, if any cell is wrong, nothing is recorded and every problem names its row and
 * column. Each supplier's code is then written on every register row of it and audited with the import's batch, as
 * the supplier's page does one at a time.
 */
@Service
class SupplierTaxCodeImport {

    static final String SHEET = "Mã số thuế";
    static final int MAX_ROWS = 2000;

    /** Template columns: header and the request field each fills. */
    static final List<Column> COLUMNS = List.of(
            new Column("Nhà cung cấp (tên như trong danh mục hệ thống)", "supplier"),
            new Column("Mã số thuế", "taxCode"));

    private record Parsed(SupplierRisk supplier, String taxCode) {}

    private final SupplierRiskService suppliers;
    private final TemplateSheet sheet;

    SupplierTaxCodeImport(SupplierRiskService suppliers, MessageSource messages) {
        this.suppliers = suppliers;
        this.sheet =
                new TemplateSheet(SHEET, COLUMNS, MAX_ROWS, "supplierTaxCode.import", DateCells.AS_NUMBER, messages);
    }

    @Transactional
    Result importFile(long organizationId, byte[] bytes) {
        Organization org = suppliers.editable(organizationId);
        List<SupplierRisk> known = suppliers.ownSuppliers(org);
        List<Parsed> rows = new ArrayList<>();
        // the Excel row that named each supplier already (by its name as ranked)
        Map<String, Integer> named = new HashMap<>();
        List<Problem> problems = sheet.read(bytes, (name, row, found) -> {
            Parsed p = parseRow(name, row, organizationId, known, named, found);
            if (p != null) {
                rows.add(p);
            }
        });
        if (!problems.isEmpty()) {
            return Result.refused(problems);
        }
        String batch = UUID.randomUUID().toString();
        rows.forEach(p -> suppliers.writeTaxCode(organizationId, p.supplier(), p.taxCode(), batch));
        return Result.counted(rows.size());
    }

    private @Nullable Parsed parseRow(
            String name,
            Row row,
            long organizationId,
            List<SupplierRisk> known,
            Map<String, Integer> named,
            List<Problem> problems) {
        int excelRow = row.getRowNum() + 1;
        int before = problems.size();
        String spelling = sheet.cellText(row.getCell(0));
        SupplierRisk supplier = null;
        if (spelling.isBlank()) {
            problems.add(sheet.problem(name, excelRow, 0, sheet.text("supplierTaxCode.import.supplierMissing")));
        } else {
            supplier = SupplierRiskService.ownSupplier(known, organizationId, spelling);
            if (supplier == null) {
                problems.add(sheet.problem(name, excelRow, 0, sheet.text("supplierTaxCode.import.unknown", spelling)));
            } else {
                Integer first = named.putIfAbsent(supplier.name(), excelRow);
                if (first != null) {
                    problems.add(sheet.problem(
                            name,
                            excelRow,
                            0,
                            sheet.text("supplierTaxCode.import.twice", supplier.name(), String.valueOf(first))));
                }
            }
        }
        String raw = sheet.cellText(row.getCell(1));
        String code = SupplierTaxCodes.normalize(raw);
        if (code == null) {
            problems.add(sheet.problem(name, excelRow, 1, sheet.text("supplierTaxCode.import.codeMissing")));
        } else {
            FieldProblemException.FieldProblem wrong = SupplierRiskService.taxCodeProblem(code);
            if (wrong != null) {
                problems.add(sheet.problem(
                        name,
                        excelRow,
                        1,
                        sheet.text("supplierTaxCode.import.badCode", raw) + " "
                                + sheet.text(wrong.messageKey(), wrong.args())));
            }
        }
        return problems.size() == before && supplier != null && code != null ? new Parsed(supplier, code) : null;
    }

    /** The template: the header row, one example row, and a sheet explaining each column. */
    byte[] template() {
        return sheet.template(
                i -> i == 0 ? 50 : 20,
                example -> {
                    example.createCell(0).setCellValue("Công ty TNHH Phần mềm ABC");
                    example.createCell(1).setCellValue("0100109106");
                },
                List.of(
                        "Mỗi dòng là một nhà cung cấp của các hệ thống thuộc đơn vị; xóa dòng ví dụ trước khi nhập.",
                        "Cột A: tên nhà cung cấp như ghi trong danh mục hệ thống (một trong các cách viết tên của nhà"
                                + " cung cấp); mỗi nhà cung cấp một dòng.",
                        "Cột B: mã số thuế, 10 chữ số (ví dụ 0100109106) hoặc của chi nhánh, đơn vị phụ thuộc: 10 chữ"
                                + " số, dấu gạch ngang và 3 chữ số (ví dụ 0100109106-001); chữ số thứ 10 được kiểm tra"
                                + " (Thông tư 105/2020/TT-BTC, Điều 5).",
                        "Mã số thuế được ghi cho mọi dòng của nhà cung cấp trong danh mục hệ thống; các cách viết tên"
                                + " có cùng mã số thuế được gộp thành một nhà cung cấp.",
                        "Tệp có lỗi ở bất kỳ ô nào thì không dòng nào được ghi; mỗi lỗi ghi rõ dòng và cột."));
    }
}
