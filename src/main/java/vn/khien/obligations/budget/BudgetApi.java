package vn.khien.obligations.budget;

import java.net.URI;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** IT plans and projects of an organisation, and the ≥10% security share per plan, organisation and subtree (R39). */
@RestController
class BudgetApi {

    private final BudgetService budgets;

    BudgetApi(BudgetService budgets) {
        this.budgets = budgets;
    }

    @PostMapping("/api/v1/organizations/{id}/budget-plans")
    ResponseEntity<Map<String, Object>> create(@PathVariable long id, @RequestBody BudgetPlanRequest request) {
        long plan = budgets.create(id, request);
        return ResponseEntity.created(URI.create("/api/v1/organizations/" + id + "/budget-summary?year="
                + request.year())).body(Map.of("id", plan));
    }

    @GetMapping("/api/v1/organizations/{id}/budget-summary")
    BudgetService.Summary summary(@PathVariable long id, @RequestParam int year) {
        return budgets.summary(id, year);
    }
}
