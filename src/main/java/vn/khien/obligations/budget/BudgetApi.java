package vn.khien.obligations.budget;

import java.io.IOException;
import java.net.URI;
import java.util.Map;
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

/** IT plans and projects of an organisation, and the ≥10% security share per plan, organisation and subtree (R39). */
@RestController
class BudgetApi {

    private final BudgetService budgets;
    private final BudgetImport importer;

    BudgetApi(BudgetService budgets, BudgetImport importer) {
        this.budgets = budgets;
        this.importer = importer;
    }

    @PostMapping("/api/v1/organizations/{id}/budget-plans")
    ResponseEntity<Map<String, Object>> create(@PathVariable long id, @RequestBody BudgetPlanRequest request) {
        long plan = budgets.create(id, request);
        return ResponseEntity.created(URI.create("/api/v1/budget-plans/" + plan))
                .body(Map.of("id", plan));
    }

    /** All-or-nothing: any problem gives 422 with errors[].field = rows[N].field and nothing is stored. */
    @PostMapping(
            value = "/api/v1/organizations/{id}/budget-plans/import",
            consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<XlsxImports.ImportedRows> importFile(@PathVariable long id, @RequestParam("file") MultipartFile file)
            throws IOException {
        return XlsxImports.answer(importer.importFile(id, file.getBytes()), "budget.import");
    }

    @GetMapping("/api/v1/budget-plans/{id}")
    BudgetPlan get(@PathVariable long id) {
        return budgets.plan(id);
    }

    @PutMapping("/api/v1/budget-plans/{id}")
    BudgetPlan update(@PathVariable long id, @RequestBody BudgetPlanRequest request) {
        return budgets.update(id, request);
    }

    @PostMapping("/api/v1/budget-plans/{id}/approve")
    BudgetPlan approve(@PathVariable long id) {
        return budgets.approve(id);
    }

    @GetMapping("/api/v1/organizations/{id}/budget-summary")
    BudgetService.Summary summary(@PathVariable long id, @RequestParam int year) {
        return budgets.summary(id, year);
    }
}
