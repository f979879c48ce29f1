package vn.khien.incidents.plans;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(
        name = "Response plans",
        description = "Incident-response plans per system (R23): versioned, approved by the owner")
class ResponsePlansApi {

    private final ResponsePlanService service;

    ResponsePlansApi(ResponsePlanService service) {
        this.service = service;
    }

    record DraftRequest(Map<String, String> sections) {}

    @GetMapping("/api/v1/systems/{id}/response-plans")
    @Operation(
            summary =
                    "A system's response plans: the outline its level calls for, the plan in force, the draft, every version")
    public ResponsePlanService.SystemPlans list(@PathVariable long id) {
        return service.forSystem(id);
    }

    @PutMapping("/api/v1/systems/{id}/response-plans/draft")
    @Operation(
            summary =
                    "Write the draft's sections (keys of the outline); creates the next version when there is no draft")
    public ResponsePlan saveDraft(@PathVariable long id, @RequestBody DraftRequest request) {
        return service.saveDraft(id, request == null ? Map.of() : request.sections());
    }

    @PostMapping("/api/v1/systems/{id}/response-plans/{planId}/approve")
    @Operation(
            summary = "The owner approves the draft (every mandatory section filled); the plan in force is superseded")
    public ResponsePlan approve(@PathVariable long id, @PathVariable long planId) {
        return service.approve(id, planId);
    }
}
