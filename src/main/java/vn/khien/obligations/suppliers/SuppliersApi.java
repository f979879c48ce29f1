package vn.khien.obligations.suppliers;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.khien.obligations.xlsx.XlsxImports;

/** Supply-chain risk (R36): suppliers ranked by risk, and their assessments. */
@RestController
class SuppliersApi {

    private final SupplierRiskService suppliers;
    private final SupplierTaxCodeImport taxCodeImport;

    SuppliersApi(SupplierRiskService suppliers, SupplierTaxCodeImport taxCodeImport) {
        this.suppliers = suppliers;
        this.taxCodeImport = taxCodeImport;
    }

    @GetMapping("/api/v1/organizations/{id}/suppliers")
    @Operation(summary = "List the suppliers of the systems owned in an organisation's subtree, worst risk first")
    @ApiResponse(responseCode = "200", description = "Suppliers with their access, latest assessment and due date")
    List<SupplierRisk> ranked(@PathVariable long id) {
        return suppliers.ranked(id);
    }

    @PostMapping("/api/v1/organizations/{id}/supplier-assessments")
    @Operation(summary = "Record a risk assessment of a supplier of the organisation's systems")
    @ApiResponse(responseCode = "201", description = "The recorded assessment, with its next due date")
    ResponseEntity<SupplierAssessment> assess(@PathVariable long id, @RequestBody SupplierAssessmentRequest request) {
        SupplierAssessment saved = suppliers.assess(id, request);
        return ResponseEntity.created(URI.create("/api/v1/supplier-assessments/" + saved.id()))
                .body(saved);
    }

    @PutMapping("/api/v1/organizations/{id}/suppliers/tax-code")
    @Operation(
            summary = "Record the tax code (mã số thuế) of a supplier of the organisation's systems",
            description = "The code (10 digits, or 10 digits, a hyphen and 3 digits; its check digit verified) is"
                    + " written on every register row of the supplier and becomes its key: spellings of its name"
                    + " carrying the same code are one supplier. A blank code clears it.")
    @ApiResponse(responseCode = "200", description = "The supplier as it now stands, with its tax code and spellings")
    SupplierRisk taxCode(@PathVariable long id, @RequestBody SupplierTaxCodeRequest request) {
        return suppliers.recordTaxCode(id, request);
    }

    /** All or nothing: any problem gives 422 with errors[].field = rows[N].field and no tax code is recorded. */
    @PostMapping(
            value = "/api/v1/organizations/{id}/supplier-tax-codes",
            consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(
            summary = "Import the tax codes of the organisation's suppliers from XLSX, all or nothing",
            description = "The template of /suppliers/tax-codes/template.xlsx: column A a supplier's name as in the"
                    + " register, column B its tax code (check digit verified). Any wrong cell refuses the whole file:"
                    + " 422 naming each row and column. Each code is written on every register row of its supplier.")
    @ApiResponse(responseCode = "201", description = "How many suppliers received their tax code")
    ResponseEntity<XlsxImports.ImportedRows> importTaxCodes(
            @PathVariable long id, @RequestParam("file") MultipartFile file) throws IOException {
        return XlsxImports.answer(taxCodeImport.importFile(id, file.getBytes()), "supplierTaxCode.import");
    }

    @GetMapping("/api/v1/supplier-assessments/{id}")
    @Operation(summary = "Read one supplier risk assessment")
    @ApiResponse(responseCode = "200", description = "The assessment")
    SupplierAssessment get(@PathVariable long id) {
        return suppliers.assessment(id);
    }
}
