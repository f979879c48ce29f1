package vn.khien.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import vn.khien.access.Capability;
import vn.khien.access.CurrentPerson;
import vn.khien.access.OrgScope;
import vn.khien.access.ScopeFilter;
import vn.khien.platform.ForbiddenActionException;
import vn.khien.platform.PlatformConfiguration;

@RestController
@RequestMapping("/api/v1/audit")
@Tag(name = "Audit trail")
class AuditApi {

    private final AuditRecords records;
    private final AuditChainVerifier verifier;
    private final OrgScope scope;
    private final AuditTrail audit;

    private final AuditCheckpoints checkpoints;

    public AuditApi(
            AuditRecords records,
            AuditChainVerifier verifier,
            OrgScope scope,
            AuditTrail audit,
            AuditCheckpoints checkpoints) {
        this.checkpoints = checkpoints;
        this.records = records;
        this.verifier = verifier;
        this.scope = scope;
        this.audit = audit;
    }

    @GetMapping
    @Operation(summary = "Audit records of the caller's subtree (auditors, organisation and platform administrators)")
    public AuditRecords.Page search(
            @RequestParam(required = false) @Nullable String actor,
            @RequestParam(required = false) @Nullable Long organizationId,
            @RequestParam(required = false) @Nullable String action,
            @RequestParam(required = false) @Nullable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @Nullable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return records.search(query(actor, organizationId, action, from, to, page, size));
    }

    /** Recomputes the whole chain; names the first record that was altered, removed or re-linked. */
    @PostMapping("/verify")
    @Operation(
            summary = "Verify the hash chain: the whole trail (platform administrators) or the records of the "
                    + "caller's audited subtree (auditors, organisation administrators)")
    public AuditChainVerifier.Result verify() {
        if (scope.isPlatformAdmin()) {
            return verifier.verify();
        }
        ScopeFilter f = scope.holding("o.path", Capability.READ_AUDIT);
        if (!CurrentPerson.principal().isPresent()) {
            throw new ForbiddenActionException("error.forbidden");
        }
        return verifier.verifySubtree(f);
    }

    /** Signs the current head and writes it to the checkpoint directory (ADR 0013). */
    @PostMapping("/checkpoints")
    @Operation(summary = "Write a signed checkpoint of the chain head now (platform administrators)")
    public AuditCheckpoints.Checkpoint checkpoint() {
        if (!scope.isPlatformAdmin()) {
            throw new ForbiddenActionException("error.forbidden");
        }
        audit.record(AuditEntry.of("AUDIT_CHECKPOINT", null, "audit", null));
        try {
            return checkpoints.create();
        } catch (AuditCheckpoints.TimeStampMissing e) {
            throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage(), e);
        }
    }

    /** The chain, then every exported checkpoint against it: finds a rewound head or a rewritten tail. */
    @PostMapping("/checkpoints/verify")
    @Operation(summary = "Verify the chain against every signed checkpoint file (platform administrators)")
    public AuditCheckpoints.Verification verifyCheckpoints() {
        if (!scope.isPlatformAdmin()) {
            throw new ForbiddenActionException("error.forbidden");
        }
        return checkpoints.verify();
    }

    static AuditRecords.Query query(
            @Nullable String actor,
            @Nullable Long organizationId,
            @Nullable String action,
            @Nullable LocalDate from,
            @Nullable LocalDate to,
            int page,
            int size) {
        Instant f = from == null
                ? null
                : from.atStartOfDay(PlatformConfiguration.ZONE).toInstant();
        Instant t = to == null
                ? null
                : to.plusDays(1).atStartOfDay(PlatformConfiguration.ZONE).toInstant();
        return new AuditRecords.Query(
                actor, organizationId, action, f, t, Math.max(page, 0), Math.min(Math.max(size, 1), 500));
    }
}
