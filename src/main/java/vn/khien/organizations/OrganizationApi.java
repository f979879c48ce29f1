package vn.khien.organizations;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/organizations")
@Tag(name = "Organizations", description = "The organisation tree, scoped to the caller's subtree")
class OrganizationApi {

    /** The API shape: {@code name} is the Vietnamese name. */
    public record OrganizationView(
            long id,
            String code,
            String name,
            @Nullable String nameEn,
            OrgKind kind,
            @Nullable Long parentId,
            int depth,
            @Nullable String address,
            ContactView contact,
            boolean requireMfa,
            boolean demo) {
        static OrganizationView of(Organization o) {
            return new OrganizationView(
                    o.id(),
                    o.code(),
                    o.nameVi(),
                    o.nameEn(),
                    o.kind(),
                    o.parentId(),
                    o.depth(),
                    o.address(),
                    new ContactView(
                            o.contact().person(),
                            o.contact().phone(),
                            o.contact().email(),
                            o.contact().confirmedOn(),
                            o.contact().published()),
                    o.requireMfa(),
                    o.demo());
        }
    }

    public record ContactView(
            @Nullable String person,
            @Nullable String phone,
            @Nullable String email,
            @Nullable LocalDate confirmedOn,
            boolean published) {}

    private final OrganizationService service;

    public OrganizationApi(OrganizationService service) {
        this.service = service;
    }

    @GetMapping
    @Operation(summary = "Organisations visible to the caller, in tree order")
    public List<OrganizationView> list() {
        return service.visible().stream().map(OrganizationView::of).toList();
    }

    @GetMapping("/{id}")
    public OrganizationView get(@PathVariable long id) {
        return OrganizationView.of(service.get(id));
    }

    @PostMapping
    @Operation(summary = "Create an organisation under parentId (organisation administrators of the parent)")
    public ResponseEntity<OrganizationView> create(@Valid @RequestBody OrganizationForm form) {
        Organization o = service.create(form);
        return ResponseEntity.created(URI.create("/api/v1/organizations/" + o.id()))
                .body(OrganizationView.of(o));
    }

    /** Partial update; a new parentId moves the organisation with its whole subtree. */
    @PatchMapping("/{id}")
    @Operation(summary = "Change fields; a new parentId moves the subtree, keeping its data and history")
    public OrganizationView patch(@PathVariable long id, @RequestBody Map<String, Object> changes) {
        Organization current = service.get(id);
        OrganizationForm form = OrganizationPatch.apply(OrganizationForm.of(current), changes);
        return OrganizationView.of(service.update(id, form));
    }
}
