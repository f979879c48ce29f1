package vn.khien.identity;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.khien.access.Role;

@RestController
@RequestMapping("/api/v1/users")
@Tag(name = "People", description = "People and their roles, scoped to the caller's subtree")
class PeopleApi {

    public record GrantView(long id, Role role, long organizationId, String organizationCode) {}

    public record PersonView(
            long id,
            String username,
            String displayName,
            @Nullable String email,
            boolean enabled,
            boolean mfaEnabled,
            List<GrantView> roles) {}

    private final PeopleService service;

    public PeopleApi(PeopleService service) {
        this.service = service;
    }

    @GetMapping
    public List<PersonView> list() {
        return service.visible().stream().map(this::view).toList();
    }

    @GetMapping("/{id}")
    public PersonView get(@PathVariable long id) {
        return view(service.get(id));
    }

    @PostMapping
    public ResponseEntity<PersonView> create(@Valid @RequestBody NewPersonRequest request) {
        Person p = service.create(request);
        return ResponseEntity.created(URI.create("/api/v1/users/" + p.id())).body(view(p));
    }

    @PostMapping("/{id}/roles")
    public PersonView grant(@PathVariable long id, @Valid @RequestBody NewPersonRequest.RoleRequest role) {
        // validated (@NotNull on both)
        service.grant(
                id,
                Objects.requireNonNull(role.getOrganizationId(), "organizationId"),
                Objects.requireNonNull(role.getRole(), "role"));
        return get(id);
    }

    private PersonView view(Person p) {
        return new PersonView(
                p.id(),
                p.username(),
                p.displayName(),
                p.email(),
                p.enabled(),
                p.totpEnabled(),
                service.grantsVisibleOf(p.id()).stream()
                        .map(g -> new GrantView(g.id(), g.role(), g.organizationId(), g.organizationCode()))
                        .toList());
    }
}
