package vn.khien.obligations.suppliers;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Supply-chain risk (R36): suppliers ranked by risk, and their assessments. */
@RestController
class SuppliersApi {

    private final SupplierRiskService suppliers;

    SuppliersApi(SupplierRiskService suppliers) {
        this.suppliers = suppliers;
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

    @GetMapping("/api/v1/supplier-assessments/{id}")
    @Operation(summary = "Read one supplier risk assessment")
    @ApiResponse(responseCode = "200", description = "The assessment")
    SupplierAssessment get(@PathVariable long id) {
        return suppliers.assessment(id);
    }
}
