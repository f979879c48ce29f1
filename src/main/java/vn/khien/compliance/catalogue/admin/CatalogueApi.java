package vn.khien.compliance.catalogue.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/compliance/catalogues")
@Tag(name = "Requirement catalogues", description = "Versioned requirement catalogues and organisation layers")
class CatalogueApi {

    public record CatalogueView(
            long id,
            String key,
            String version,
            String versionedId,
            String layer,
            String regime,
            @Nullable Long organizationId,
            String origin,
            boolean active,
            Instant loadedAt,
            int requirements,
            String titleVi,
            String titleEn,
            String confidence) {
        static CatalogueView of(StoredCatalogue c) {
            return new CatalogueView(
                    c.id(),
                    c.key(),
                    c.version(),
                    c.versionedId(),
                    c.layer(),
                    c.regime(),
                    c.organizationId(),
                    c.origin(),
                    c.active(),
                    c.loadedAt(),
                    c.requirementCount(),
                    c.catalogue().header().titleVi(),
                    c.catalogue().header().titleEn(),
                    c.catalogue().header().confidence().name());
        }
    }

    private final CatalogueAdmin admin;

    public CatalogueApi(CatalogueAdmin admin) {
        this.admin = admin;
    }

    @GetMapping
    @Operation(summary = "Loaded catalogue versions: legal base catalogues and the organisation layers in scope")
    public List<CatalogueView> list() {
        return admin.visible().stream().map(CatalogueView::of).toList();
    }

    @PostMapping(consumes = {"application/yaml", "text/yaml", MediaType.TEXT_PLAIN_VALUE})
    @Operation(
            summary = "Import a catalogue version as YAML (BASE: platform administrator; ORGANISATION layer: "
                    + "MANAGE_ORGANIZATIONS on the organisation named in the header)")
    public ResponseEntity<CatalogueView> importYaml(@RequestBody String yaml) {
        return ResponseEntity.status(HttpStatus.CREATED).body(CatalogueView.of(admin.importYaml(yaml)));
    }

    @GetMapping(value = "/{id}/yaml", produces = "application/yaml")
    @Operation(summary = "Export a catalogue version as YAML")
    public ResponseEntity<String> export(@PathVariable long id) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/yaml;charset=UTF-8"))
                .body(admin.export(id));
    }
}
