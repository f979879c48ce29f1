package vn.khien.systems.progress;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Level progress", description = "Systems per level, share approved, late dossiers and campaign targets")
class ProgressApi {
    private final ProgressService service;

    public ProgressApi(ProgressService service) {
        this.service = service;
    }

    @GetMapping("/api/v1/level-progress")
    @Operation(summary = "Progress of the systems owned in an organisation's subtree")
    public Progress progress(@RequestParam long organizationId) {
        return service.of(organizationId);
    }
}
