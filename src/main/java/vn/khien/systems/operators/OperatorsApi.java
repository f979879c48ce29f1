package vn.khien.systems.operators;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(
        name = "System operators",
        description = "Published operator providers and proposals that an outside organisation operates a system")
class OperatorsApi {

    /** A proposal as the API answers it; operatorName is null while the caller may not know that organisation. */
    record ProposalResponse(
            long id,
            long systemId,
            long operatorOrganizationId,
            OperatorProposal.Status status,
            @Nullable String note,
            Instant proposedAt,
            @Nullable Instant decidedAt,
            @Nullable String decisionReason) {
        static ProposalResponse of(OperatorProposal p) {
            return new ProposalResponse(
                    p.id(),
                    p.systemId(),
                    p.operatorOrganizationId(),
                    p.status(),
                    p.note(),
                    p.proposedAt(),
                    p.decidedAt(),
                    p.decisionReason());
        }
    }

    record ProposeRequest(
            @Nullable Long operatorOrganizationId, @Nullable String note) {}

    record DeclineRequest(@Nullable String reason) {}

    private final OperatorService service;

    OperatorsApi(OperatorService service) {
        this.service = service;
    }

    @GetMapping("/api/v1/operator-providers")
    @Operation(summary = "Organisations that publish themselves as operators any system owner of the tree may choose")
    @ApiResponse(responseCode = "200", description = "The published providers, by name")
    public List<OperatorRepository.Provider> providers() {
        return service.providers();
    }

    @PutMapping("/api/v1/operator-providers/{organizationId}")
    @Operation(summary = "Publish the organisation as an operator provider (MANAGE_ORGANIZATIONS on it)")
    @ApiResponse(responseCode = "204", description = "Published (publishing again changes nothing)")
    public ResponseEntity<Void> publish(@PathVariable long organizationId) {
        service.publish(organizationId);
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/api/v1/operator-providers/{organizationId}")
    @Operation(summary = "Withdraw the organisation from the published providers (MANAGE_ORGANIZATIONS on it)")
    @ApiResponse(responseCode = "204", description = "Withdrawn; systems it operates keep it as their operator")
    public ResponseEntity<Void> unpublish(@PathVariable long organizationId) {
        service.unpublish(organizationId);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/systems/{id}/operator-proposals")
    @Operation(summary = "Operator proposals of a system, newest first")
    @ApiResponse(
            responseCode = "200",
            description = "The proposals; operatorName only for organisations the caller may see or that accepted")
    public List<OperatorRepository.ProposalView> ofSystem(@PathVariable long id) {
        return service.ofSystem(id);
    }

    @PostMapping("/api/v1/systems/{id}/operator-proposals")
    @Operation(
            summary = "Propose an operator outside the owner's subtree (EDIT_SECURITY_DATA on the owner)",
            description = "The proposed organisation becomes the operator only when it accepts. The answer never tells"
                    + " whether an organisation the caller may not see exists.")
    @ApiResponse(responseCode = "201", description = "Proposed; waiting for the proposed organisation's decision")
    public ResponseEntity<ProposalResponse> propose(@PathVariable long id, @RequestBody ProposeRequest request) {
        OperatorProposal p = service.propose(id, request.operatorOrganizationId(), request.note());
        return ResponseEntity.created(URI.create("/api/v1/systems/" + id + "/operator-proposals"))
                .body(ProposalResponse.of(p));
    }

    @GetMapping("/api/v1/operator-proposals")
    @Operation(summary = "Proposals waiting for the caller's decision (security officer or administrator)")
    @ApiResponse(responseCode = "200", description = "The pending proposals to the caller's organisations")
    public List<OperatorRepository.ProposalView> toDecide() {
        return service.toDecide();
    }

    @PostMapping("/api/v1/operator-proposals/{id}/accept")
    @Operation(summary = "Accept to operate the system (EDIT_SECURITY_DATA or MANAGE_ORGANIZATIONS on the proposed)")
    @ApiResponse(responseCode = "200", description = "Accepted; the organisation now operates the system")
    public ProposalResponse accept(@PathVariable long id) {
        return ProposalResponse.of(service.accept(id));
    }

    @PostMapping("/api/v1/operator-proposals/{id}/decline")
    @Operation(summary = "Decline to operate the system, with a reason")
    @ApiResponse(responseCode = "200", description = "Declined; the system keeps its operator")
    public ProposalResponse decline(@PathVariable long id, @RequestBody(required = false) DeclineRequest request) {
        return ProposalResponse.of(service.decline(id, request == null ? null : request.reason()));
    }

    @PostMapping("/api/v1/operator-proposals/{id}/withdraw")
    @Operation(summary = "Withdraw a proposal not yet decided (EDIT_SECURITY_DATA on the system's owner)")
    @ApiResponse(responseCode = "200", description = "Withdrawn")
    public ProposalResponse withdraw(@PathVariable long id) {
        return ProposalResponse.of(service.withdraw(id));
    }
}
