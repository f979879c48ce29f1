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
import vn.khien.access.Capability;
import vn.khien.access.CurrentPerson;
import vn.khien.access.OrgScope;
import vn.khien.audit.AuditEntry;
import vn.khien.audit.AuditTrail;
import vn.khien.platform.FieldProblemException;
import vn.khien.platform.FieldProblemException.FieldProblem;
import vn.khien.platform.ForbiddenActionException;
import vn.khien.platform.NotFoundException;
import vn.khien.platform.PlatformConfiguration;
import vn.khien.systems.SystemLevelApproved;
import vn.khien.systems.classification.authority.AuthorityAssignment;
import vn.khien.systems.classification.authority.AuthorityContext;
import vn.khien.systems.classification.authority.AuthorityResolver;
import vn.khien.systems.classification.authority.UnresolvedRoleException;
import vn.khien.systems.deadlines.Deadline;
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

    public DossierService(DossierRepository repository, SystemService systems, SystemRepository systemRepository,
                          ClassificationService classifications, AuthorityResolver authority,
                          AuthorityDirectory directory, DossierPartCatalog partCatalog, DossierDeadlines deadlines,
                          OrgScope scope, AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
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
        systems.get(systemId);
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
        return partCatalog.partsFor(d.regime(), d.proposedLevel());
    }

    /** Opens a draft for the system's current classification, with the authorities the rule data names. */
    @Transactional
    public Dossier create(long systemId) {
        InformationSystem s = systems.get(systemId);
        if (!systems.canEdit(s)) {
            throw new ForbiddenActionException("error.forbidden");
        }
        StoredClassification c = classifications.current(systemId)
                .orElseThrow(() -> new FieldProblemException("classification", "systems.dossier.classifyFirst"));
        if (repository.forSystem(systemId).stream().anyMatch(d -> d.status().open())) {
            throw new FieldProblemException("systemId", "systems.dossier.alreadyOpen");
        }
        AuthorityAssignment a = resolve(s, c.regime(), c.chosenLevel());
        long id = repository.insert(systemId, c.id(), c.regime(), c.chosenLevel(), Long.parseLong(a.dossierPreparerOrgId()),
                Long.parseLong(a.appraiserOrgId()), Long.parseLong(a.approverOrgId()),
                a.expertOpinionOrgId().map(Long::parseLong).orElse(null), a.legalRef(), CurrentPerson.idOrNobody(),
                clock.instant());
        repository.addStep(id, "CREATE", null, DossierStatus.DRAFT, CurrentPerson.idOrNobody(),
                CurrentPerson.username().orElse(null), null, null, null, clock.instant());
        Dossier d = get(id);
        audit.record(AuditEntry.change("dossier.create", s.ownerOrganizationId(), "level_dossier", id, null,
                Map.of("system", systemId, "regime", d.regime(), "level", d.proposedLevel(),
                        "appraiser", d.appraiserOrgId(), "approver", d.approverOrgId())));
        return d;
    }

    private AuthorityAssignment resolve(InformationSystem s, String regime, int level) {
        try {
            return authority.resolve(regime, level, new AuthorityContext(s.securityUnitOperates(), false),
                    directory.rolesFor(s));
        } catch (UnresolvedRoleException e) {
            throw new MissingDesignationException(e.role(), s.ownerOrganizationId(), s.ownerName());
        }
    }

    @Transactional
    public void savePart(long id, String partKey, String content) {
        Dossier d = editableDraft(id);
        DossierPartDefinition def = partDefinitions(d).stream().filter(p -> p.key().equals(partKey)).findFirst()
                .orElseThrow(() -> new FieldProblemException("part", "systems.dossier.unknownPart", partKey));
        String before = repository.parts(id).get(def.key());
        repository.savePart(id, def.key(), content == null ? null : content.strip(), clock.instant());
        audit.record(AuditEntry.change("dossier.part", d.ownerOrganizationId(), "level_dossier", id,
                before == null ? null : Map.of(def.key(), before), Map.of(def.key(), content == null ? "" : content)));
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
        long attachmentId = repository.addAttachment(id, partKey, fileName, contentType, content,
                CurrentPerson.idOrNobody(), clock.instant());
        audit.record(AuditEntry.change("dossier.attach", d.ownerOrganizationId(), "level_dossier", id, null,
                Map.of("part", partKey, "file", fileName, "bytes", content.length)));
        return repository.attachments(id).stream().filter(a -> a.id() == attachmentId).findFirst().orElseThrow();
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

    /** What the caller may do now, for the UI. */
    public List<DossierAction> allowedActions(Dossier d) {
        List<DossierAction> allowed = new ArrayList<>();
        for (DossierAction a : DossierAction.values()) {
            if (denial(d, a).isEmpty()) {
                allowed.add(a);
            }
        }
        return allowed;
    }

    /**
     * Why the caller may not take this step now: a status problem (422) or a role problem (403). The home page asks
     * the same question in SQL for every dossier at once ({@code SystemsAttentionQueries}): change both together.
     */
    private Optional<RuntimeException> denial(Dossier d, DossierAction action) {
        long me = CurrentPerson.idOrNobody();
        boolean ownSubmission = d.submittedBy() != null && d.submittedBy() == me;
        switch (action) {
            case SUBMIT:
            case WITHDRAW: {
                boolean statusOk = action == DossierAction.SUBMIT ? d.status().editable() : d.status().open();
                if (!statusOk) {
                    return Optional.of(new FieldProblemException("status", "systems.dossier.wrongStatus", d.status()));
                }
                return systems.canEdit(systems.get(d.systemId())) ? Optional.empty()
                        : Optional.of(new ForbiddenActionException("error.forbidden"));
            }
            case RETURN:
            case APPRAISE: {
                if (d.status() != DossierStatus.SUBMITTED) {
                    return Optional.of(new FieldProblemException("status", "systems.dossier.wrongStatus", d.status()));
                }
                boolean appraiser = scope.can(d.appraiserOrgId(), Capability.EDIT_SECURITY_DATA)
                        || scope.can(d.appraiserOrgId(), Capability.APPROVE);
                if (!appraiser) {
                    return Optional.of(new ForbiddenActionException("systems.dossier.notAppraiser"));
                }
                return ownSubmission ? Optional.of(new ForbiddenActionException("systems.dossier.ownSubmission"))
                        : Optional.empty();
            }
            case APPROVE: {
                if (d.status() != DossierStatus.APPRAISED) {
                    return Optional.of(new FieldProblemException("status", "systems.dossier.wrongStatus", d.status()));
                }
                if (!scope.can(d.approverOrgId(), Capability.APPROVE)) {
                    return Optional.of(new ForbiddenActionException("systems.dossier.notApprover"));
                }
                // Appraisal and approval are two people's judgements, as submission and approval are (issue 9).
                if (d.appraisedBy() != null && d.appraisedBy() == me) {
                    return Optional.of(new ForbiddenActionException("systems.dossier.ownAppraisal"));
                }
                return ownSubmission ? Optional.of(new ForbiddenActionException("systems.dossier.ownSubmission"))
                        : Optional.empty();
            }
            default:
                return Optional.of(new ForbiddenActionException("error.forbidden"));
        }
    }

    @Transactional
    public Dossier act(long id, DossierAction action, ActionRequest request) {
        Dossier d = get(id);
        Optional<RuntimeException> denied = denial(d, action);
        if (denied.isPresent()) {
            throw denied.get();
        }
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, PlatformConfiguration.ZONE);
        Map<String, Object> columns = new LinkedHashMap<>();
        DossierStatus to;
        String recorded = action.name();
        LocalDate due = null;
        // The legal limit this step itself had to be taken by, kept in the history.
        LocalDate limitOfThisStep = null;
        // Every receipt starts the validity check where the regime has one (NĐ 331/2026 Đ23: 5 working days to tell
        // the submitter the dossier is incomplete); any other step ends it.
        columns.put("validity_due_on", null);
        String comment = request == null ? null : blankToNull(request.getComment());
        switch (action) {
            case SUBMIT: {
                requireCompleteParts(d);
                InformationSystem s = systems.get(d.systemId());
                AuthorityAssignment a = resolve(s, d.regime(), d.proposedLevel());
                repository.updateAuthorities(id, Long.parseLong(a.appraiserOrgId()), Long.parseLong(a.approverOrgId()),
                        a.expertOpinionOrgId().map(Long::parseLong).orElse(null), a.legalRef());
                // The appraiser and approver see the system while they handle its dossier, and afterwards for history.
                systemRepository.addParty(s.id(), Long.parseLong(a.appraiserOrgId()), "APPRAISER");
                systemRepository.addParty(s.id(), Long.parseLong(a.approverOrgId()), "APPROVER");
                a.expertOpinionOrgId().ifPresent(e -> systemRepository.addParty(s.id(), Long.parseLong(e), "EXPERT"));
                recorded = d.status() == DossierStatus.RETURNED ? "RESUBMIT" : "SUBMIT";
                to = DossierStatus.SUBMITTED;
                Optional<Deadline> limit = deadlines.due(d.regime(), ProcedureStep.APPRAISAL, d.proposedLevel(), today);
                due = limit.map(Deadline::due).orElse(null);
                columns.put("submitted_by", CurrentPerson.idOrNobody());
                columns.put("submitted_at", java.sql.Timestamp.from(now));
                columns.put("step_limit_ref", limit.map(l -> l.limit().legalRef()).orElse(null));
                Optional<Deadline> validity = deadlines.due(d.regime(), ProcedureStep.DOSSIER_VALIDITY_CHECK,
                        d.proposedLevel(), today);
                columns.put("validity_due_on", validity.map(Deadline::due).orElse(null));
                columns.put("validity_limit_ref", validity.map(l -> l.limit().legalRef()).orElse(null));
                break;
            }
            case RETURN:
                if (comment == null) {
                    throw new FieldProblemException("comment", "systems.dossier.commentRequired");
                }
                to = DossierStatus.RETURNED;
                columns.put("step_limit_ref", null);
                limitOfThisStep = d.validityDueOn();
                break;
            case APPRAISE: {
                // The appraisal is a written opinion (issue 9): an empty one is refused, naming the field.
                if (comment == null) {
                    throw new FieldProblemException("comment", "systems.dossier.opinionRequired");
                }
                to = DossierStatus.APPRAISED;
                limitOfThisStep = d.stepDueOn();
                Optional<Deadline> limit = deadlines.due(d.regime(), ProcedureStep.APPROVAL, d.proposedLevel(), today);
                due = limit.map(Deadline::due).orElse(null);
                columns.put("appraised_by", CurrentPerson.idOrNobody());
                columns.put("appraised_at", java.sql.Timestamp.from(now));
                columns.put("appraisal_opinion", comment);
                columns.put("step_limit_ref", limit.map(l -> l.limit().legalRef()).orElse(null));
                break;
            }
            case APPROVE:
                to = DossierStatus.APPROVED;
                limitOfThisStep = d.stepDueOn();
                approvalColumns(request, columns);
                break;
            case WITHDRAW:
                to = DossierStatus.WITHDRAWN;
                break;
            default:
                throw new IllegalStateException(action.name());
        }
        columns.put("status", to.name());
        columns.put("step_started_on", today);
        columns.put("step_due_on", due);
        repository.update(id, columns, now);
        repository.addStep(id, recorded, d.status(), to, CurrentPerson.idOrNobody(),
                CurrentPerson.username().orElse(null), comment, due, limitOfThisStep, now);
        Dossier after = get(id);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("status", to.name());
        details.put("comment", comment);
        details.put("dueOn", due == null ? null : due.toString());
        if (columns.get("validity_due_on") != null) {
            details.put("validityDueOn", columns.get("validity_due_on").toString());
        }
        if (limitOfThisStep != null) {
            details.put("limitDueOn", limitOfThisStep.toString());
            details.put("late", today.isAfter(limitOfThisStep));
        }
        audit.record(AuditEntry.change("dossier." + recorded.toLowerCase(), d.ownerOrganizationId(), "level_dossier",
                id, Map.of("status", d.status().name()), details));
        if (action == DossierAction.APPROVE) {
            systemRepository.recordApproval(d.systemId(), d.proposedLevel(), d.regime(), after.decisionDate(),
                    after.decisionNumber(), after.decisionSigner(), id, now);
            audit.record(AuditEntry.change("system.levelApproved", d.ownerOrganizationId(), "information_system",
                    d.systemId(), null, Map.of("level", d.proposedLevel(), "regime", d.regime(),
                            "decision", after.decisionNumber(), "approvedOn", after.decisionDate().toString())));
            events.publishEvent(new SystemLevelApproved(d.systemId(), d.ownerOrganizationId(), d.proposedLevel(),
                    d.regime(), after.decisionDate()));
        }
        return after;
    }

    private void approvalColumns(ActionRequest r, Map<String, Object> columns) {
        List<FieldProblem> problems = new ArrayList<>();
        if (r == null || blankToNull(r.getDecisionNumber()) == null) {
            problems.add(new FieldProblem("decisionNumber", "validation.required"));
        }
        if (r == null || r.getDecisionDate() == null) {
            problems.add(new FieldProblem("decisionDate", "validation.required"));
        }
        if (r == null || blankToNull(r.getDecisionSigner()) == null) {
            problems.add(new FieldProblem("decisionSigner", "validation.required"));
        }
        byte[] signed = null;
        if (r != null && r.getSignedFileBase64() != null && !r.getSignedFileBase64().isBlank()) {
            try {
                signed = Base64.getDecoder().decode(r.getSignedFileBase64().trim());
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("signedFileBase64", "systems.dossier.badBase64"));
            }
            if (signed != null && signed.length > MAX_FILE_BYTES) {
                problems.add(new FieldProblem("signedFileBase64", "systems.dossier.fileTooLarge", MAX_FILE_BYTES / (1024 * 1024)));
            }
        }
        if (!problems.isEmpty()) {
            throw new FieldProblemException(problems);
        }
        columns.put("approved_by", CurrentPerson.idOrNobody());
        columns.put("approved_at", java.sql.Timestamp.from(clock.instant()));
        columns.put("decision_number", r.getDecisionNumber().trim());
        columns.put("decision_date", r.getDecisionDate());
        columns.put("decision_signer", r.getDecisionSigner().trim());
        if (signed != null) {
            columns.put("signed_file", signed);
            columns.put("signed_file_name", blankToNull(r.getSignedFileName()) == null ? "quyet-dinh.pdf" : r.getSignedFileName());
        }
    }

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
