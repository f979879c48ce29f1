package vn.khien.incidents.drills;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Drills", description = "Incident-response drills of a system; findings become remediation tasks")
class DrillsApi {

    private final DrillService service;

    public DrillsApi(DrillService service) {
        this.service = service;
    }

    @PostMapping("/api/v1/systems/{id}/drills")
    @Operation(summary = "Record a drill (LIVE_FIRE or TABLE_TOP); each finding opens a compliance remediation task")
    public ResponseEntity<DrillRepository.Drill> record(
            @PathVariable long id, @RequestBody DrillService.DrillRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(service.record(id, request));
    }

    @GetMapping("/api/v1/systems/{id}/drills")
    @Operation(summary = "A system's drills and its yearly live-fire duty (level 3 and above)")
    public DrillService.SystemDrills list(@PathVariable long id) {
        return service.forSystem(id);
    }
}
