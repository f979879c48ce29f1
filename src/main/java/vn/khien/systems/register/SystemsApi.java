package vn.khien.systems.register;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/systems")
@Tag(name = "Information systems", description = "The register of information systems, components and suppliers")
class SystemsApi {

    /**
     * The API shape of a system; approvedLevel/approvedRegime/approvedOn are the level in force; proposedHostingKind is
     * the hosting kind its operator proposed, waiting for the owner to confirm or decline (null when none waits).
     */
    public record SystemView(
            long id,
            String code,
            String name,
            String purpose,
            long ownerOrganizationId,
            String ownerName,
            long operatorOrganizationId,
            String operatorName,
            SystemType systemType,
            List<InformationKind> informationKinds,
            @Nullable Long userCount,
            @Nullable Long dataSubjectCount,
            @Nullable HostingKind hostingKind,
            String hostingProvider,
            LifecycleStatus lifecycleStatus,
            LocalDate investmentStartedOn,
            LocalDate operatingSince,
            LocalDate retiredOn,
            @Nullable Integer approvedLevel,
            String approvedRegime,
            LocalDate approvedOn,
            String approvalDecisionNumber,
            boolean securityUnitOperates,
            boolean redeterminationRequired,
            String redeterminationReason,
            @Nullable HostingKind proposedHostingKind) {
        public static SystemView of(InformationSystem s) {
            return new SystemView(
                    s.id(),
                    s.code(),
                    s.name(),
                    s.purpose(),
                    s.ownerOrganizationId(),
                    s.ownerName(),
                    s.operatorOrganizationId(),
                    s.operatorName(),
                    s.systemType(),
                    s.informationKinds(),
                    s.userCount(),
                    s.dataSubjectCount(),
                    s.hostingKind(),
                    s.hostingProvider(),
                    s.lifecycleStatus(),
                    s.investmentStartedOn(),
                    s.operatingSince(),
                    s.retiredOn(),
                    s.approvedLevel(),
                    s.approvedRegime(),
                    s.approvedOn(),
                    s.approvalDecisionNumber(),
                    s.securityUnitOperates(),
                    s.redeterminationRequired(),
                    s.redeterminationReason(),
                    s.proposedHostingKind());
        }
    }

    private final SystemService service;

    public SystemsApi(SystemService service) {
        this.service = service;
    }

    @GetMapping
    @Operation(
            summary = "Systems visible to the caller; organizationId restricts to systems owned in that subtree",
            description = "level=0 lists systems without an approved level; regime filters on the approving regime")
    public List<SystemView> list(
            @RequestParam(required = false) Long organizationId,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Integer level,
            @RequestParam(required = false) LifecycleStatus status,
            @RequestParam(required = false) String regime) {
        return service.search(new SystemSearch(organizationId, q, level, status, regime)).stream()
                .map(SystemView::of)
                .toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One system")
    public SystemView get(@PathVariable long id) {
        return SystemView.of(service.record(id));
    }

    @PostMapping
    @Operation(summary = "Register a system (EDIT_SECURITY_DATA on the owner organisation)")
    public ResponseEntity<SystemView> create(@Valid @RequestBody SystemRequest request) {
        InformationSystem s = service.create(request);
        return ResponseEntity.created(URI.create("/api/v1/systems/" + s.id())).body(SystemView.of(s));
    }

    @PutMapping("/{id}")
    @Operation(
            summary = "Replace a system's data; a material change after approval starts a re-determination",
            description = "An operator outside the owner's side changes only how the system is run; another"
                    + " hostingKind from it is recorded as proposedHostingKind for the owner to confirm (the declared"
                    + " kind stays until then); any owner's fact it changes is refused by name (422).")
    public SystemView update(@PathVariable long id, @Valid @RequestBody SystemRequest request) {
        return SystemView.of(service.update(id, request));
    }

    @PostMapping("/{id}/hosting-proposal/confirm")
    @Operation(
            summary = "Confirm the hosting kind the system's operator proposed (EDIT_SECURITY_DATA on the owner)",
            description = "The proposed kind becomes the declared hostingKind; after approval this starts a"
                    + " re-determination. 422 naming proposedHostingKind when none waits. Audited.")
    @ApiResponse(responseCode = "200", description = "The system with its hosting kind confirmed")
    public SystemView confirmHostingKind(@PathVariable long id) {
        return SystemView.of(service.confirmHostingKind(id));
    }

    @PostMapping("/{id}/hosting-proposal/decline")
    @Operation(
            summary = "Decline the hosting kind the system's operator proposed (EDIT_SECURITY_DATA on the owner)",
            description = "The declared hostingKind stays. 422 naming proposedHostingKind when none waits. Audited.")
    @ApiResponse(responseCode = "200", description = "The system with the proposal removed")
    public SystemView declineHostingKind(@PathVariable long id) {
        return SystemView.of(service.declineHostingKind(id));
    }

    @GetMapping("/{id}/components")
    @Operation(summary = "Hosts, applications and software products of a system")
    public List<Component> components(@PathVariable long id) {
        return service.components(id);
    }

    @PostMapping("/{id}/components")
    @Operation(
            summary = "Add a host (name, ipAddresses, operatingSystem), application (name, url) or software "
                    + "product (vendor, product, version, cpe 2.3, purl)")
    public ResponseEntity<Component> addComponent(@PathVariable long id, @Valid @RequestBody ComponentRequest request) {
        Component c = service.addComponent(id, request);
        return ResponseEntity.created(URI.create("/api/v1/systems/" + id + "/components/" + c.id()))
                .body(c);
    }

    @DeleteMapping("/{id}/components/{componentId}")
    @Operation(summary = "Remove a component")
    public ResponseEntity<Void> removeComponent(@PathVariable long id, @PathVariable long componentId) {
        service.removeComponent(id, componentId);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/suppliers")
    @Operation(summary = "Third parties and suppliers of a system")
    public List<Supplier> suppliers(@PathVariable long id) {
        return service.suppliers(id);
    }

    @PostMapping("/{id}/suppliers")
    @Operation(summary = "Record a third party or supplier (what it provides, its access, contract period)")
    public ResponseEntity<Supplier> addSupplier(@PathVariable long id, @Valid @RequestBody SupplierRequest request) {
        Supplier s = service.addSupplier(id, request);
        return ResponseEntity.created(URI.create("/api/v1/systems/" + id + "/suppliers/" + s.id()))
                .body(s);
    }
}
