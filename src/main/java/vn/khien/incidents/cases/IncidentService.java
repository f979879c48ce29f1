package vn.khien.incidents.cases;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khien.access.Capability;
import vn.khien.access.CurrentPerson;
import vn.khien.access.OrgScope;
import vn.khien.audit.AuditEntry;
import vn.khien.audit.AuditTrail;
import vn.khien.identity.Notice;
import vn.khien.identity.Notifications;
import vn.khien.incidents.IncidentStatusChanged;
import vn.khien.incidents.deadlines.DeadlineAssessment;
import vn.khien.incidents.deadlines.DeadlineEngine;
import vn.khien.incidents.deadlines.IncidentFacts;
import vn.khien.incidents.deadlines.RecipientRole;
import vn.khien.incidents.deadlines.ReportDeadline;
import vn.khien.incidents.deadlines.ReportKind;
import vn.khien.platform.FieldProblemException;
import vn.khien.platform.ForbiddenActionException;
import vn.khien.platform.NotFoundException;
import vn.khien.systems.AuthorityDesignationsQuery;

/** Incident case work: intake, the workflow, reports, sharing and coordination. Every change is audited. */
@Service
public class IncidentService {

    static final int TITLE_MAX = 300;
    static final int DESCRIPTION_MAX = 8000;
    static final long EVIDENCE_MAX_BYTES = 20L * 1024 * 1024;

    private final IncidentRepository incidents;
    private final DeadlineEngine engine;
    private final IncidentCatalogue catalogue;
    private final AuthorityDesignationsQuery designations;
    private final IncidentDocuments documents;
    private final Notifications notifications;
    private final OrgScope scope;
    private final AuditTrail audit;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final IncidentLinkRepository links;

    public IncidentService(
            IncidentRepository incidents,
            DeadlineEngine engine,
            IncidentCatalogue catalogue,
            AuthorityDesignationsQuery designations,
            IncidentDocuments documents,
            Notifications notifications,
            OrgScope scope,
            AuditTrail audit,
            JdbcClient jdbc,
            Clock clock,
            IncidentLinkRepository links) {
        this.incidents = incidents;
        this.engine = engine;
        this.catalogue = catalogue;
        this.designations = designations;
        this.documents = documents;
        this.notifications = notifications;
        this.scope = scope;
        this.audit = audit;
        this.jdbc = jdbc;
        this.clock = clock;
        this.links = links;
    }

    public record CreateRequest(
            Long organizationId,
            Long systemId,
            String title,
            String description,
            String category,
            OffsetDateTime detectedAt,
            Boolean beyondCapacity,
            Boolean serious,
            Boolean nationalSecuritySigns,
            String externalRef) {}

    /** One report owed, with its recipients resolved to organisations of the tree. */
    public record Due(
            ReportKind kind,
            String ruleId,
            Integer hours,
            OffsetDateTime dueAt,
            String legalSource,
            List<RecipientRole> roles,
            List<Long> recipients,
            List<RecipientRole> unresolved,
            boolean choice,
            Instant submittedAt) {
        public boolean submitted() {
            return submittedAt != null;
        }

        public boolean late(Instant now) {
            Instant limit = dueAt == null ? null : dueAt.toInstant();
            return limit != null && (submittedAt == null ? now.isAfter(limit) : submittedAt.isAfter(limit));
        }
    }

    public record Created(Incident incident, DeadlineAssessment assessment, List<Due> deadlines, boolean existing) {}

    // ------------------------------------------------------------------ intake

    /** A person in the UI or a machine through the API reports an incident of an organisation it may respond for. */
    @Transactional
    public Created report(CreateRequest r, IncidentSource source) {
        if (r.organizationId() == null) {
            throw new FieldProblemException("organizationId", "validation.required");
        }
        long org = r.organizationId();
        if (!scope.canSee(org)) {
            throw new FieldProblemException("organizationId", "incidents.error.organizationUnknown");
        }
        if (!mayReport(org)) {
            throw new ForbiddenActionException("error.forbidden");
        }
        String ref = blank(r.externalRef()) ? null : r.externalRef().strip();
        if (ref != null && ref.length() > 200) {
            throw new FieldProblemException("externalRef", "incidents.error.tooLong", 200);
        }
        if (ref != null) {
            Optional<Long> existing = incidents.byExternalRef(org, ref);
            if (existing.isPresent()) {
                Incident i = get(existing.get());
                DeadlineAssessment a = engine.assess(i.facts());
                return new Created(i, a, resolve(i, a), true);
            }
        }
        List<FieldProblemException.FieldProblem> problems =
                problems(r.title(), r.description(), r.category(), r.detectedAt());
        // Only a system the organisation (or one under it) owns or operates: what the form lists for it.
        if (r.systemId() != null && incidents.systemInSubtree(r.systemId(), org).isEmpty()) {
            problems.add(new FieldProblemException.FieldProblem("systemId", "incidents.error.systemUnknown"));
        }
        if (!problems.isEmpty()) {
            throw new FieldProblemException(problems);
        }
        boolean beyond = Boolean.TRUE.equals(r.beyondCapacity());
        boolean ns = Boolean.TRUE.equals(r.nationalSecuritySigns());
        DeadlineAssessment a = engine.assess(new IncidentFacts(r.detectedAt(), beyond, r.serious(), ns, null));
        Severity severity = a.serious() || ns ? Severity.CRITICAL : beyond ? Severity.HIGH : Severity.MEDIUM;
        Instant now = clock.instant();
        long id = incidents.insert(
                new IncidentRepository.NewIncident(
                        org,
                        r.systemId(),
                        r.title().strip(),
                        r.description() == null ? null : r.description().strip(),
                        r.category(),
                        severity,
                        source,
                        r.detectedAt(),
                        a.regime().id(),
                        beyond,
                        r.serious(),
                        ns,
                        ref,
                        null,
                        null,
                        CurrentPerson.principal().isPresent() ? CurrentPerson.idOrNobody() : null),
                now);
        incidents.event(id, now, "REPORTED", source.name(), actorName());
        if (r.systemId() != null) {
            // The system reported on is the case's first affected system (issue 12, case work).
            links.insertSystem(
                    id,
                    r.systemId(),
                    CurrentPerson.principal().map(p -> p.personId()).orElse(null),
                    now);
        }
        Incident i = get(id);
        List<Due> due = resolve(i, a);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("title", i.title());
        after.put("category", i.category());
        after.put("detectedAt", r.detectedAt().toString());
        after.put("regime", a.regime().id());
        after.put("beyondCapacity", beyond);
        after.put("serious", r.serious());
        after.put("nationalSecuritySigns", ns);
        after.put("source", source.name());
        if (ref != null) {
            after.put("externalRef", ref);
        }
        audit.record(AuditEntry.change("incident.report", org, "incident", id, null, after));
        notifyRecipients(i, due);
        publish(new IncidentStatusChanged(id, org, i.status().name()));
        return new Created(i, a, due, false);
    }

    /** A citizen or another body reports through the public page: lands unverified, audited without an actor. */
    @Transactional
    public long reportPublic(
            long organizationId,
            String title,
            String description,
            String category,
            OffsetDateTime detectedAt,
            String reporterName,
            String reporterContact) {
        validate(title, description, category, detectedAt);
        if (blank(reporterContact)) {
            throw new FieldProblemException("reporterContact", "validation.required");
        }
        DeadlineAssessment a = engine.assess(IncidentFacts.detected(detectedAt));
        Instant now = clock.instant();
        long id = incidents.insert(
                new IncidentRepository.NewIncident(
                        organizationId,
                        null,
                        title.strip(),
                        description == null ? null : description.strip(),
                        category,
                        Severity.MEDIUM,
                        IncidentSource.PUBLIC,
                        detectedAt,
                        a.regime().id(),
                        false,
                        null,
                        false,
                        null,
                        strip(reporterName),
                        reporterContact.strip(),
                        null),
                now);
        incidents.event(id, now, "REPORTED", IncidentSource.PUBLIC.name(), reporterName);
        publish(new IncidentStatusChanged(id, organizationId, IncidentStatus.NEW.name()));
        audit.record(AuditEntry.change(
                "incident.report.public",
                organizationId,
                "incident",
                id,
                null,
                Map.of("title", title.strip(), "category", category, "detectedAt", detectedAt.toString())));
        notifications.send(new Notice(
                "INCIDENT",
                "incidents.notice.public",
                List.of(title.strip()),
                "/incidents/" + id,
                "incident:" + id + ":public",
                new Notice.Audience.Holders(organizationId, Capability.RESPOND_INCIDENTS)));
        notifications.send(new Notice(
                "INCIDENT",
                "incidents.notice.public",
                List.of(title.strip()),
                "/incidents/" + id,
                "incident:" + id + ":public:sec",
                new Notice.Audience.Holders(organizationId, Capability.EDIT_SECURITY_DATA)));
        return id;
    }

    private void validate(String title, String description, String category, OffsetDateTime detectedAt) {
        List<FieldProblemException.FieldProblem> problems = problems(title, description, category, detectedAt);
        if (!problems.isEmpty()) {
            throw new FieldProblemException(problems);
        }
    }

    private List<FieldProblemException.FieldProblem> problems(
            String title, String description, String category, OffsetDateTime detectedAt) {
        List<FieldProblemException.FieldProblem> problems = new ArrayList<>();
        if (blank(title)) {
            problems.add(new FieldProblemException.FieldProblem("title", "validation.required"));
        } else if (title.strip().length() > TITLE_MAX) {
            problems.add(new FieldProblemException.FieldProblem("title", "incidents.error.tooLong", TITLE_MAX));
        }
        if (description != null && description.length() > DESCRIPTION_MAX) {
            problems.add(
                    new FieldProblemException.FieldProblem("description", "incidents.error.tooLong", DESCRIPTION_MAX));
        }
        if (catalogue.category(category).isEmpty()) {
            problems.add(new FieldProblemException.FieldProblem("category", "incidents.error.categoryUnknown"));
        }
        if (detectedAt == null) {
            problems.add(new FieldProblemException.FieldProblem("detectedAt", "validation.required"));
        } else if (detectedAt.toInstant().isAfter(clock.instant().plusSeconds(300))) {
            problems.add(new FieldProblemException.FieldProblem("detectedAt", "incidents.error.detectedInFuture"));
        }
        return problems;
    }

    private boolean mayReport(long org) {
        return scope.can(org, Capability.RESPOND_INCIDENTS) || scope.can(org, Capability.EDIT_SECURITY_DATA);
    }

    // ------------------------------------------------------------------ reads

    public Incident get(long id) {
        return incidents.find(id).orElseThrow(() -> new NotFoundException("incident " + id));
    }

    public List<Incident> list(IncidentRepository.ListQuery q) {
        return incidents.list(q);
    }

    public DeadlineAssessment assessment(Incident i) {
        return engine.assess(i.facts());
    }

    public DeadlineEngine engine() {
        return engine;
    }

    public IncidentCatalogue catalogue() {
        return catalogue;
    }

    public Instant now() {
        return clock.instant();
    }

    /** The reports an incident owes, with recipients resolved and the first submission of each kind. */
    public List<Due> resolve(Incident i, DeadlineAssessment a) {
        long owner = ownerOf(i);
        return dues(a, owner, incidents.reports(i.id()), role -> designations.designated(owner, role.name()));
    }

    /**
     * {@link #resolve} for a list of incidents (the home page's attention, issue 15) with a fixed number of queries
     * whatever the list's length: the systems' owners, the designations and the submitted reports are read for all
     * incidents at once. Incident id → its reports owed, in the list's order.
     */
    public Map<Long, List<Due>> resolveAll(List<Incident> list) {
        Map<Long, DeadlineAssessment> assessed = new LinkedHashMap<>();
        Set<String> roles = new LinkedHashSet<>();
        for (Incident i : list) {
            DeadlineAssessment a = assessment(i);
            assessed.put(i.id(), a);
            a.deadlines()
                    .forEach(d -> d.recipients().stream()
                            .filter(r -> r != RecipientRole.OWNER)
                            .forEach(r -> roles.add(r.name())));
        }
        Map<Long, Long> owners = ownersOf(list);
        Map<Long, Map<String, Long>> designated = designations.designated(Set.copyOf(owners.values()), roles);
        Map<Long, List<IncidentRepository.Submission>> reports = incidents.reportsOf(assessed.keySet());
        Map<Long, List<Due>> out = new LinkedHashMap<>();
        for (Incident i : list) {
            long owner = owners.get(i.id());
            Map<String, Long> byRole = designated.getOrDefault(owner, Map.of());
            out.put(
                    i.id(),
                    dues(
                            assessed.get(i.id()),
                            owner,
                            reports.getOrDefault(i.id(), List.of()),
                            role -> Optional.ofNullable(byRole.get(role.name()))));
        }
        return out;
    }

    private static List<Due> dues(
            DeadlineAssessment a,
            long owner,
            List<IncidentRepository.Submission> submitted,
            Function<RecipientRole, Optional<Long>> designated) {
        Map<String, Instant> firstSubmission = new LinkedHashMap<>();
        for (IncidentRepository.Submission s : submitted) {
            firstSubmission.putIfAbsent(s.kind(), s.submittedAt());
        }
        List<Due> out = new ArrayList<>();
        for (ReportDeadline d : a.deadlines()) {
            Set<Long> orgs = new LinkedHashSet<>();
            List<RecipientRole> unresolved = new ArrayList<>();
            for (RecipientRole role : d.recipients()) {
                Optional<Long> o = role == RecipientRole.OWNER ? Optional.of(owner) : designated.apply(role);
                o.ifPresentOrElse(orgs::add, () -> unresolved.add(role));
            }
            out.add(new Due(
                    d.kind(),
                    d.ruleId(),
                    d.hours(),
                    d.dueAt(),
                    d.legalRef(),
                    d.recipients(),
                    List.copyOf(orgs),
                    unresolved,
                    d.choice(),
                    firstSubmission.get(d.kind().name())));
        }
        return out;
    }

    long ownerOf(Incident i) {
        return i.systemId() == null
                ? i.organizationId()
                : designations.ownerOf(i.systemId()).orElse(i.organizationId());
    }

    /** The response unit of the tree for this incident, if designated. */
    public Optional<Long> responseUnit(Incident i) {
        return designations.designated(ownerOf(i), RecipientRole.INCIDENT_RESPONSE_UNIT.name());
    }

    public Optional<Long> parent(Incident i) {
        return incidents.parentOf(i.organizationId());
    }

    public List<IncidentRepository.TimelineEvent> timeline(long id) {
        get(id);
        return incidents.timeline(id);
    }

    public List<IncidentRepository.Share> shares(long id) {
        get(id);
        return incidents.shares(id);
    }

    public List<IncidentRepository.Submission> reports(long id) {
        get(id);
        return incidents.reports(id);
    }

    public List<IncidentRepository.Order> orders(long id) {
        get(id);
        return incidents.orders(id);
    }

    public List<IncidentRepository.Task> tasks(long id) {
        get(id);
        return incidents.tasks(id);
    }

    public List<IncidentRepository.Indicator> indicators(long id) {
        get(id);
        return incidents.indicators(id);
    }

    public List<IncidentRepository.EvidenceItem> evidence(long id) {
        get(id);
        return incidents.evidence(id);
    }

    public List<IncidentRepository.Custody> custody(long id) {
        get(id);
        return incidents.custodyOf(id);
    }

    public boolean canWork(long id) {
        return incidents.can(id, Capability.RESPOND_INCIDENTS) || incidents.can(id, Capability.EDIT_SECURITY_DATA);
    }

    // ------------------------------------------------------------------ workflow

    @Transactional
    public Incident verify(long id, String note) {
        return transition(
                id, "verify", note, (i, now) -> i.verify(), (before, after, now) -> incidents.markVerified(after, now));
    }

    @Transactional
    public Incident reject(long id, String note) {
        return transition(
                id,
                "reject",
                note,
                (i, now) -> i.reject(),
                (before, after, now) -> incidents.markRejected(after, before.status(), now));
    }

    @Transactional
    public Incident contain(long id, String note) {
        return transition(
                id,
                "contain",
                note,
                (i, now) -> i.contain(),
                (before, after, now) -> incidents.markContained(after, now));
    }

    @Transactional
    public Incident eradicate(long id, String note) {
        return transition(
                id,
                "eradicate",
                note,
                (i, now) -> i.eradicate(),
                (before, after, now) -> incidents.markEradicated(after, now));
    }

    @Transactional
    public Incident recover(long id, String note) {
        return transition(
                id,
                "recover",
                note,
                Incident::recover,
                (before, after, now) -> incidents.markRecovered(after, before.status(), now));
    }

    @Transactional
    public Incident close(long id, String note) {
        return transition(
                id,
                "close",
                note,
                (i, now) -> i.close(endReportMissing(i)),
                (before, after, now) -> incidents.markClosed(after, now));
    }

    private interface Step {
        Incident apply(Incident incident, Instant now);
    }

    private interface Store {
        void store(Incident before, Incident after, Instant now);
    }

    private Incident transition(long id, String action, String note, Step step, Store store) {
        Incident before = working(id);
        Instant now = clock.instant();
        Incident after = step.apply(before, now);
        store.store(before, after, now);
        incidents.event(id, now, "STATUS_" + after.status().name(), strip(note), actorName());
        audit.record(AuditEntry.change(
                "incident." + action,
                before.organizationId(),
                "incident",
                id,
                Map.of("status", before.status().name()),
                Map.of("status", after.status().name())));
        publish(new IncidentStatusChanged(
                id, before.organizationId(), after.status().name()));
        return get(id);
    }

    /** The end-of-response report (Form 04 / closing) the rules ask for, not yet submitted. */
    boolean endReportMissing(Incident i) {
        DeadlineAssessment a = engine.assess(i.facts());
        Set<String> submitted = incidents.reports(i.id()).stream()
                .map(IncidentRepository.Submission::kind)
                .collect(Collectors.toSet());
        return a.deadlines().stream()
                .map(ReportDeadline::kind)
                .filter(k -> k == ReportKind.FORM04_END || k == ReportKind.CLOSING)
                .anyMatch(k -> !submitted.contains(k.name()));
    }

    @Transactional
    public Incident setSeverity(long id, Severity severity) {
        Incident before = working(id);
        if (severity == null) {
            throw new FieldProblemException("severity", "validation.required");
        }
        incidents.setSeverity(id, severity, clock.instant());
        incidents.event(id, clock.instant(), "SEVERITY", severity.name(), actorName());
        audit.record(AuditEntry.change(
                "incident.severity",
                before.organizationId(),
                "incident",
                id,
                Map.of("severity", before.severity().name()),
                Map.of("severity", severity.name())));
        return get(id);
    }

    private Incident working(long id) {
        Incident i = get(id);
        if (!canWork(id)) {
            throw new ForbiddenActionException("error.forbidden");
        }
        return i;
    }

    // ------------------------------------------------------------------ reports

    /** Records a submission of a report now: the document as produced from the case, its recipients and its limit. */
    @Transactional
    public IncidentRepository.Submission submitReport(long id, ReportKind kind) {
        Incident i = working(id);
        if (kind == null) {
            throw new FieldProblemException("kind", "validation.required");
        }
        DeadlineAssessment a = engine.assess(i.facts());
        List<Due> dues = resolve(i, a);
        Optional<Due> due = dues.stream().filter(d -> d.kind() == kind).findFirst();
        if (due.isEmpty() && kind != ReportKind.UPDATE && kind != ReportKind.NOTICE) {
            throw new FieldProblemException("kind", "incidents.error.reportNotOwed", kind.name());
        }
        Instant now = clock.instant();
        List<Long> recipients = due.map(Due::recipients).orElseGet(() -> List.of(ownerOf(i)));
        String recipientNames = recipients.stream()
                .map(o -> incidents.organizationName(o).orElse("#" + o))
                .collect(Collectors.joining("; "));
        String subject = catalogue.emailSubject(i.organizationName(), i.id(), i.title());
        byte[] docx = documents.render(new IncidentDocuments.Input(
                i,
                kind,
                catalogue.form(kind),
                a,
                recipientNames,
                subject,
                now,
                actorName(),
                incidents.systemInfo(i.systemId() == null ? -1 : i.systemId()).orElse(null),
                incidents.affectedSystemInfo(id),
                incidents.reports(id),
                incidents.indicators(id),
                catalogue
                        .category(i.category())
                        .map(IncidentCatalogue.Category::nameVi)
                        .orElse(i.category())));
        long reportId = incidents.insertReport(
                id,
                kind.name(),
                due.map(Due::ruleId).orElse(null),
                due.map(Due::dueAt).map(OffsetDateTime::toInstant).orElse(null),
                now,
                CurrentPerson.principal().map(p -> p.personId()).orElse(null),
                actorName(),
                recipientNames,
                subject,
                docx);
        incidents.event(id, now, "REPORT_" + kind.name(), recipientNames, actorName());
        // The report reaches its recipients: each of them sees the case from now on (the coordinating body, to which
        // the notices already went, may then open it and coordinate).
        String reportTitle = catalogue.form(kind).titleVi();
        for (long to : recipients) {
            if (to != i.organizationId()) {
                shareWith(
                        i, to, now, ShareReason.REPORT_SUBMITTED, Map.of("report", reportTitle, "reportId", reportId));
            }
        }
        IncidentRepository.Submission s = incidents.reports(id).stream()
                .filter(x -> x.id() == reportId)
                .findFirst()
                .orElseThrow();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("kind", kind.name());
        after.put("recipients", recipients);
        after.put("dueAt", s.dueAt() == null ? null : s.dueAt().toString());
        after.put("onTime", s.onTime());
        after.put("emailSubject", subject);
        audit.record(AuditEntry.change(
                "incident.report.submit", i.organizationId(), "incident_report", reportId, null, after));
        return s;
    }

    public byte[] reportDocument(long id, long reportId) {
        get(id);
        return incidents.reportDocument(id, reportId).orElseThrow(() -> new NotFoundException("report " + reportId));
    }

    // ------------------------------------------------------------------ sharing and coordination

    public enum ShareTarget {
        PARENT,
        RESPONSE_UNIT
    }

    /** Why a case reached an organisation: said in words on the audit page ({@code audit.value.<reason>}). */
    enum ShareReason {
        SHARED_WITH_PARENT,
        SHARED_WITH_RESPONSE_UNIT,
        REPORT_SUBMITTED,
        ORDER_ISSUED
    }

    /**
     * Shares the case with an organisation when it does not see it yet, and audits that share in the same
     * transaction (issue 12 review): who (the actor), what (the case), to whom (the organisation, by name) and why
     * (the reason, with the report or order that caused it). Every share of a case goes through here: the sharing
     * step, a report submission and a coordination order. Whether it was new.
     */
    private boolean shareWith(Incident i, long to, Instant now, ShareReason reason, Map<String, Object> cause) {
        if (!incidents.share(
                i.id(), to, CurrentPerson.principal().map(p -> p.personId()).orElse(null), now)) {
            return false;
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("incident", i.title());
        after.put("sharedWith", incidents.organizationName(to).orElse("#" + to));
        after.put("organizationId", to);
        after.put("reason", reason.name());
        after.putAll(cause);
        audit.record(AuditEntry.change("incident.share", i.organizationId(), "incident", i.id(), null, after));
        return true;
    }

    @Transactional
    public long share(long id, ShareTarget target) {
        Incident i = working(id);
        if (target == null) {
            throw new FieldProblemException("target", "validation.required");
        }
        Optional<Long> org = target == ShareTarget.PARENT ? parent(i) : responseUnit(i);
        long to = org.orElseThrow(() -> new FieldProblemException(
                "target",
                target == ShareTarget.PARENT ? "incidents.error.noParent" : "incidents.error.noResponseUnit"));
        Instant now = clock.instant();
        ShareReason reason =
                target == ShareTarget.PARENT ? ShareReason.SHARED_WITH_PARENT : ShareReason.SHARED_WITH_RESPONSE_UNIT;
        if (shareWith(i, to, now, reason, Map.of("target", target.name()))) {
            String name = incidents.organizationName(to).orElse("#" + to);
            incidents.event(id, now, "SHARED", name, actorName());
            notifications.send(new Notice(
                    "INCIDENT",
                    "incidents.notice.shared",
                    List.of(i.title(), i.organizationName()),
                    "/incidents/" + id,
                    "incident:" + id + ":shared:" + to,
                    new Notice.Audience.Holders(to, Capability.RESPOND_INCIDENTS)));
        }
        return to;
    }

    public record OrderRequest(Long targetOrganizationId, String instruction, OffsetDateTime dueAt) {}

    /**
     * The organisation through which the caller coordinates this incident: the first role of the rule data
     * ({@code coordination_orders} in report-forms.yaml) designated for the incident's owner on which the caller
     * responds to incidents or edits security data. Empty: the caller issues no coordination order on it.
     */
    public Optional<Coordinating> coordinatingOrganization(Incident i) {
        long owner = ownerOf(i);
        for (IncidentCatalogue.OrderIssuer issuer : catalogue.orderIssuers()) {
            Optional<Long> org = designations.designated(owner, issuer.role().name());
            if (org.isPresent() && mayReport(org.get())) {
                return Optional.of(new Coordinating(org.get(), issuer));
            }
        }
        return Optional.empty();
    }

    /**
     * The owner of each incident's case, read for the whole list in one query: the owner of its system, or the
     * reporting organisation when it names no system (or the system has no owner on record). Incident id → owner, in
     * the list's order. Shared by {@link #resolveAll} and {@link #coordinatingOrganizations}.
     */
    private Map<Long, Long> ownersOf(List<Incident> list) {
        Set<Long> systems = new LinkedHashSet<>();
        for (Incident i : list) {
            if (i.systemId() != null) {
                systems.add(i.systemId());
            }
        }
        Map<Long, Long> systemOwners = designations.ownersOf(systems);
        Map<Long, Long> owners = new LinkedHashMap<>();
        for (Incident i : list) {
            Long system = i.systemId();
            owners.put(
                    i.id(),
                    system == null ? i.organizationId() : systemOwners.getOrDefault(system, i.organizationId()));
        }
        return owners;
    }

    /**
     * {@link #coordinatingOrganization} for a list of incidents (the home page) with a fixed number of queries: the
     * owners and designations of all at once, the caller's right once per designated organisation. Incident id → the
     * organisation through which the caller coordinates it; incidents it does not coordinate are absent.
     */
    public Map<Long, Long> coordinatingOrganizations(List<Incident> list) {
        Map<Long, Long> owners = ownersOf(list);
        List<String> roles =
                catalogue.orderIssuers().stream().map(x -> x.role().name()).toList();
        Map<Long, Map<String, Long>> designated = designations.designated(Set.copyOf(owners.values()), roles);
        Map<Long, Boolean> may = new LinkedHashMap<>();
        Map<Long, Long> out = new LinkedHashMap<>();
        for (Incident i : list) {
            Map<String, Long> byRole = designated.getOrDefault(owners.get(i.id()), Map.of());
            for (String role : roles) {
                Long org = byRole.get(role);
                if (org != null && may.computeIfAbsent(org, this::mayReport)) {
                    out.put(i.id(), org);
                    break;
                }
            }
        }
        return out;
    }

    /** The organisation through which the caller coordinates an incident, and the rule that lets it. */
    public record Coordinating(long organizationId, IncidentCatalogue.OrderIssuer rule) {}

    /**
     * The units a coordination order on this incident may name: the reporting organisation, its parent and the units
     * under it, the affected system's owner and operator, and the response unit designated for the owner. The same
     * list the case page offers; anything else is refused.
     */
    public List<IncidentRepository.Option> orderTargets(Incident i) {
        Set<Long> named = new LinkedHashSet<>();
        named.add(i.organizationId());
        named.add(ownerOf(i));
        if (i.systemId() != null) {
            incidents.operatorOf(i.systemId()).ifPresent(named::add);
        }
        responseUnit(i).ifPresent(named::add);
        return incidents.orderTargets(i.organizationId(), named);
    }

    /**
     * A coordination order (Biểu mẫu 06): issued by the organisation through which the caller coordinates the incident
     * ({@link #coordinatingOrganization}, by designation) to a named unit, which then sees the incident and must answer
     * by the due time. The coordinating body sees the incident from then on too.
     */
    @Transactional
    public IncidentRepository.Order issueOrder(long id, OrderRequest r) {
        Incident i = get(id);
        Long issuer =
                coordinatingOrganization(i).map(Coordinating::organizationId).orElse(null);
        if (issuer == null) {
            throw new ForbiddenActionException("incidents.error.notCoordinator");
        }
        if (r.targetOrganizationId() == null) {
            throw new FieldProblemException("targetOrganizationId", "validation.required");
        }
        if (orderTargets(i).stream().noneMatch(t -> t.id() == r.targetOrganizationId())) {
            throw new FieldProblemException("targetOrganizationId", "incidents.error.orderTargetOutside");
        }
        if (blank(r.instruction())) {
            throw new FieldProblemException("instruction", "validation.required");
        }
        if (r.instruction().length() > 4000) {
            throw new FieldProblemException("instruction", "incidents.error.tooLong", 4000);
        }
        if (r.dueAt() == null) {
            throw new FieldProblemException("dueAt", "validation.required");
        }
        Instant now = clock.instant();
        if (!r.dueAt().toInstant().isAfter(now)) {
            throw new FieldProblemException("dueAt", "incidents.error.dueInPast");
        }
        long target = r.targetOrganizationId();
        long orderId = incidents.insertOrder(
                id,
                issuer,
                target,
                r.instruction().strip(),
                r.dueAt().toInstant(),
                CurrentPerson.principal().map(p -> p.personId()).orElse(null),
                now);
        for (long org : new LinkedHashSet<>(List.of(issuer, target))) {
            if (org != i.organizationId()) {
                shareWith(i, org, now, ShareReason.ORDER_ISSUED, Map.of("orderId", orderId));
            }
        }
        String targetName = incidents.organizationName(target).orElse("#" + target);
        incidents.event(
                id, now, "ORDER_ISSUED", targetName + ": " + r.instruction().strip(), actorName());
        audit.record(AuditEntry.change(
                "incident.order.issue",
                issuer,
                "incident_order",
                orderId,
                null,
                Map.of(
                        "incidentId",
                        id,
                        "targetOrganizationId",
                        target,
                        "dueAt",
                        r.dueAt().toString())));
        for (Capability c : List.of(Capability.RESPOND_INCIDENTS, Capability.EDIT_SECURITY_DATA)) {
            notifications.send(new Notice(
                    "INCIDENT",
                    "incidents.notice.order",
                    List.of(i.title()),
                    "/incidents/" + id,
                    "incident-order:" + orderId + ":" + c,
                    new Notice.Audience.Holders(target, c)));
        }
        return incidents.order(id, orderId).orElseThrow();
    }

    /** The named unit answers an order; only people responding for that unit may. */
    @Transactional
    public IncidentRepository.Order answerOrder(long id, long orderId, String answer) {
        get(id);
        IncidentRepository.Order o =
                incidents.order(id, orderId).orElseThrow(() -> new NotFoundException("order " + orderId));
        if (!(scope.can(o.targetOrgId(), Capability.RESPOND_INCIDENTS)
                || scope.can(o.targetOrgId(), Capability.EDIT_SECURITY_DATA))) {
            throw new ForbiddenActionException("error.forbidden");
        }
        if (blank(answer)) {
            throw new FieldProblemException("answer", "validation.required");
        }
        if (answer.length() > 4000) {
            throw new FieldProblemException("answer", "incidents.error.tooLong", 4000);
        }
        Instant now = clock.instant();
        if (incidents.answerOrder(
                        orderId,
                        answer.strip(),
                        CurrentPerson.principal().map(p -> p.personId()).orElse(null),
                        now)
                == 0) {
            throw new FieldProblemException("answer", "incidents.error.orderAnswered");
        }
        incidents.event(id, now, "ORDER_ANSWERED", o.targetName() + ": " + answer.strip(), actorName());
        audit.record(AuditEntry.change(
                "incident.order.answer",
                o.targetOrgId(),
                "incident_order",
                orderId,
                Map.of("status", "OPEN"),
                Map.of("status", "ANSWERED", "onTime", !now.isAfter(o.dueAt()))));
        return incidents.order(id, orderId).orElseThrow();
    }

    // ------------------------------------------------------------------ tasks, indicators, evidence

    @Transactional
    public long addTask(long id, String title, String owner, LocalDate dueOn) {
        Incident i = working(id);
        if (blank(title)) {
            throw new FieldProblemException("title", "validation.required");
        }
        if (title.length() > TITLE_MAX) {
            throw new FieldProblemException("title", "incidents.error.tooLong", TITLE_MAX);
        }
        if (dueOn == null) {
            throw new FieldProblemException("dueOn", "validation.required");
        }
        long taskId = incidents.insertTask(id, title.strip(), strip(owner), dueOn, clock.instant());
        incidents.event(id, clock.instant(), "TASK_ADDED", title.strip(), actorName());
        audit.record(AuditEntry.change(
                "incident.task.add",
                i.organizationId(),
                "incident_task",
                taskId,
                null,
                Map.of("incidentId", id, "title", title.strip(), "dueOn", dueOn.toString())));
        return taskId;
    }

    @Transactional
    public void completeTask(long id, long taskId) {
        Incident i = working(id);
        if (incidents.completeTask(id, taskId) == 0) {
            throw new NotFoundException("task " + taskId);
        }
        incidents.event(id, clock.instant(), "TASK_DONE", String.valueOf(taskId), actorName());
        audit.record(AuditEntry.change(
                "incident.task.done",
                i.organizationId(),
                "incident_task",
                taskId,
                Map.of("done", false),
                Map.of("done", true)));
    }

    @Transactional
    public String addIndicator(long id, Indicators.Kind kind, String value) {
        Incident i = working(id);
        if (kind == null) {
            throw new FieldProblemException("kind", "validation.required");
        }
        String normalised = Indicators.normalise(kind, value)
                .orElseThrow(() -> new FieldProblemException("value", "incidents.error.indicatorInvalid", kind.name()));
        if (incidents.insertIndicator(id, kind.name(), normalised, clock.instant())) {
            audit.record(AuditEntry.change(
                    "incident.indicator.add",
                    i.organizationId(),
                    "incident",
                    id,
                    null,
                    Map.of("kind", kind.name(), "value", normalised)));
        }
        return normalised;
    }

    @Transactional
    public long addEvidence(long id, String fileName, byte[] content) {
        Incident i = working(id);
        if (content == null || content.length == 0) {
            throw new FieldProblemException("file", "validation.required");
        }
        if (content.length > EVIDENCE_MAX_BYTES) {
            throw new FieldProblemException("file", "incidents.error.fileTooLarge");
        }
        String name = blank(fileName) ? "evidence.bin" : fileName.replaceAll("[\\\\/\\p{Cntrl}]", "_");
        if (name.length() > 255) {
            name = name.substring(name.length() - 255);
        }
        String sha = sha256(content);
        Instant now = clock.instant();
        long evidenceId = incidents.insertEvidence(id, name, sha, content, now);
        incidents.custody(
                evidenceId,
                "COLLECTED",
                CurrentPerson.principal().map(p -> p.personId()).orElse(null),
                actorName(),
                now);
        incidents.event(id, now, "EVIDENCE_ADDED", name + " sha256:" + sha, actorName());
        audit.record(AuditEntry.change(
                "incident.evidence.add",
                i.organizationId(),
                "incident_evidence",
                evidenceId,
                null,
                Map.of("fileName", name, "sha256", sha, "size", content.length)));
        return evidenceId;
    }

    /** Handing an evidence file out is a link of its chain of custody. */
    @Transactional
    public byte[] evidenceContent(long id, long evidenceId) {
        Incident i = working(id);
        byte[] content = incidents
                .evidenceContent(id, evidenceId)
                .orElseThrow(() -> new NotFoundException("evidence " + evidenceId));
        incidents.custody(
                evidenceId,
                "DOWNLOADED",
                CurrentPerson.principal().map(p -> p.personId()).orElse(null),
                actorName(),
                clock.instant());
        audit.record(AuditEntry.of("incident.evidence.download", i.organizationId(), "incident_evidence", evidenceId));
        return content;
    }

    public record Statistic(String month, String category, String severity, long count) {}

    /** Incidents per month (Việt Nam time), category and severity for a subtree the caller can see. */
    public List<Statistic> statistics(long organizationId, LocalDate from, LocalDate to) {
        if (!scope.canSee(organizationId)) {
            throw new NotFoundException("organization " + organizationId);
        }
        if (from == null || to == null || to.isBefore(from)) {
            throw new FieldProblemException("to", "incidents.error.period");
        }
        Map<String, Long> counts = new TreeMap<>();
        for (IncidentRepository.StatRow r : incidents.statistics(
                organizationId,
                from.atStartOfDay(IncidentDocuments.VN).toInstant(),
                to.plusDays(1).atStartOfDay(IncidentDocuments.VN).toInstant())) {
            String month =
                    YearMonth.from(r.detectedAt().atZone(IncidentDocuments.VN)).toString();
            counts.merge(month + "|" + r.category() + "|" + r.severity(), 1L, Long::sum);
        }
        return counts.entrySet().stream()
                .map(e -> {
                    String[] k = e.getKey().split("\\|");
                    return new Statistic(k[0], k[1], k[2], e.getValue());
                })
                .toList();
    }

    // ------------------------------------------------------------------ notices

    private void notifyRecipients(Incident i, List<Due> due) {
        Set<Long> orgs = new LinkedHashSet<>();
        due.forEach(d -> orgs.addAll(d.recipients()));
        orgs.add(i.organizationId());
        for (long org : orgs) {
            notifications.send(new Notice(
                    "INCIDENT",
                    "incidents.notice.reported",
                    List.of(i.title(), i.organizationName()),
                    "/incidents/" + i.id(),
                    "incident:" + i.id() + ":reported",
                    new Notice.Audience.Holders(org, Capability.RESPOND_INCIDENTS)));
        }
    }

    String actorName() {
        return CurrentPerson.principal()
                .flatMap(p -> jdbc.sql("SELECT display_name FROM app_user WHERE id = :id")
                        .param("id", p.personId())
                        .query(String.class)
                        .optional())
                .orElse(null);
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String strip(String s) {
        return blank(s) ? null : s.strip();
    }

    // docs/adr/0041: dashboards refresh the organisation's figures when an incident is reported or changes status;
    // a setter so the constructor stays as it is
    private ApplicationEventPublisher events;

    @Autowired
    void setEvents(ApplicationEventPublisher events) {
        this.events = events;
    }

    private void publish(IncidentStatusChanged event) {
        if (events != null) {
            events.publishEvent(event);
        }
    }
}
