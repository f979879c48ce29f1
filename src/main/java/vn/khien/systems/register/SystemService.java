package vn.khien.systems.register;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khien.access.Actor;
import vn.khien.access.Capability;
import vn.khien.access.OrgScope;
import vn.khien.audit.AuditEntry;
import vn.khien.audit.AuditTrail;
import vn.khien.platform.FieldProblemException;
import vn.khien.platform.FieldProblemException.FieldProblem;
import vn.khien.platform.ForbiddenActionException;
import vn.khien.platform.NotFoundException;
import vn.khien.systems.SupplierTaxCodes;
import vn.khien.systems.SystemInventoryChanged;

/**
 * The register. A system is visible to people with a role on the subtree of its owner, of its operator (which may be
 * an outside provider that needs to see what it runs) and of the organisations that appraise or approve its dossiers.
 * Registering and editing needs EDIT_SECURITY_DATA on the owner or the operator.
 */
@Service
public class SystemService {

    public static final int LIST_LIMIT = 2000;

    private final SystemRepository repository;
    private final OrgScope scope;
    private final AuditTrail audit;
    private final Clock clock;

    public SystemService(SystemRepository repository, OrgScope scope, AuditTrail audit, Clock clock) {
        this.repository = repository;
        this.scope = scope;
        this.audit = audit;
        this.clock = clock;
    }

    public InformationSystem get(long id) {
        return repository.findVisible(id).orElseThrow(() -> new NotFoundException("system " + id));
    }

    /**
     * The register record, which the bodies appraising or approving one of its dossiers read too (ADR 0012); every
     * other read of the system's data goes through {@link #get}.
     */
    public InformationSystem record(long id) {
        return repository.findRecord(id).orElseThrow(() -> new NotFoundException("system " + id));
    }

    /** Whether the caller reads everything about the system ({@link #get}), not only what appraisal opens. */
    public boolean readsEverything(long id) {
        return repository.findVisible(id).isPresent();
    }

    /** Whether the caller may read the system's security plan ({@link #forPlan}). */
    public boolean planReadable(long id) {
        return repository.findForPlan(id).isPresent();
    }

    /** The system, if the caller may read its security plan (also a body while it appraises a dossier, ADR 0012). */
    public InformationSystem forPlan(long id) {
        return repository.findForPlan(id).orElseThrow(() -> new NotFoundException("system " + id));
    }

    /**
     * One page of the register list: {@code size + 1} systems from the {@code page}-th page on (the one past the page
     * says there is a next one). Rendering the whole list cost 0.4 s of server time per request at a province's 3,000
     * systems (issue 15).
     */
    public List<InformationSystem> searchPage(SystemSearch search, int page, int size) {
        if (search.organizationId() != null && !scope.canSee(search.organizationId())) {
            return List.of();
        }
        return repository.search(search, size + 1, (long) Math.max(0, page) * size);
    }

    public List<InformationSystem> search(SystemSearch search) {
        if (search.organizationId() != null && !scope.canSee(search.organizationId())) {
            return List.of();
        }
        return repository.search(search, LIST_LIMIT);
    }

    /** Operators offered beyond the caller's subtree: published providers and, on an edit, the operator now. */
    public List<OperatorChoice> operatorChoicesBeyondScope(@Nullable Long systemId) {
        if (systemId != null) {
            get(systemId);
        }
        return repository.operatorChoicesBeyondScope(systemId);
    }

    /** Whether the organisation publishes itself to the tree as an operator provider (its name is public then). */
    public boolean publishedProvider(long organizationId) {
        return repository.publishedProvider(organizationId);
    }

    public boolean canEdit(InformationSystem s) {
        return scope.can(s.ownerOrganizationId(), Capability.EDIT_SECURITY_DATA)
                || scope.can(s.operatorOrganizationId(), Capability.EDIT_SECURITY_DATA);
    }

    /** Whether the caller edits the system only as its operator: how it is run, not the owner's facts. */
    public boolean editsAsOperatorOnly(InformationSystem s) {
        return canEdit(s) && !scope.can(s.ownerOrganizationId(), Capability.EDIT_SECURITY_DATA);
    }

    /** Checks everything that does not need the database to be written; used by the bulk import too. */
    public List<FieldProblem> problemsOf(SystemRequest r, @Nullable Long exceptId) {
        List<FieldProblem> problems = new ArrayList<>();
        if (r.getOwnerOrganizationId() != null) {
            if (!scope.canSee(r.getOwnerOrganizationId())) {
                // Out of scope reads exactly like unknown: nothing beyond the caller's subtree is revealed.
                problems.add(new FieldProblem("ownerOrganizationId", "systems.error.organizationUnknown"));
            } else if (!scope.can(r.getOwnerOrganizationId(), Capability.EDIT_SECURITY_DATA)) {
                problems.add(new FieldProblem("ownerOrganizationId", "systems.error.ownerNotEditable"));
            } else if (r.getCode() != null && repository.codeTaken(r.getOwnerOrganizationId(), r.getCode(), exceptId)) {
                problems.add(new FieldProblem("code", "systems.error.codeTaken", r.getCode()));
            }
        }
        // Issue 10: the operator is an organisation the caller may see, a provider the tree publishes, or the one that
        // already operates this system (it accepted a proposal). Anything else — unseen or unknown alike — is refused
        // with the same words and no name: an outside organisation runs a system only once it accepted a proposal.
        Long operator = r.getOperatorOrganizationId();
        if (operator != null
                && !scope.canSee(operator)
                && !repository.publishedProvider(operator)
                && !(exceptId != null && repository.operates(exceptId, operator))) {
            problems.add(new FieldProblem("operatorOrganizationId", "systems.error.operatorNotChoosable"));
        }
        operationalProblems(r, problems);
        return problems;
    }

    private static void operationalProblems(SystemRequest r, List<FieldProblem> problems) {
        if (r.getRetiredOn() != null
                && r.getOperatingSince() != null
                && r.getRetiredOn().isBefore(r.getOperatingSince())) {
            problems.add(new FieldProblem("retiredOn", "systems.error.retiredBeforeOperating"));
        }
        if (r.getLifecycleStatus() == LifecycleStatus.RETIRED && r.getRetiredOn() == null) {
            problems.add(new FieldProblem("retiredOn", "validation.required"));
        }
        if (r.getHostingProvider() != null && !r.getHostingProvider().isBlank() && r.getHostingKind() == null) {
            problems.add(new FieldProblem("hostingKind", "validation.required"));
        }
    }

    /**
     * What an operator that is not on the owner's side may change: how the system is run (lifecycle status, the days
     * it started and stopped operating, the hosting provider, whether the security unit operates it). The owner's
     * facts (identity, purpose, the facts its level rests on, who owns and who operates it) stay the owner's: each one
     * changed is refused by name, except the hosting kind, which the operator proposes and the owner confirms (ADR
     * 0057). The owner organisation is not checked against the caller's scope, since an outside
     * operator (ADR 0029) may not see it; it must simply stay what it is.
     */
    private static List<FieldProblem> operatorProblems(InformationSystem s, SystemRequest r) {
        List<FieldProblem> problems = new ArrayList<>();
        for (String field : ownerFieldsChanged(s, r)) {
            if (!field.equals("hostingKind")) {
                problems.add(new FieldProblem(field, "systems.error.ownerOnlyField"));
            } else if (r.getHostingKind() == null) {
                // ADR 0057: another kind is a proposal the owner confirms; removing the owner's declaration is not.
                problems.add(new FieldProblem(field, "systems.error.hostingKindOnlyProposed"));
            }
        }
        List<FieldProblem> operational = new ArrayList<>();
        operationalProblems(r, operational);
        // One problem per field: a removed hosting kind is not also "required" for the provider.
        operational.stream()
                .filter(p -> problems.stream().noneMatch(q -> q.field().equals(p.field())))
                .forEach(problems::add);
        return problems;
    }

    static List<String> ownerFieldsChanged(InformationSystem s, SystemRequest r) {
        List<String> changed = new ArrayList<>();
        if (!Objects.equals(s.ownerOrganizationId(), r.getOwnerOrganizationId())) {
            changed.add("ownerOrganizationId");
        }
        if (!Objects.equals(s.operatorOrganizationId(), r.getOperatorOrganizationId())) {
            changed.add("operatorOrganizationId");
        }
        if (!Objects.equals(s.code(), r.getCode())) {
            changed.add("code");
        }
        if (!Objects.equals(s.name(), r.getName())) {
            changed.add("name");
        }
        if (!Objects.equals(blankToNull(s.purpose()), blankToNull(r.getPurpose()))) {
            changed.add("purpose");
        }
        if (!Objects.equals(s.investmentStartedOn(), r.getInvestmentStartedOn())) {
            changed.add("investmentStartedOn");
        }
        changed.addAll(materialChanges(s, r));
        return changed;
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s;
    }

    @Transactional
    public InformationSystem create(SystemRequest r) {
        List<FieldProblem> problems = problemsOf(r, null);
        if (!problems.isEmpty()) {
            throw new FieldProblemException(problems);
        }
        long id = repository.insert(r, clock.instant());
        InformationSystem created = get(id);
        audit.record(AuditEntry.change(
                "system.create", created.ownerOrganizationId(), "information_system", id, null, snapshot(created)));
        return created;
    }

    @Transactional
    public InformationSystem update(long id, SystemRequest r) {
        InformationSystem before = get(id);
        if (!canEdit(before)) {
            throw new ForbiddenActionException("error.forbidden");
        }
        // An operator outside the owner's side edits how the system is run, not the owner's facts (issue 10 follow-up).
        boolean operatorOnly = editsAsOperatorOnly(before);
        List<FieldProblem> problems = operatorOnly ? operatorProblems(before, r) : problemsOf(r, id);
        if (!problems.isEmpty()) {
            throw new FieldProblemException(problems);
        }
        if (operatorOnly) {
            proposeHostingKind(before, r.getHostingKind());
            // The declared kind stays the owner's until it confirms the proposal (ADR 0057).
            r.setHostingKind(before.hostingKind());
        }
        List<String> material = materialChanges(before, r);
        boolean redetermine = before.approvedLevel() != null && !material.isEmpty();
        repository.update(id, r, clock.instant(), redetermine, redetermine ? String.join(", ", material) : null);
        if (!operatorOnly && before.proposedHostingKind() != null) {
            // A waiting proposal is settled by the owner's own save when the owner declares the kind proposed, or when
            // the operator that proposed it no longer operates the system; any other save leaves it waiting.
            if (r.getHostingKind() == before.proposedHostingKind()) {
                settleHostingProposal(
                        id, before.ownerOrganizationId(), before.proposedHostingKind(), r.getHostingKind(), DECLARED);
            } else if (!Objects.equals(before.operatorOrganizationId(), r.getOperatorOrganizationId())) {
                settleHostingProposal(
                        id,
                        before.ownerOrganizationId(),
                        before.proposedHostingKind(),
                        r.getHostingKind(),
                        OPERATOR_CHANGED);
            }
        }
        InformationSystem after = get(id);
        audit.record(AuditEntry.change(
                "system.update",
                after.ownerOrganizationId(),
                "information_system",
                id,
                snapshot(before),
                snapshot(after)));
        if (redetermine) {
            recordRedetermination(after, material);
        }
        return after;
    }

    private void recordRedetermination(InformationSystem after, List<String> changed) {
        audit.record(AuditEntry.change(
                "system.redetermination",
                after.ownerOrganizationId(),
                "information_system",
                after.id(),
                null,
                Map.of("changed", changed)));
    }

    /**
     * The operator says the system runs on another kind of hosting than the owner declared: recorded as a proposal
     * for the owner (audited under the owner), replacing one waiting; the same kind again, or the declared one, changes
     * nothing.
     */
    private void proposeHostingKind(InformationSystem before, @Nullable HostingKind kind) {
        if (kind == null || kind == before.hostingKind() || kind == before.proposedHostingKind()) {
            return;
        }
        repository.proposeHostingKind(before.id(), kind, clock.instant());
        audit.record(AuditEntry.change(
                "system.hosting.propose",
                before.ownerOrganizationId(),
                "information_system",
                before.id(),
                hosting(before.hostingKind(), before.proposedHostingKind()),
                hosting(before.hostingKind(), kind)));
    }

    /** Why a waiting hosting proposal was settled without a decision: the owner declared the kind proposed. */
    static final String DECLARED = "OWNER_DECLARED";

    /** Why a waiting hosting proposal was settled without a decision: its operator no longer operates the system. */
    public static final String OPERATOR_CHANGED = "OPERATOR_CHANGED";

    /**
     * Settles a waiting hosting proposal without a confirmation or a decline (ADR 0057 follow-up): it is cleared,
     * guarded by the proposal read, and the settlement is audited under the owner as {@code system.hosting.settle} with
     * the reason. For a caller authorised on the system already (the owner's save, or the new operator's acceptance).
     */
    public void settleHostingProposal(
            long id, long ownerOrganizationId, HostingKind proposed, @Nullable HostingKind declared, String reason) {
        if (repository.clearHostingProposal(id, proposed, clock.instant()) == 0) {
            return;
        }
        Map<String, Object> after = hosting(declared, null);
        after.put("reason", reason);
        audit.record(AuditEntry.change(
                "system.hosting.settle",
                ownerOrganizationId,
                "information_system",
                id,
                hosting(declared, proposed),
                after));
    }

    /**
     * The owner (EDIT_SECURITY_DATA on the owner organisation) confirms the hosting kind its operator proposed: it
     * becomes the declared kind, a material change that starts a re-determination when the level is approved.
     */
    @Transactional
    public InformationSystem confirmHostingKind(long id) {
        return decideHostingKind(id, true);
    }

    /** The owner declines the proposed hosting kind: the declared kind stays. */
    @Transactional
    public InformationSystem declineHostingKind(long id) {
        return decideHostingKind(id, false);
    }

    private InformationSystem decideHostingKind(long id, boolean confirm) {
        InformationSystem before = get(id);
        HostingKind proposed = hostingProposalToDecide(before);
        boolean redetermine = confirm && before.approvedLevel() != null && before.hostingKind() != proposed;
        int decided = confirm
                ? repository.confirmHostingKind(
                        id, proposed, clock.instant(), redetermine, redetermine ? "hostingKind" : null)
                : repository.declineHostingKind(id, proposed, clock.instant());
        if (decided == 0) {
            throw new FieldProblemException("proposedHostingKind", "systems.error.noHostingProposal");
        }
        InformationSystem after = get(id);
        audit.record(AuditEntry.change(
                confirm ? "system.hosting.confirm" : "system.hosting.decline",
                after.ownerOrganizationId(),
                "information_system",
                id,
                hosting(before.hostingKind(), proposed),
                hosting(after.hostingKind(), null)));
        if (redetermine) {
            recordRedetermination(after, List.of("hostingKind"));
        }
        return after;
    }

    /** Whether the caller decides the hosting kind its operator proposes: someone on the owner's side. */
    public boolean decidesHosting(InformationSystem s) {
        return scope.can(s.ownerOrganizationId(), Capability.EDIT_SECURITY_DATA);
    }

    private HostingKind hostingProposalToDecide(InformationSystem s) {
        if (!decidesHosting(s)) {
            throw new ForbiddenActionException("error.forbidden");
        }
        if (s.proposedHostingKind() == null) {
            throw new FieldProblemException("proposedHostingKind", "systems.error.noHostingProposal");
        }
        return s.proposedHostingKind();
    }

    private static Map<String, Object> hosting(@Nullable HostingKind declared, @Nullable HostingKind proposed) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("hostingKind", declared);
        m.put("proposedHostingKind", proposed);
        return m;
    }

    /**
     * Facts the level depends on (system type, information kinds, users, data subjects, hosting): changing one after
     * approval starts a re-determination (NĐ 85/2016 Đ18; NĐ 331/2026 Đ10.1).
     */
    static List<String> materialChanges(InformationSystem s, SystemRequest r) {
        List<String> changed = new ArrayList<>();
        if (s.systemType() != r.getSystemType()) {
            changed.add("systemType");
        }
        if (!new HashSet<>(s.informationKinds()).equals(new HashSet<>(r.getInformationKinds()))) {
            changed.add("informationKinds");
        }
        if (!Objects.equals(s.userCount(), r.getUserCount())) {
            changed.add("userCount");
        }
        if (!Objects.equals(s.dataSubjectCount(), r.getDataSubjectCount())) {
            changed.add("dataSubjectCount");
        }
        if (s.hostingKind() != r.getHostingKind()) {
            changed.add("hostingKind");
        }
        return changed;
    }

    public List<Component> components(long systemId) {
        get(systemId);
        return repository.components(systemId);
    }

    @Transactional
    public Component addComponent(long systemId, ComponentRequest r) {
        InformationSystem s = editable(systemId);
        ComponentRules.check(r);
        long id = repository.insertComponent(systemId, r, clock.instant());
        Component c = repository.components(systemId).stream()
                .filter(x -> x.id() == id)
                .findFirst()
                .orElseThrow();
        audit.record(AuditEntry.change(
                "system.component.add", s.ownerOrganizationId(), "information_system", systemId, null, c));
        if (events != null) {
            events.publishEvent(new SystemInventoryChanged(systemId, s.ownerOrganizationId(), Actor.current()));
        }
        return c;
    }

    // issue 11 (warnings): listeners re-match the system when a component is added; setter keeps the constructor
    private ApplicationEventPublisher events;

    @Autowired
    void setEvents(ApplicationEventPublisher events) {
        this.events = events;
    }

    @Transactional
    public void removeComponent(long systemId, long componentId) {
        InformationSystem s = editable(systemId);
        Component c = repository.components(systemId).stream()
                .filter(x -> x.id() == componentId)
                .findFirst()
                .orElseThrow(() -> new NotFoundException("component " + componentId));
        repository.deleteComponent(systemId, componentId);
        audit.record(AuditEntry.change(
                "system.component.remove", s.ownerOrganizationId(), "information_system", systemId, c, null));
    }

    public List<Supplier> suppliers(long systemId) {
        get(systemId);
        return repository.suppliers(systemId);
    }

    @Transactional
    public Supplier addSupplier(long systemId, SupplierRequest r) {
        InformationSystem s = editable(systemId);
        if (r.getContractFrom() != null
                && r.getContractTo() != null
                && r.getContractTo().isBefore(r.getContractFrom())) {
            throw new FieldProblemException("contractTo", "systems.error.contractPeriod");
        }
        String taxCode = SupplierTaxCodes.normalize(r.getTaxCode());
        String taxCodeProblem = taxCode == null ? null : SupplierTaxCodes.problem(taxCode);
        if (taxCodeProblem != null) {
            throw new FieldProblemException("taxCode", taxCodeProblem);
        }
        long id = repository.insertSupplier(systemId, r, clock.instant());
        Supplier added = repository.suppliers(systemId).stream()
                .filter(x -> x.id() == id)
                .findFirst()
                .orElseThrow();
        audit.record(AuditEntry.change(
                "system.supplier.add", s.ownerOrganizationId(), "information_system", systemId, null, added));
        return added;
    }

    private InformationSystem editable(long systemId) {
        InformationSystem s = get(systemId);
        if (!canEdit(s)) {
            throw new ForbiddenActionException("error.forbidden");
        }
        return s;
    }

    static Map<String, Object> snapshot(InformationSystem s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", s.code());
        m.put("name", s.name());
        m.put("owner", s.ownerOrganizationId());
        m.put("operator", s.operatorOrganizationId());
        m.put("systemType", s.systemType());
        m.put("informationKinds", s.informationKinds());
        m.put("userCount", s.userCount());
        m.put("dataSubjectCount", s.dataSubjectCount());
        m.put("hostingKind", s.hostingKind());
        m.put("hostingProvider", s.hostingProvider());
        m.put("proposedHostingKind", s.proposedHostingKind());
        m.put("lifecycleStatus", s.lifecycleStatus());
        return m;
    }
}
