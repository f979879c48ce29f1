package vn.khien.incidents.hunting;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(
        name = "Threat hunting",
        description = "Threat-hunting campaigns (Chỉ thị 18/CT-TTg); findings become remediation tasks of systems")
class HuntingApi {

    private final HuntingService service;

    HuntingApi(HuntingService service) {
        this.service = service;
    }

    @GetMapping("/api/v1/hunting-campaigns")
    @Operation(summary = "The threat-hunting campaigns the caller may see, newest first")
    @ApiResponse(responseCode = "200", description = "The campaigns, without their findings")
    public List<HuntingRepository.Campaign> list() {
        return service.list();
    }

    @PostMapping("/api/v1/hunting-campaigns")
    @Operation(
            summary = "Record a campaign: scope, hypotheses, techniques, result; each finding opens a remediation task")
    @ApiResponse(responseCode = "201", description = "The campaign with its findings and their task ids")
    public ResponseEntity<HuntingRepository.Campaign> record(@RequestBody HuntingService.CampaignRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(service.record(request));
    }

    @GetMapping("/api/v1/hunting-campaigns/{id}")
    @Operation(summary = "A campaign with its findings and the remediation tasks they opened")
    @ApiResponse(responseCode = "200", description = "The campaign")
    public HuntingRepository.Campaign show(@PathVariable long id) {
        return service.show(id);
    }
}
