package vn.khien.warnings.alerts;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khien.access.Capability;
import vn.khien.access.CurrentPerson;
import vn.khien.access.OrgScope;
import vn.khien.access.PersonPrincipal;
import vn.khien.access.ScopeFilter;
import vn.khien.audit.AuditEntry;
import vn.khien.audit.AuditTrail;
import vn.khien.identity.Notice;
import vn.khien.identity.Notifications;
import vn.khien.platform.FieldProblemException;
import vn.khien.platform.ForbiddenActionException;
import vn.khien.platform.NotFoundException;
import vn.khien.warnings.WarningReached;
import vn.khien.warnings.WarningResponded;
import vn.khien.warnings.advisories.AdvisoryLibrary;
import vn.khien.warnings.matching.AffectedJson;
import vn.khien.warnings.matching.AffectedProducts;
import vn.khien.warnings.matching.CpeCriterion;
import vn.khien.warnings.matching.NvdConfiguration;
import vn.khien.warnings.matching.PurlCriterion;

/** Publishing warnings, the units' responses, the publisher's follow-up. Every change is audited in its transaction. */
@Service
public class WarningService {

    static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final Pattern CVE = Pattern.compile("CVE-\\d{4}-\\d{4,}");
    private static final Set<String> SEVERITIES = Set.of("CRITICAL", "HIGH", "MEDIUM", "LOW");

    private final WarningRepository warnings;
    private final WarningMatcher matcher;
    private final AdvisoryLibrary advisories;
    private final OrgScope scope;
    private final AuditTrail audit;
    private final Notifications notifications;
    private final JdbcClient jdbc;
    private final Clock clock;

    WarningService(
            WarningRepository warnings,
            WarningMatcher matcher,
            AdvisoryLibrary advisories,
            OrgScope scope,
            AuditTrail audit,
            Notifications notifications,
            JdbcClient jdbc,
            Clock clock) {
        this.warnings = warnings;
        this.matcher = matcher;
        this.advisories = advisories;
        this.scope = scope;
        this.audit = audit;
        this.notifications = notifications;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A product as given in the API: a CPE with NVD bounds, or a purl with a vers range. */
    public record ProductInput(
            String cpe,
            String versionStartIncluding,
            String versionStartExcluding,
            String versionEndIncluding,
            String versionEndExcluding,
            String purl,
            String vers) {}

    public record PublishRequest(
            Long organizationId,
            String title,
            String description,
            String severity,
            List<String> cves,
            List<ProductInput> affected,
            LocalDate acknowledgeBy,
            LocalDate fixBy,
            String tlp,
            Long advisoryId,
            List<Long> recipients,
            String recommendedAction,
            String legalBasis) {}

    public record Published(long id, int systemsReached) {}

    /** The column's length (V60). */
    static final int TITLE_MAX = 500;

    /** The longest reason a declaration keeps (warning_match.reason holds 2,000 characters). */
    static final int NOTE_MAX = 2000;

    @Transactional
    public Published publish(PublishRequest r) {
        if (r.organizationId() == null) {
            throw new FieldProblemException("organizationId", "validation.required");
        }
        long org = r.organizationId();
        if (!scope.canSee(org)) {
            throw new NotFoundException("organization " + org);
        }
        if (!scope.can(org, Capability.EDIT_SECURITY_DATA) && !scope.can(org, Capability.MANAGE_ORGANIZATIONS)) {
            throw new ForbiddenActionException("warnings.publish.forbidden");
        }
        String path = warnings.pathOf(org);
        long children = jdbc.sql("SELECT COUNT(*) FROM organization WHERE parent_id = :o")
                .param("o", org)
                .query(Long.class)
                .single();
        if (children == 0) {
            throw new FieldProblemException("organizationId", "warnings.publish.noSubordinates");
        }
        List<FieldProblemException.FieldProblem> problems = new ArrayList<>();
        String title = r.title() == null ? "" : r.title().trim();
        if (title.isEmpty()) {
            problems.add(new FieldProblemException.FieldProblem("title", "validation.required"));
        } else if (title.length() > TITLE_MAX) {
            problems.add(new FieldProblemException.FieldProblem("title", "validation.maxChars", TITLE_MAX));
        }
        String severity = r.severity() == null ? null : r.severity().trim().toUpperCase(Locale.ROOT);
        Tlp tlp = Tlp.of(r.tlp());
        if (tlp == null) {
            problems.add(new FieldProblemException.FieldProblem("tlp", "warnings.publish.tlp"));
        }
        if (r.acknowledgeBy() == null) {
            problems.add(new FieldProblemException.FieldProblem("acknowledgeBy", "validation.required"));
        }
        if (r.fixBy() == null) {
            problems.add(new FieldProblemException.FieldProblem("fixBy", "validation.required"));
        } else if (r.acknowledgeBy() != null && r.fixBy().isBefore(r.acknowledgeBy())) {
            problems.add(new FieldProblemException.FieldProblem("fixBy", "warnings.publish.fixBeforeAck"));
        }
        LinkedHashSet<String> cves = new LinkedHashSet<>();
        for (String c : r.cves() == null ? List.<String>of() : r.cves()) {
            String cve = c == null ? "" : c.trim().toUpperCase(Locale.ROOT);
            if (!CVE.matcher(cve).matches()) {
                problems.add(new FieldProblemException.FieldProblem("cves", "warnings.publish.cve", String.valueOf(c)));
            } else {
                cves.add(cve);
            }
        }
        AffectedProducts products = AffectedProducts.empty();
        Long advisoryId = r.advisoryId();
        boolean noProducts = r.affected() == null || r.affected().isEmpty();
        if (advisoryId != null) {
            var a = advisories.advisory(advisoryId).orElse(null);
            if (a == null) {
                problems.add(new FieldProblemException.FieldProblem("advisoryId", "warnings.publish.noAdvisory"));
            } else {
                if (noProducts) {
                    products = a.affected();
                }
                if (cves.isEmpty()) {
                    a.cves().stream().filter(c -> CVE.matcher(c).matches()).forEach(cves::add);
                }
                if (title.isEmpty()) {
                    title = a.title() == null ? String.join(", ", a.cves()) : a.title();
                    problems.removeIf(p -> p.field().equals("title"));
                }
                if (severity == null) {
                    severity = a.severity();
                }
            }
        }
        if (!noProducts) {
            products = products(r.affected(), problems);
        }
        if (severity == null || !SEVERITIES.contains(severity)) {
            severity = severity != null && severity.equals("MODERATE")
                    ? "MEDIUM"
                    : severity != null && severity.equals("IMPORTANT") ? "HIGH" : severity;
            if (severity == null || !SEVERITIES.contains(severity)) {
                problems.add(new FieldProblemException.FieldProblem("severity", "warnings.publish.severity"));
            }
        }
        if (cves.isEmpty() && products.isEmpty()) {
            problems.add(new FieldProblemException.FieldProblem("affected", "warnings.publish.nothingToMatch"));
        }
        List<Long> recipients = r.recipients() == null
                ? List.of()
                : r.recipients().stream().distinct().toList();
        for (Long o : recipients) {
            String rp = o == null
                    ? null
                    : jdbc.sql("SELECT path FROM organization WHERE id = :id")
                            .param("id", o)
                            .query(String.class)
                            .optional()
                            .orElse(null);
            if (rp == null || !rp.startsWith(path)) {
                problems.add(new FieldProblemException.FieldProblem(
                        "recipients", "warnings.publish.recipientOutside", String.valueOf(o)));
            }
        }
        if (tlp == Tlp.RED && recipients.isEmpty()) {
            problems.add(new FieldProblemException.FieldProblem("recipients", "warnings.publish.redNeedsRecipients"));
        }
        if (!problems.isEmpty()) {
            throw new FieldProblemException(problems);
        }
        Instant now = clock.instant();
        PersonPrincipal me = CurrentPerson.principal().orElse(null);
        long id = warnings.insert(
                new WarningRepository.NewWarning(
                        org,
                        title,
                        blank(r.description()),
                        severity,
                        blank(r.recommendedAction()),
                        blank(r.legalBasis()),
                        List.copyOf(cves),
                        AffectedJson.write(products),
                        r.acknowledgeBy(),
                        r.fixBy(),
                        tlp,
                        !recipients.isEmpty(),
                        advisoryId,
                        me == null ? null : me.personId()),
                now);
        recipients.forEach(o -> warnings.addRecipient(id, o));
        WarningRepository.Warning w = warnings.getUnscoped(id);
        Set<Long> reached = matcher.matchAll(w, now);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("title", title);
        after.put("severity", severity);
        after.put("tlp", tlp.code);
        after.put("cves", List.copyOf(cves));
        after.put("affected", AffectedJson.flat(products));
        after.put("recipients", recipients);
        after.put("acknowledgeBy", r.acknowledgeBy().toString());
        after.put("fixBy", r.fixBy().toString());
        after.put("advisoryId", advisoryId);
        after.put("systemsReached", reached.size());
        audit.record(AuditEntry.change("WARNING_PUBLISHED", org, "warning", id, null, after));
        notifyReached(w, reached);
        return new Published(id, reached.size());
    }

    private void notifyReached(WarningRepository.Warning w, Set<Long> systems) {
        Set<Long> organizations = warnings.targetOrganizations(w.id(), systems);
        if (!organizations.isEmpty() && events != null) {
            // docs/adr/0046: the reached organisations' dashboards follow at once, not at the next job run
            events.publishEvent(new WarningReached(w.id(), List.copyOf(organizations)));
        }
        for (Long o : organizations) {
            notifications.send(new Notice(
                    "WARNING",
                    "warnings.notice.reached",
                    List.of(w.title()),
                    "/warnings/" + w.id(),
                    "warning:" + w.id() + ":reached:" + o,
                    new Notice.Audience.Holders(o, Capability.EDIT_SECURITY_DATA)));
        }
    }

    private static AffectedProducts products(List<ProductInput> in, List<FieldProblemException.FieldProblem> problems) {
        List<NvdConfiguration> cpes = new ArrayList<>();
        List<PurlCriterion> purls = new ArrayList<>();
        int i = 0;
        for (ProductInput p : in) {
            String field = "affected[" + i++ + "]";
            try {
                if (p.cpe() != null && !p.cpe().isBlank()) {
                    cpes.add(NvdConfiguration.single(new CpeCriterion(
                            p.cpe(),
                            p.versionStartIncluding(),
                            p.versionStartExcluding(),
                            p.versionEndIncluding(),
                            p.versionEndExcluding())));
                } else if (p.purl() != null && !p.purl().isBlank()) {
                    purls.add(new PurlCriterion(p.purl(), p.vers()));
                } else {
                    problems.add(new FieldProblemException.FieldProblem(field, "warnings.publish.product"));
                }
            } catch (IllegalArgumentException e) {
                problems.add(
                        new FieldProblemException.FieldProblem(field, "warnings.publish.badProduct", e.getMessage()));
            }
        }
        return new AffectedProducts(cpes, purls, List.of());
    }

    // ---- responses

    public record ResponseRequest(
            Long systemId, String status, String justification, String note, LocalDate plannedFixOn) {}

    /** The response steps; each maps to one method of {@link WarningTarget}. */
    enum Step {
        ACKNOWLEDGED {
            @Override
            WarningTarget apply(WarningTarget t, ResponseRequest r, long by, Instant at) {
                return t.acknowledge(by, at);
            }
        },
        NOT_AFFECTED {
            @Override
            WarningTarget apply(WarningTarget t, ResponseRequest r, long by, Instant at) {
                Justification j = Justification.of(r.justification())
                        .orElseThrow(() ->
                                new FieldProblemException("justification", "warnings.response.justificationRequired"));
                return t.notAffected(j, r.note(), by, at);
            }
        },
        FIXING {
            @Override
            WarningTarget apply(WarningTarget t, ResponseRequest r, long by, Instant at) {
                return t.fixing(r.plannedFixOn(), r.note(), by, at);
            }
        },
        FIXED {
            @Override
            WarningTarget apply(WarningTarget t, ResponseRequest r, long by, Instant at) {
                return t.fixed(r.note(), by, at);
            }
        };

        abstract WarningTarget apply(WarningTarget t, ResponseRequest r, long by, Instant at);
    }

    public record ResponseResult(long systemId, String status) {}

    @Transactional
    public ResponseResult respond(long warningId, ResponseRequest r) {
        WarningRepository.Warning w = warnings.get(warningId);
        if (r.systemId() == null) {
            throw new FieldProblemException("systemId", "validation.required");
        }
        String status = r.status() == null ? "" : r.status().trim().toUpperCase(Locale.ROOT);
        PersonPrincipal me =
                CurrentPerson.principal().orElseThrow(() -> new ForbiddenActionException("error.forbidden"));
        Instant now = clock.instant();
        if (status.equals("AFFECTED")) {
            return declare(w, r.systemId(), r.note(), me, now);
        }
        Step step;
        try {
            step = Step.valueOf(status);
        } catch (IllegalArgumentException e) {
            throw new FieldProblemException("status", "warnings.response.status", status);
        }
        WarningTarget t = warnings.target(warningId, r.systemId())
                .filter(x -> scope.canSee(x.organizationId()))
                .orElseThrow(() -> new NotFoundException("system " + r.systemId() + " in warning " + warningId));
        if (!canRespond(t.organizationId())) {
            throw new ForbiddenActionException("warnings.response.forbidden");
        }
        WarningTarget after = step.apply(t, r, me.personId(), now);
        warnings.update(
                t, after, step == Step.FIXED ? after.evidence() : r.note(), null, me.personId(), me.username(), now);
        audit.record(AuditEntry.change(
                "WARNING_RESPONSE", t.organizationId(), "warning_target", t.id(), state(t), state(after)));
        publish(new WarningResponded(warningId, t.organizationId()));
        return new ResponseResult(t.systemId(), after.status().name());
    }

    /** A unit not matched declares its system affected (matched by DECLARED, acknowledged at once). */
    private ResponseResult declare(
            WarningRepository.Warning w, long systemId, String note, PersonPrincipal me, Instant now) {
        record Owned(long owner, String lifecycle) {}
        Owned owned = jdbc.sql("""
                SELECT s.owner_organization_id, s.lifecycle_status FROM information_system s JOIN organization so
                  ON so.id = s.owner_organization_id WHERE s.id = :s""")
                .param("s", systemId)
                .query((rs, n) -> new Owned(rs.getLong(1), rs.getString(2)))
                .optional()
                .filter(o -> scope.canSee(o.owner()))
                .orElseThrow(() -> new NotFoundException("system " + systemId));
        long owner = owned.owner();
        if (!canRespond(owner)) {
            throw new ForbiddenActionException("warnings.response.forbidden");
        }
        List<FieldProblemException.FieldProblem> problems = new ArrayList<>();
        if ("RETIRED".equals(owned.lifecycle())) {
            problems.add(new FieldProblemException.FieldProblem("systemId", "warnings.declare.retired"));
        }
        // a declaration says why: the component or use that the matching could not see
        if (note == null || note.isBlank()) {
            problems.add(new FieldProblemException.FieldProblem("note", "warnings.declare.reasonRequired"));
        } else if (note.strip().length() > NOTE_MAX) {
            problems.add(new FieldProblemException.FieldProblem("note", "validation.maxChars", NOTE_MAX));
        }
        if (!problems.isEmpty()) {
            throw new FieldProblemException(problems);
        }
        note = note.strip();
        var existing = warnings.target(w.id(), systemId);
        long targetId = existing.map(WarningTarget::id)
                .orElseGet(() -> warnings.insertTarget(w.id(), systemId, owner, TargetStatus.REACHED, now));
        warnings.addMatch(targetId, "DECLARED", null, null, note, now);
        WarningTarget t = warnings.target(w.id(), systemId).orElseThrow();
        WarningTarget after = t;
        if (t.status() == TargetStatus.REACHED) {
            after = t.acknowledge(me.personId(), now);
            warnings.update(t, after, note, null, me.personId(), me.username(), now);
        }
        audit.record(AuditEntry.change(
                "WARNING_DECLARED_AFFECTED",
                owner,
                "warning_target",
                targetId,
                null,
                Map.of(
                        "warningId",
                        w.id(),
                        "systemId",
                        systemId,
                        "status",
                        after.status().name(),
                        "reason",
                        note)));
        publish(new WarningResponded(w.id(), owner));
        return new ResponseResult(systemId, after.status().name());
    }

    /** Whether the signed-in person may answer for a system of this organisation (the check of {@link #respond}). */
    public boolean canRespond(long organizationId) {
        return scope.can(organizationId, Capability.EDIT_SECURITY_DATA);
    }

    /** Whether the signed-in person may remind the late units of this warning (the check of {@link #remind}). */
    public boolean canRemind(WarningRepository.Warning w) {
        return scope.can(w.organizationId(), Capability.EDIT_SECURITY_DATA);
    }

    private static Map<String, Object> state(WarningTarget t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("warningId", t.warningId());
        m.put("systemId", t.systemId());
        m.put("status", t.status().name());
        if (t.justification() != null) {
            m.put("justification", t.justification().csaf);
        }
        if (t.plannedFixOn() != null) {
            m.put("plannedFixOn", t.plannedFixOn().toString());
        }
        if (t.evidence() != null) {
            m.put("evidence", t.evidence());
        }
        if (t.fixConfirmedScanId() != null) {
            m.put("fixConfirmedByScan", t.fixConfirmedScanId());
        }
        return m;
    }

    // ---- reads

    public record OrgOption(long id, String name) {}

    /**
     * Organisations with subordinates where the caller may publish: the rule of {@link #publish} (a security officer
     * or an administrator of a supervising body).
     */
    @Transactional(readOnly = true)
    public List<OrgOption> publishers() {
        ScopeFilter f =
                scope.holdingAny("o.path", "publisher", Capability.EDIT_SECURITY_DATA, Capability.MANAGE_ORGANIZATIONS);
        return jdbc.sql("SELECT o.id, o.name_vi FROM organization o WHERE EXISTS "
                        + "(SELECT 1 FROM organization c WHERE c.parent_id = o.id) AND " + f.sql() + " ORDER BY o.path")
                .params(f.params())
                .query((rs, n) -> new OrgOption(rs.getLong(1), rs.getString(2)))
                .list();
    }

    /**
     * The organisations a TLP:RED warning may name as recipients on the publish form: the direct subordinates of
     * each unit the person may publish from (the service accepts any organisation of the publisher's subtree).
     */
    @Transactional(readOnly = true)
    public List<OrgOption> recipientOptions() {
        ScopeFilter f =
                scope.holdingAny("p.path", "publisher", Capability.EDIT_SECURITY_DATA, Capability.MANAGE_ORGANIZATIONS);
        return jdbc.sql(
                        "SELECT DISTINCT o.id, o.name_vi, o.path FROM organization o JOIN organization p ON p.id = o.parent_id"
                                + " WHERE " + f.sql() + " ORDER BY o.path")
                .params(f.params())
                .query((rs, n) -> new OrgOption(rs.getLong(1), rs.getString(2)))
                .list();
    }

    @Transactional(readOnly = true)
    public WarningRepository.Warning get(long id) {
        return warnings.get(id);
    }

    /** The most warnings a list shows; past it the page and the API say how many there are and how to narrow. */
    static final int LIST_LIMIT = 200;

    /** One warning of the list with where it stands for the caller's own units. */
    public record ListRow(WarningRepository.Warning warning, WarningRepository.MyStatus mine) {}

    /** A list of warnings: {@code rows} (at most {@code limit}) of {@code total} matching the filter. */
    public record WarningList(List<ListRow> rows, long total, int limit) {

        public boolean capped() {
            return total > rows.size();
        }
    }

    @Transactional(readOnly = true)
    public WarningList list(WarningRepository.ListFilter filter) {
        List<WarningRepository.Warning> shown = warnings.visible(LIST_LIMIT, filter);
        long total = shown.size() < LIST_LIMIT ? shown.size() : warnings.countVisible(filter);
        Map<Long, WarningRepository.MyStatus> mine = warnings.myStatus(
                shown.stream().map(WarningRepository.Warning::id).toList(), LocalDate.now(clock.withZone(VN)));
        return new WarningList(
                shown.stream()
                        .map(w -> new ListRow(w, mine.getOrDefault(w.id(), WarningRepository.MyStatus.NONE)))
                        .toList(),
                total,
                LIST_LIMIT);
    }

    /** The caller's own systems not reached by this warning, which the caller may declare affected. */
    @Transactional(readOnly = true)
    public List<WarningRepository.Declarable> declarable(long id) {
        warnings.get(id);
        return warnings.declarable(id);
    }

    @Transactional(readOnly = true)
    public List<WarningRepository.AffectedRow> affected(long id) {
        warnings.get(id);
        return warnings.affected(id);
    }

    public record Progress(
            long warningId,
            long organizationId,
            Map<String, Long> counts,
            long reached,
            List<WarningRepository.Overdue> overdue) {}

    @Transactional(readOnly = true)
    public Progress progress(long id, Long organizationId) {
        WarningRepository.Warning w = warnings.get(id);
        long org = organizationId == null ? w.organizationId() : organizationId;
        if (!scope.canSee(org)) {
            throw new NotFoundException("organization " + org);
        }
        String path = warnings.pathOf(org);
        Map<String, Long> counts = warnings.counts(id, path);
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        return new Progress(id, org, counts, total, warnings.overdue(id, path, LocalDate.now(clock.withZone(VN))));
    }

    /** Reminds the late units (in the app; by mail through the notices' digest). Returns people newly reached. */
    @Transactional
    public int remind(long id) {
        WarningRepository.Warning w = warnings.get(id);
        if (!canRemind(w)) {
            throw new ForbiddenActionException("warnings.publish.forbidden");
        }
        LocalDate today = LocalDate.now(clock.withZone(VN));
        Set<Long> orgs = new LinkedHashSet<>();
        warnings.overdue(id, warnings.pathOf(w.organizationId()), today).forEach(o -> orgs.add(o.organizationId()));
        int people = 0;
        for (Long o : orgs) {
            people += notifications.send(new Notice(
                    "WARNING",
                    "warnings.notice.overdue",
                    List.of(w.title()),
                    "/warnings/" + id,
                    "warning:" + id + ":overdue:" + o + ":" + today,
                    new Notice.Audience.Holders(o, Capability.EDIT_SECURITY_DATA)));
        }
        audit.record(new AuditEntry(
                "WARNING_REMINDED",
                w.organizationId(),
                "warning",
                String.valueOf(id),
                Map.of("organizations", List.copyOf(orgs), "people", people)));
        return people;
    }

    // ---- re-matching (called from the event listener, in the changing transaction)

    void rematchSystem(long systemId, long ownerId) {
        Instant now = clock.instant();
        for (WarningRepository.Warning w : warnings.inScopeOf(systemId)) {
            Set<Long> reached = matcher.matchSystem(w, systemId, ownerId, now);
            if (!reached.isEmpty()) {
                audit.record(new AuditEntry(
                        "WARNING_MATCHED", ownerId, "warning", String.valueOf(w.id()), Map.of("systemId", systemId)));
                notifyReached(w, reached);
            }
        }
    }

    /** After a scan: FIXED targets are confirmed when no active finding carries a warning CVE, else reopened. */
    void afterScan(long systemId, long ownerId, long scanId) {
        rematchSystem(systemId, ownerId);
        Instant now = clock.instant();
        PersonPrincipal me = CurrentPerson.principal().orElse(null);
        for (WarningTarget t : warnings.targetsOfSystem(systemId)) {
            if (t.status() != TargetStatus.FIXED) {
                continue;
            }
            WarningRepository.Warning w = warnings.getUnscoped(t.warningId());
            if (w.cves().isEmpty()) {
                continue;
            }
            long active = jdbc.sql(
                            "SELECT COUNT(*) FROM finding WHERE system_id = :s AND status IN ('OPEN', 'REOPENED') "
                                    + "AND ("
                                    + String.join(
                                            " OR ",
                                            w.cves().stream()
                                                    .filter(c -> CVE.matcher(c).matches())
                                                    .map(c -> "cves LIKE '%," + c + ",%'")
                                                    .toList())
                                    + ")")
                    .param("s", systemId)
                    .query(Long.class)
                    .single();
            WarningTarget after = active > 0 ? t.reopen(scanId) : t.fixConfirmed() ? null : t.confirmFixed(scanId);
            if (after == null) {
                continue;
            }
            warnings.update(
                    t, after, null, scanId, me == null ? null : me.personId(), me == null ? null : me.username(), now);
            audit.record(AuditEntry.change(
                    active > 0 ? "WARNING_FIX_REOPENED" : "WARNING_FIX_CONFIRMED",
                    ownerId,
                    "warning_target",
                    t.id(),
                    state(t),
                    state(after)));
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    // docs/adr/0041: dashboards refresh the organisation's figures when it answers a warning; a setter so the
    // constructor stays as it is
    private ApplicationEventPublisher events;

    @Autowired
    void setEvents(ApplicationEventPublisher events) {
        this.events = events;
    }

    private void publish(WarningResponded event) {
        if (events != null) {
            events.publishEvent(event);
        }
    }
}
