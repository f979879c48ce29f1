package vn.khien.systems.operators;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khien.access.Capability;
import vn.khien.access.CurrentPerson;
import vn.khien.access.OrgScope;
import vn.khien.audit.AuditEntry;
import vn.khien.audit.AuditTrail;
import vn.khien.platform.FieldProblemException;
import vn.khien.platform.ForbiddenActionException;
import vn.khien.platform.NotFoundException;
import vn.khien.platform.SafeText;
import vn.khien.systems.register.InformationSystem;
import vn.khien.systems.register.SystemRepository;
import vn.khien.systems.register.SystemService;

/**
 * Who may operate a system beyond its owner's subtree (issue 10). An organisation's administrator publishes it as a
 * provider, which every system owner may then choose; any other outside organisation is proposed by the owner and
 * becomes the operator only when its security officer or administrator accepts. Nothing here tells a caller the name
 * of an organisation it may not see, or whether an id it may not see exists.
 */
@Service
public class OperatorService {

    static final int NOTE_MAX = 1000;

    private final OperatorRepository repository;
    private final SystemService systems;
    private final SystemRepository systemRepository;
    private final OrgScope scope;
    private final AuditTrail audit;
    private final Clock clock;

    OperatorService(
            OperatorRepository repository,
            SystemService systems,
            SystemRepository systemRepository,
            OrgScope scope,
            AuditTrail audit,
            Clock clock) {
        this.repository = repository;
        this.systems = systems;
        this.systemRepository = systemRepository;
        this.scope = scope;
        this.audit = audit;
        this.clock = clock;
    }

    // ---- providers

    List<OperatorRepository.Provider> providers() {
        return repository.providers();
    }

    /** The organisation's administrator publishes it as an operator every owner in the tree may choose. */
    @Transactional
    public void publish(long organizationId) {
        administered(organizationId);
        if (!repository.published(organizationId)) {
            repository.publish(organizationId, CurrentPerson.idOrNobody(), clock.instant());
            audit.record(AuditEntry.of("operator.provider.publish", organizationId, "organization", organizationId));
        }
    }

    /** Withdraws the publication; systems it already operates keep it as their operator. */
    @Transactional
    public void unpublish(long organizationId) {
        administered(organizationId);
        if (repository.published(organizationId)) {
            repository.unpublish(organizationId);
            audit.record(AuditEntry.of("operator.provider.withdraw", organizationId, "organization", organizationId));
        }
    }

    Set<Long> publishable() {
        return repository.publishable();
    }

    boolean mayPublish(long organizationId) {
        return scope.can(organizationId, Capability.MANAGE_ORGANIZATIONS);
    }

    private void administered(long organizationId) {
        if (!scope.canSee(organizationId)) {
            throw new NotFoundException("organization " + organizationId);
        }
        if (!mayPublish(organizationId)) {
            throw new ForbiddenActionException("error.forbidden");
        }
    }

    // ---- proposals

    List<OperatorRepository.ProposalView> ofSystem(long systemId) {
        systems.get(systemId);
        return repository.ofSystem(systemId);
    }

    List<OperatorRepository.ProposalView> toDecide() {
        return repository.toDecide(200);
    }

    boolean mayPropose(InformationSystem s) {
        return scope.can(s.ownerOrganizationId(), Capability.EDIT_SECURITY_DATA);
    }

    /**
     * The owner proposes an operator. The answer is the same whether the id is unknown or an organisation the caller
     * may not see: the proposal is stored and waits; only an existing organisation's people will ever find it.
     */
    @Transactional
    public OperatorProposal propose(long systemId, @Nullable Long operatorOrganizationId, @Nullable String note) {
        InformationSystem s = systems.get(systemId);
        if (!mayPropose(s)) {
            throw new ForbiddenActionException("error.forbidden");
        }
        if (operatorOrganizationId == null || operatorOrganizationId <= 0) {
            throw new FieldProblemException("operatorOrganizationId", "validation.required");
        }
        if (operatorOrganizationId == s.operatorOrganizationId()) {
            throw new FieldProblemException("operatorOrganizationId", "operators.error.alreadyOperator");
        }
        checkText("note", note);
        if (repository.pendingFor(systemId)) {
            throw new FieldProblemException("operatorOrganizationId", "operators.error.pending");
        }
        long id = repository.propose(
                systemId, operatorOrganizationId, blankToNull(note), CurrentPerson.idOrNobody(), clock.instant());
        OperatorProposal p = repository.find(id).orElseThrow();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("system", systemId);
        after.put("operator", operatorOrganizationId);
        audit.record(AuditEntry.change(
                "operator.proposal.propose", s.ownerOrganizationId(), "operator_proposal", id, null, after));
        return p;
    }

    /** The proposed organisation accepts: it becomes the system's operator and sees it as operators do. */
    @Transactional
    public OperatorProposal accept(long proposalId) {
        OperatorProposal p = repository
                .findToDecide(proposalId)
                .orElseThrow(() -> new NotFoundException("operator proposal " + proposalId));
        OperatorProposal accepted = p.accept(CurrentPerson.idOrNobody(), clock.instant());
        repository.markAccepted(accepted);
        long owner = ownerOf(p.systemId());
        long before = operatorOf(p.systemId());
        systemRepository.changeOperator(p.systemId(), p.operatorOrganizationId(), clock.instant());
        // A hosting kind the former operator proposed is no longer anyone's proposal (ADR 0057 follow-up).
        systemRepository
                .proposedHostingKind(p.systemId())
                .ifPresent(k -> systems.settleHostingProposal(
                        p.systemId(),
                        owner,
                        k,
                        systemRepository.declaredHostingKind(p.systemId()),
                        SystemService.OPERATOR_CHANGED));
        audit.record(AuditEntry.change(
                "operator.proposal.accept",
                p.operatorOrganizationId(),
                "operator_proposal",
                p.id(),
                Map.of("status", p.status()),
                Map.of("status", accepted.status(), "system", p.systemId())));
        audit.record(AuditEntry.change(
                "system.operator.change",
                owner,
                "information_system",
                p.systemId(),
                Map.of("operator", before),
                Map.of("operator", p.operatorOrganizationId(), "proposal", p.id())));
        return accepted;
    }

    /** The proposed organisation declines; the system keeps its operator. */
    @Transactional
    public OperatorProposal decline(long proposalId, @Nullable String reason) {
        OperatorProposal p = repository
                .findToDecide(proposalId)
                .orElseThrow(() -> new NotFoundException("operator proposal " + proposalId));
        checkText("reason", reason);
        OperatorProposal declined = p.decline(CurrentPerson.idOrNobody(), clock.instant(), blankToNull(reason));
        repository.markDeclined(declined);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("status", declined.status());
        after.put("system", p.systemId());
        if (declined.decisionReason() != null) {
            after.put("reason", declined.decisionReason());
        }
        audit.record(AuditEntry.change(
                "operator.proposal.decline",
                p.operatorOrganizationId(),
                "operator_proposal",
                p.id(),
                Map.of("status", p.status()),
                after));
        return declined;
    }

    /** The owner takes back a proposal nobody decided yet. */
    @Transactional
    public OperatorProposal withdraw(long proposalId) {
        OperatorProposal p =
                repository.find(proposalId).orElseThrow(() -> new NotFoundException("operator proposal " + proposalId));
        InformationSystem s;
        try {
            s = systems.get(p.systemId());
        } catch (NotFoundException e) {
            throw new NotFoundException("operator proposal " + proposalId);
        }
        if (!mayPropose(s)) {
            throw new ForbiddenActionException("error.forbidden");
        }
        OperatorProposal withdrawn = p.withdraw(CurrentPerson.idOrNobody(), clock.instant());
        repository.markWithdrawn(withdrawn);
        audit.record(AuditEntry.change(
                "operator.proposal.withdraw",
                s.ownerOrganizationId(),
                "operator_proposal",
                p.id(),
                Map.of("status", p.status()),
                Map.of("status", withdrawn.status())));
        return withdrawn;
    }

    private long ownerOf(long systemId) {
        return systemRepository.ownerAndOperator(systemId)[0];
    }

    private long operatorOf(long systemId) {
        return systemRepository.ownerAndOperator(systemId)[1];
    }

    /** Free text is bounded by its column and refuses control characters (NUL included), before the database. */
    private static void checkText(String field, @Nullable String value) {
        if (value == null) {
            return;
        }
        if (value.length() > NOTE_MAX) {
            throw new FieldProblemException(field, "operators.error.tooLong", NOTE_MAX);
        }
        if (SafeText.firstRefused(value, true) >= 0) {
            throw new FieldProblemException(field, "operators.error.control");
        }
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
