package vn.khien.obligations.suppliers;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
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

    @GetMapping("/api/v1/supplier-assessments/{id}")
    @Operation(summary = "Read one supplier risk assessment")
    @ApiResponse(responseCode = "200", description = "The assessment")
    SupplierAssessment get(@PathVariable long id) {
        return suppliers.assessment(id);
    }
}
