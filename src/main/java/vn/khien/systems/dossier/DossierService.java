package vn.khien.systems.dossier;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khien.access.Actor;
import vn.khien.access.Capability;
import vn.khien.access.CurrentPerson;
import vn.khien.access.OrgScope;
import vn.khien.audit.AuditEntry;
import vn.khien.audit.AuditTrail;
import vn.khien.platform.DateDisplay;
import vn.khien.platform.FieldProblemException;
import vn.khien.platform.FieldProblemException.FieldProblem;
import vn.khien.platform.ForbiddenActionException;
import vn.khien.platform.NotFoundException;
import vn.khien.platform.PlatformConfiguration;
import vn.khien.systems.SecurityRegulations;
import vn.khien.systems.SystemLevelApproved;
import vn.khien.systems.classification.authority.AuthorityAssignment;
import vn.khien.systems.classification.authority.AuthorityContext;
import vn.khien.systems.classification.authority.AuthorityResolver;
import vn.khien.systems.classification.authority.UnresolvedRoleException;
import vn.khien.systems.deadlines.ProcedureStep;
import vn.khien.systems.levels.ClassificationService;
import vn.khien.systems.levels.StoredClassification;
import vn.khien.systems.register.InformationSystem;
import vn.khien.systems.register.SystemRepository;
import vn.khien.systems.register.SystemService;

/**
 * The level-dossier workflow. Who appraises and approves comes from the authority rule data resolved to
 * organisations; who may act is decided by role capabilities on those organisations; nobody appraises or approves a
 * dossier they submitted themselves. Every step is audited in its own transaction with the change.
 */
@Service
public class DossierService {

    public static final long MAX_FILE_BYTES = 20L * 1024 * 1024;

    private final DossierRepository repository;
    private final SystemService systems;
    private final SystemRepository systemRepository;
    private final ClassificationService classifications;
    private final AuthorityResolver authority;
    private final AuthorityDirectory directory;
    private final DossierPartCatalog partCatalog;
    private final DossierDeadlines deadlines;
    private final OrgScope scope;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ApprovalPreconditions preconditions;
    private final SecurityRegulations regulations;
    private final DossierActors actors;
    private final Map<DossierAction, Step> steps;

    public DossierService(
            DossierRepository repository,
            SystemService systems,
            SystemRepository systemRepository,
            ClassificationService classifications,
            AuthorityResolver authority,
            AuthorityDirectory directory,
            DossierPartCatalog partCatalog,
            DossierDeadlines deadlines,
            OrgScope scope,
            AuditTrail audit,
            ApplicationEventPublisher events,
            Clock clock,
            ApprovalPreconditions preconditions,
            SecurityRegulations regulations,
            DossierActors actors) {
        this.actors = actors;
        this.steps = Map.of(
                DossierAction.SUBMIT,
                this::submit,
                DossierAction.RETURN,
                this::returnForRevision,
                DossierAction.APPRAISE,
                this::appraise,
                DossierAction.APPROVE,
                this::approve,
                DossierAction.WITHDRAW,
                this::withdraw);
        this.preconditions = preconditions;
        this.regulations = regulations;
        this.repository = repository;
        this.systems = systems;
        this.systemRepository = systemRepository;
        this.classifications = classifications;
        this.authority = authority;
        this.directory = directory;
        this.partCatalog = partCatalog;
        this.deadlines = deadlines;
        this.scope = scope;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    public Dossier get(long id) {
        return repository.findVisible(id).orElseThrow(() -> new NotFoundException("dossier " + id));
    }

    public List<Dossier> forSystem(long systemId) {
        systems.record(systemId);
        return repository.forSystem(systemId);
    }

    public List<DossierStep> steps(long id) {
        get(id);
        return repository.steps(id);
    }

    public Map<String, String> parts(long id) {
        get(id);
        return repository.parts(id);
    }

    public List<DossierAttachment> attachments(long id) {
        get(id);
        return repository.attachments(id);
    }

    public byte[] attachment(long id, long attachmentId) {
        get(id);
        return repository.attachmentContent(id, attachmentId).orElseThrow(() -> new NotFoundException("attachment"));
    }

    public byte[] signedFile(long id) {
        get(id);
        return repository.signedFile(id).orElseThrow(() -> new NotFoundException("signed file"));
    }

    public List<DossierPartDefinition> partDefinitions(Dossier d) {
        // A level-3 or level-4 system on the critical list follows the level-5 procedure, dossier included (Đ20.4).
        return partCatalog.partsFor(d.regime(), d.procedureLevelOrProposed());
    }

    /** Opens a draft for the system's current classification, with the authorities the rule data names. */
    @Transactional
    public Dossier create(long systemId) {
        InformationSystem s = systems.get(systemId);
        if (!systems.canEdit(s)) {
            throw new ForbiddenActionException("error.forbidden");
        }
        StoredClassification c = classifications
                .current(systemId)
                .orElseThrow(() -> new FieldProblemException("classification", "systems.dossier.classifyFirst"));
        if (repository.forSystem(systemId).stream().anyMatch(d -> d.status().open())) {
            throw new FieldProblemException("systemId", "systems.dossier.alreadyOpen");
        }
        AuthorityAssignment a = resolve(s, c.regime(), c.chosenLevel());
        long id = repository.insert(
                systemId,
                c.id(),
                c.regime(),
                c.chosenLevel(),
                Long.parseLong(a.dossierPreparerOrgId()),
                Long.parseLong(a.appraiserOrgId()),
                Long.parseLong(a.approverOrgId()),
                a.expertOpinionOrgId().map(Long::parseLong).orElse(null),
                a.legalRef(),
                CurrentPerson.idOrNobody(),
                clock.instant());
        repository.setProcedureLevel(id, a.procedureLevel(), clock.instant());
        repository.addStep(
                id,
                "CREATE",
                null,
                DossierStatus.DRAFT,
                CurrentPerson.idOrNobody(),
                CurrentPerson.username().orElse(null),
                null,
                null,
                null,
                clock.instant());
        Dossier d = get(id);
        audit.record(AuditEntry.change(
                "dossier.create",
                s.ownerOrganizationId(),
                "level_dossier",
                id,
                null,
                Map.of(
                        "system",
                        systemId,
                        "regime",
                        d.regime(),
                        "level",
                        d.proposedLevel(),
                        "appraiser",
                        d.appraiserOrgId(),
                        "approver",
                        d.approverOrgId())));
        return d;
    }

    private AuthorityAssignment resolve(InformationSystem s, String regime, int level) {
        try {
            boolean onList = repository
                    .criticalEntry(s.id())
                    .map(CriticalListEntry::onOrProposedForList)
                    .orElse(false);
            return authority.resolve(
                    regime,
                    level,
                    new AuthorityContext(s.securityUnitOperates(), onList),
                    directory.rolesFor(s, regime));
        } catch (UnresolvedRoleException e) {
            throw new MissingDesignationException(e.role(), s.ownerOrganizationId(), s.ownerName());
        }
    }

    @Transactional
    public void savePart(long id, String partKey, String content) {
        Dossier d = editableDraft(id);
        DossierPartDefinition def = partDefinitions(d).stream()
                .filter(p -> p.key().equals(partKey))
                .findFirst()
                .orElseThrow(() -> new FieldProblemException("part", "systems.dossier.unknownPart", partKey));
        String before = repository.parts(id).get(def.key());
        repository.savePart(id, def.key(), content == null ? null : content.strip(), clock.instant());
        audit.record(AuditEntry.change(
                "dossier.part",
                d.ownerOrganizationId(),
                "level_dossier",
                id,
                before == null ? null : Map.of(def.key(), before),
                Map.of(def.key(), content == null ? "" : content)));
    }

    @Transactional
    public DossierAttachment attach(long id, String partKey, String fileName, String contentType, byte[] content) {
        Dossier d = editableDraft(id);
        if (partDefinitions(d).stream().noneMatch(p -> p.key().equals(partKey))) {
            throw new FieldProblemException("part", "systems.dossier.unknownPart", partKey);
        }
        if (content == null || content.length == 0 || fileName == null || fileName.isBlank()) {
            throw new FieldProblemException("file", "systems.dossier.fileRequired");
        }
        if (content.length > MAX_FILE_BYTES) {
            throw new FieldProblemException("file", "systems.dossier.fileTooLarge", MAX_FILE_BYTES / (1024 * 1024));
        }
        long attachmentId = repository.addAttachment(
                id, partKey, fileName, contentType, content, CurrentPerson.idOrNobody(), clock.instant());
        audit.record(AuditEntry.change(
                "dossier.attach",
                d.ownerOrganizationId(),
                "level_dossier",
                id,
                null,
                Map.of("part", partKey, "file", fileName, "bytes", content.length)));
        return repository.attachments(id).stream()
                .filter(a -> a.id() == attachmentId)
                .findFirst()
                .orElseThrow();
    }

    private Dossier editableDraft(long id) {
        Dossier d = get(id);
        if (!systems.canEdit(systems.get(d.systemId()))) {
            throw new ForbiddenActionException("error.forbidden");
        }
        if (!d.status().editable()) {
            throw new FieldProblemException("status", "systems.dossier.notEditable");
        }
        return d;
    }

    /** What the caller may do now, for the UI: the steps {@link DossierActors} would not refuse. */
    public List<DossierAction> allowedActions(Dossier d) {
        List<DossierAction> allowed = new ArrayList<>();
        for (DossierAction a : DossierAction.values()) {
            if (actors.denial(d, a).isEmpty()) {
                allowed.add(a);
            }
        }
        return allowed;
    }

    /**
     * Takes a step named by the API or the page: refused when {@link DossierActors} refuses it, otherwise the step's
     * own method below.
     */
    @Transactional
    public Dossier act(long id, DossierAction action, ActionRequest request) {
        return steps.get(action).take(get(id), request == null ? new ActionRequest() : request);
    }

    @FunctionalInterface
    private interface Step {
        Dossier take(Dossier d, ActionRequest request);
    }

    private void requireAllowed(Dossier d, DossierAction action) {
        Optional<RuntimeException> denied = actors.denial(d, action);
        if (denied.isPresent()) {
            throw denied.get();
        }
    }

    private static DossierTransition.Actor me() {
        return new DossierTransition.Actor(
                CurrentPerson.idOrNobody(), CurrentPerson.username().orElse(null));
    }

    private LocalDate today(Instant now) {
        return LocalDate.ofInstant(now, PlatformConfiguration.ZONE);
    }

    /** Submits (or resubmits) the dossier under the procedure and authorities that apply now. */
    @Transactional
    public Dossier submit(long id, ActionRequest request) {
        return submit(get(id), request);
    }

    private Dossier submit(Dossier d, ActionRequest request) {
        requireAllowed(d, DossierAction.SUBMIT);
        Instant now = clock.instant();
        InformationSystem s = systems.get(d.systemId());
        AuthorityAssignment a = resolve(s, d.regime(), d.proposedLevel());
        // The procedure may have changed since the draft was opened (the system proposed for the list).
        repository.setProcedureLevel(d.id(), a.procedureLevel(), now);
        d = get(d.id());
        requireCompleteParts(d);
        requireAdditionalDecisions(d.id(), a);
        repository.updateAuthorities(
                d.id(),
                Long.parseLong(a.appraiserOrgId()),
                Long.parseLong(a.approverOrgId()),
                a.expertOpinionOrgId().map(Long::parseLong).orElse(null),
                a.legalRef());
        // The appraiser and approver see the system while they handle its dossier, and afterwards for history.
        systemRepository.addParty(s.id(), Long.parseLong(a.appraiserOrgId()), "APPRAISER");
        systemRepository.addParty(s.id(), Long.parseLong(a.approverOrgId()), "APPROVER");
        a.expertOpinionOrgId().ifPresent(e -> systemRepository.addParty(s.id(), Long.parseLong(e), "EXPERT"));
        LocalDate today = today(now);
        DossierTransition.Submission submission = d.submit(
                me(),
                now,
                request.getComment(),
                a.procedureLevel(),
                deadlines.due(d.regime(), ProcedureStep.APPRAISAL, a.procedureLevel(), today),
                deadlines.due(d.regime(), ProcedureStep.DOSSIER_VALIDITY_CHECK, a.procedureLevel(), today));
        repository.submit(d.id(), submission);
        Map<String, Object> details = details(submission.step());
        if (submission.validityDueOn() != null) {
            details.put("validityDueOn", submission.validityDueOn().toString());
        }
        audited(d, submission.step(), details);
        return get(d.id());
    }

    /** Returns a submitted dossier to its author, with the reason. */
    @Transactional
    public Dossier returnForRevision(long id, ActionRequest request) {
        return returnForRevision(get(id), request);
    }

    private Dossier returnForRevision(Dossier d, ActionRequest request) {
        requireAllowed(d, DossierAction.RETURN);
        DossierTransition t = d.returnForRevision(me(), clock.instant(), request.getComment());
        repository.returnForRevision(d.id(), t);
        audited(d, t, details(t));
        return get(d.id());
    }

    /** Appraises a submitted dossier with the written opinion (the request's comment). */
    @Transactional
    public Dossier appraise(long id, ActionRequest request) {
        return appraise(get(id), request);
    }

    private Dossier appraise(Dossier d, ActionRequest request) {
        requireAllowed(d, DossierAction.APPRAISE);
        Instant now = clock.instant();
        DossierTransition.Appraisal a = d.appraise(
                me(),
                now,
                request.getComment(),
                deadlines.due(d.regime(), ProcedureStep.APPROVAL, d.procedureLevelOrProposed(), today(now)));
        repository.appraise(d.id(), a);
        audited(d, a.step(), details(a.step()));
        return get(d.id());
    }

    /**
     * Approves an appraised dossier with the level decision, once the decision's fields, the preconditions of approval
     * and every additional decision are there; the system's level is then in force.
     */
    @Transactional
    public Dossier approve(long id, ActionRequest request) {
        return approve(get(id), request);
    }

    private Dossier approve(Dossier d, ActionRequest request) {
        requireAllowed(d, DossierAction.APPROVE);
        byte[] signed = checkDecision(request);
        requirePreconditions(d, request.getDecisionDate());
        requireDecisionsRecorded(d);
        Instant now = clock.instant();
        DossierTransition.Approval a = d.approve(
                me(),
                now,
                request.getComment(),
                request.getDecisionNumber(),
                request.getDecisionDate(),
                request.getDecisionSigner(),
                signed,
                request.getSignedFileName());
        repository.approve(d.id(), a);
        audited(d, a.step(), details(a.step()));
        Dossier after = get(d.id());
        systemRepository.recordApproval(
                d.systemId(),
                d.proposedLevel(),
                d.regime(),
                after.decisionDate(),
                after.decisionNumber(),
                after.decisionSigner(),
                d.id(),
                now);
        audit.record(AuditEntry.change(
                "system.levelApproved",
                d.ownerOrganizationId(),
                "information_system",
                d.systemId(),
                null,
                Map.of(
                        "level",
                        d.proposedLevel(),
                        "regime",
                        d.regime(),
                        "decision",
                        after.decisionNumber(),
                        "approvedOn",
                        after.decisionDate().toString())));
        events.publishEvent(new SystemLevelApproved(
                d.systemId(),
                d.ownerOrganizationId(),
                d.proposedLevel(),
                d.regime(),
                after.decisionDate(),
                Actor.current()));
        return after;
    }

    /** Withdraws a dossier still open. */
    @Transactional
    public Dossier withdraw(long id, ActionRequest request) {
        return withdraw(get(id), request);
    }

    private Dossier withdraw(Dossier d, ActionRequest request) {
        requireAllowed(d, DossierAction.WITHDRAW);
        DossierTransition t = d.withdraw(me(), clock.instant(), request.getComment());
        repository.withdraw(d.id(), t);
        audited(d, t, details(t));
        return get(d.id());
    }

    private static Map<String, Object> details(DossierTransition t) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("status", t.to().name());
        details.put("comment", t.comment());
        details.put("dueOn", t.dueOn() == null ? null : t.dueOn().toString());
        return details;
    }

    /** The step's audit entry, with the limit it had and whether it was taken late. */
    private void audited(Dossier before, DossierTransition t, Map<String, Object> details) {
        if (t.limitOfThisStep() != null) {
            details.put("limitDueOn", t.limitOfThisStep().toString());
            details.put("late", t.startedOn().isAfter(t.limitOfThisStep()));
        }
        audit.record(AuditEntry.change(
                "dossier." + t.recordedAs().toLowerCase(),
                before.ownerOrganizationId(),
                "level_dossier",
                before.id(),
                Map.of("status", before.status().name()),
                details));
    }

    /**
     * The receiving body records the day it received the complete dossier (often on paper); the legal limits of the
     * current step are counted again from that day (NĐ 85/2016 Đ16.2, Đ17; NĐ 331/2026 Đ23, Đ24). Audited with the due
     * days before and after.
     */
    @Transactional
    public Dossier recordReceipt(long id, LocalDate receivedOn, String note) {
        Dossier d = get(id);
        ProcedureStep step = d.receiptRestarts();
        long receiverOrg = step == ProcedureStep.APPRAISAL ? d.appraiserOrgId() : d.approverOrgId();
        if (!scope.can(receiverOrg, Capability.EDIT_SECURITY_DATA) && !scope.can(receiverOrg, Capability.APPROVE)) {
            throw new ForbiddenActionException("legal.receipt.notReceiver");
        }
        Instant now = clock.instant();
        DossierTransition.Receipt r = d.receive(
                me(),
                now,
                receivedOn,
                note,
                receivedOn == null
                        ? Optional.empty()
                        : deadlines.due(d.regime(), step, d.procedureLevelOrProposed(), receivedOn),
                receivedOn == null
                        ? Optional.empty()
                        : deadlines.due(
                                d.regime(),
                                ProcedureStep.DOSSIER_VALIDITY_CHECK,
                                d.procedureLevelOrProposed(),
                                receivedOn));
        repository.recordReceipt(id, r);
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("receivedOn", d.receivedOn() == null ? null : d.receivedOn().toString());
        before.put("stepDueOn", d.stepDueOn() == null ? null : d.stepDueOn().toString());
        before.put(
                "validityDueOn",
                d.validityDueOn() == null ? null : d.validityDueOn().toString());
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("receivedOn", receivedOn.toString());
        after.put("step", step.name());
        after.put("stepDueOn", r.stepDueOn() == null ? null : r.stepDueOn().toString());
        after.put(
                "validityDueOn",
                r.validityRestarted() ? String.valueOf(r.validityDueOn()) : before.get("validityDueOn"));
        after.put("estimated", r.stepDueEstimated());
        after.put("note", r.note());
        audit.record(AuditEntry.change("dossier.receive", d.ownerOrganizationId(), "level_dossier", id, before, after));
        return get(id);
    }

    // ---- level 5 and the list of systems critical to national security (NĐ 331/2026 Đ16–17, Đ20.3–20.4, Đ24)

    /** The decisions beyond the level decision the rule data names for this assignment, kept on the dossier. */
    private void requireAdditionalDecisions(long id, AuthorityAssignment a) {
        List<String> keys = new ArrayList<>();
        for (AuthorityAssignment.ResolvedApproval r : a.additionalApprovals()) {
            keys.add(r.approval().id());
            repository.requireDecision(
                    id,
                    r.approval().id(),
                    r.approval().role().name(),
                    Long.parseLong(r.organisationId()),
                    r.approval().subjectVi(),
                    r.approval().subjectEn(),
                    r.approval().legalRef(),
                    r.approval().addsToCriticalList());
        }
        repository.dropPendingDecisionsExcept(id, keys);
    }

    /** The level is in force only once every additional decision is recorded; the refusal names each rule. */
    private void requireDecisionsRecorded(Dossier d) {
        List<FieldProblem> pending = new ArrayList<>();
        for (AdditionalDecision a : repository.additionalDecisions(d.id())) {
            if (!a.recorded()) {
                pending.add(new FieldProblem(
                        "additionalDecisions." + a.key(),
                        "legal.decision.pending",
                        a.subjectVi(),
                        a.legalRef(),
                        a.organizationName()));
            }
        }
        if (!pending.isEmpty()) {
            throw new FieldProblemException(pending);
        }
    }

    public List<AdditionalDecision> additionalDecisions(Dossier d) {
        return repository.additionalDecisions(d.id());
    }

    /** Who records a decision: people who approve at the deciding organisation or at the dossier's approver. */
    public boolean canRecordDecision(Dossier d, AdditionalDecision a) {
        boolean ownSubmission = d.submittedBy() != null && d.submittedBy() == CurrentPerson.idOrNobody();
        return d.status() == DossierStatus.APPRAISED
                && !a.recorded()
                && !ownSubmission
                && (scope.can(a.organizationId(), Capability.APPROVE)
                        || scope.can(d.approverOrgId(), Capability.APPROVE));
    }

    /**
     * Records an additional decision (the Prime Minister's list, the level-5 plan decision of Mẫu 07) on an appraised
     * dossier. A decision that puts the system on the critical list updates the system's entry. Audited.
     */
    @Transactional
    public Dossier recordDecision(long id, String key, String number, LocalDate date, String signer) {
        Dossier d = get(id);
        d.acceptsAdditionalDecision();
        AdditionalDecision a = repository.additionalDecisions(id).stream()
                .filter(x -> x.key().equals(key))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("decision " + key));
        if (a.recorded()) {
            throw new FieldProblemException("key", "legal.decision.alreadyRecorded", a.subjectVi());
        }
        if (!canRecordDecision(d, a)) {
            throw new ForbiddenActionException("legal.decision.notAllowed");
        }
        List<FieldProblem> problems = new ArrayList<>();
        if (blankToNull(number) == null) {
            problems.add(new FieldProblem("decisionNumber", "validation.required"));
        }
        if (date == null) {
            problems.add(new FieldProblem("decisionDate", "validation.required"));
        }
        if (blankToNull(signer) == null) {
            problems.add(new FieldProblem("decisionSigner", "validation.required"));
        }
        if (!problems.isEmpty()) {
            throw new FieldProblemException(problems);
        }
        Instant now = clock.instant();
        repository.recordDecision(
                a.id(),
                number.trim(),
                date,
                signer.trim(),
                CurrentPerson.idOrNobody(),
                CurrentPerson.username().orElse(null),
                now);
        repository.addStep(
                id,
                "RECORD_DECISION",
                d.status(),
                d.status(),
                CurrentPerson.idOrNobody(),
                CurrentPerson.username().orElse(null),
                a.subjectVi() + ": " + number.trim(),
                null,
                null,
                now);
        audit.record(AuditEntry.change(
                "dossier.decision",
                d.ownerOrganizationId(),
                "level_dossier",
                id,
                null,
                Map.of(
                        "decision",
                        key,
                        "subject",
                        a.subjectVi(),
                        "legalRef",
                        a.legalRef(),
                        "number",
                        number.trim(),
                        "date",
                        date.toString(),
                        "signer",
                        signer.trim())));
        if (a.addsToCriticalList()) {
            CriticalListEntry before =
                    repository.criticalEntry(d.systemId()).orElse(CriticalListEntry.none(d.systemId()));
            CriticalListEntry after = new CriticalListEntry(
                    d.systemId(), "LISTED", before.grounds(), before.requestedOn(), number.trim(), date, signer.trim());
            repository.saveCriticalEntry(after, now);
            audit.record(AuditEntry.change(
                    "system.criticalList",
                    d.ownerOrganizationId(),
                    "information_system",
                    d.systemId(),
                    Map.of("status", before.status()),
                    Map.of("status", "LISTED", "decision", number.trim(), "legalRef", a.legalRef())));
        }
        return get(id);
    }

    public CriticalListEntry criticalList(long systemId) {
        systems.get(systemId);
        return repository.criticalEntry(systemId).orElse(CriticalListEntry.none(systemId));
    }

    /**
     * The owner self-screens the system and asks for it to be put on the list (NĐ 331/2026 Đ16–17; Mẫu 02 footnote):
     * from then on a level-3 or level-4 dossier follows the level-5 procedure (Đ20.4). Grounds are required.
     */
    @Transactional
    public CriticalListEntry requestCriticalList(long systemId, String grounds) {
        InformationSystem s = systems.get(systemId);
        if (!systems.canEdit(s)) {
            throw new ForbiddenActionException("error.forbidden");
        }
        CriticalListEntry before = repository.criticalEntry(systemId).orElse(CriticalListEntry.none(systemId));
        if ("LISTED".equals(before.status())) {
            throw new FieldProblemException("status", "legal.criticalList.alreadyListed");
        }
        String g = blankToNull(grounds);
        if (g == null || g.length() < 20) {
            throw new FieldProblemException("grounds", "legal.criticalList.groundsRequired", 20);
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), PlatformConfiguration.ZONE);
        CriticalListEntry after = new CriticalListEntry(systemId, "REQUESTED", g, today, null, null, null);
        repository.saveCriticalEntry(after, clock.instant());
        audit.record(AuditEntry.change(
                "system.criticalList",
                s.ownerOrganizationId(),
                "information_system",
                systemId,
                Map.of("status", before.status()),
                Map.of("status", "REQUESTED", "grounds", g)));
        return after;
    }

    /** Withdraws a request not yet decided. */
    @Transactional
    public CriticalListEntry withdrawCriticalListRequest(long systemId) {
        InformationSystem s = systems.get(systemId);
        if (!systems.canEdit(s)) {
            throw new ForbiddenActionException("error.forbidden");
        }
        CriticalListEntry before = repository.criticalEntry(systemId).orElse(CriticalListEntry.none(systemId));
        if (!"REQUESTED".equals(before.status())) {
            throw new FieldProblemException("status", "legal.criticalList.notRequested");
        }
        repository.deleteCriticalEntry(systemId);
        audit.record(AuditEntry.change(
                "system.criticalList",
                s.ownerOrganizationId(),
                "information_system",
                systemId,
                Map.of("status", "REQUESTED"),
                Map.of("status", "NONE")));
        return CriticalListEntry.none(systemId);
    }

    /** Whether the caller may record the receipt of this dossier now (the body handling its current step). */
    public boolean canRecordReceipt(Dossier d) {
        if (d.status() != DossierStatus.SUBMITTED && d.status() != DossierStatus.APPRAISED) {
            return false;
        }
        long org = d.status() == DossierStatus.SUBMITTED ? d.appraiserOrgId() : d.approverOrgId();
        return scope.can(org, Capability.EDIT_SECURITY_DATA) || scope.can(org, Capability.APPROVE);
    }

    /** The level decision's fields, each missing one named; the signed file decoded when given. */
    private static byte[] checkDecision(ActionRequest r) {
        List<FieldProblem> problems = new ArrayList<>();
        if (blankToNull(r.getDecisionNumber()) == null) {
            problems.add(new FieldProblem("decisionNumber", "validation.required"));
        }
        if (r.getDecisionDate() == null) {
            problems.add(new FieldProblem("decisionDate", "validation.required"));
        }
        if (blankToNull(r.getDecisionSigner()) == null) {
            problems.add(new FieldProblem("decisionSigner", "validation.required"));
        }
        byte[] signed = null;
        if (r.getSignedFileBase64() != null && !r.getSignedFileBase64().isBlank()) {
            try {
                signed = Base64.getDecoder().decode(r.getSignedFileBase64().trim());
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("signedFileBase64", "systems.dossier.badBase64"));
            }
            if (signed != null && signed.length > MAX_FILE_BYTES) {
                problems.add(new FieldProblem(
                        "signedFileBase64", "systems.dossier.fileTooLarge", MAX_FILE_BYTES / (1024 * 1024)));
            }
        }
        if (!problems.isEmpty()) {
            throw new FieldProblemException(problems);
        }
        return signed;
    }

    /**
     * The preconditions of approval in the rule data (TT 12/2022 Đ9.7; NĐ 331/2026 Đ30.7: the security regulation is
     * issued before the level is approved), each refusal naming its article.
     */
    private void requirePreconditions(Dossier d, LocalDate decisionDate) {
        List<FieldProblem> problems = new ArrayList<>();
        for (ApprovalPreconditions.Unmet u :
                preconditions.unmet(d.regime(), d.proposedLevel(), regulations.issuedFor(d.systemId()), decisionDate)) {
            problems.add(
                    "MISSING".equals(u.reason())
                            ? new FieldProblem(
                                    "securityRegulation",
                                    "legal.precondition.regulationMissing",
                                    u.precondition().legalRef())
                            : new FieldProblem(
                                    "securityRegulation",
                                    "legal.precondition.regulationAfterDecision",
                                    u.precondition().legalRef(),
                                    u.regulation().decisionNumber(),
                                    DateDisplay.DATE.format(u.regulation().issuedOn())));
        }
        if (!problems.isEmpty()) {
            throw new FieldProblemException(problems);
        }
    }

    /** The approval preconditions of a dossier and whether each is met today, for the page and the API. */
    public List<PreconditionStatus> preconditionStatus(Dossier d) {
        Optional<SecurityRegulations.IssuedRegulation> regulation = regulations.issuedFor(d.systemId());
        LocalDate decision = d.decisionDate();
        List<ApprovalPreconditions.Unmet> unmet =
                preconditions.unmet(d.regime(), d.proposedLevel(), regulation, decision);
        return preconditions.forDossier(d.regime(), d.proposedLevel()).stream()
                .map(p -> {
                    String reason = unmet.stream()
                            .filter(u -> u.precondition().id().equals(p.id()))
                            .map(ApprovalPreconditions.Unmet::reason)
                            .findFirst()
                            .orElse(null);
                    return new PreconditionStatus(
                            p.id(),
                            p.legalRef(),
                            p.textVi(),
                            p.textEn(),
                            reason == null,
                            reason,
                            regulation.orElse(null));
                })
                .toList();
    }

    /**
     * The classification behind the dossier when it met no criterion of the regime: the level is the officer's
     * justified proposal, flagged for the appraiser (issue 9 point 20). Empty otherwise.
     */
    public Optional<StoredClassification> proposalWithoutCriterion(Dossier d) {
        return d.classificationId() == null
                ? Optional.empty()
                : classifications.find(d.classificationId()).filter(StoredClassification::noCriterion);
    }

    /** One approval precondition as shown: met, or why not (MISSING, AFTER_DECISION). */
    public record PreconditionStatus(
            String id,
            String legalRef,
            String textVi,
            String textEn,
            boolean met,
            String reason,
            SecurityRegulations.IssuedRegulation regulation) {}

    private void requireCompleteParts(Dossier d) {
        Map<String, String> texts = repository.parts(d.id());
        List<DossierAttachment> files = repository.attachments(d.id());
        List<FieldProblem> missing = new ArrayList<>();
        for (DossierPartDefinition p : partDefinitions(d)) {
            boolean hasText = texts.get(p.key()) != null && !texts.get(p.key()).isBlank();
            boolean hasFile = files.stream().anyMatch(f -> f.partKey().equals(p.key()));
            if (!hasText && !hasFile) {
                missing.add(new FieldProblem("parts." + p.key(), "systems.dossier.partMissing", p.titleVi()));
            }
        }
        if (!missing.isEmpty()) {
            throw new FieldProblemException(missing);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
