package vn.khien.incidents.cases;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khien.access.CurrentPerson;
import vn.khien.audit.AuditEntry;
import vn.khien.audit.AuditTrail;
import vn.khien.platform.FieldProblemException;
import vn.khien.platform.ForbiddenActionException;
import vn.khien.systems.SystemComponentsQuery;
import vn.khien.vulnerabilities.IncidentFindingsQuery;
import vn.khien.warnings.IncidentWarningsQuery;

/**
 * Case work on an incident's record: the registered systems it affects with their affected components, and its links
 * to findings (open findings of the affected systems) and warnings (warnings received for the affected systems).
 * Amending is a case step: audited, on the timeline, allowed to those who may work the case, and refused by
 * {@link Incident#amendRecord} once the case is closed or rejected. What lies outside the caller's view (a system, a
 * finding, a warning) is refused with the same problem as an id that does not exist.
 */
@Service
public class IncidentLinkService {

    static final Pattern CVE = Pattern.compile("CVE-\\d{4}-\\d{4,}");

    private final IncidentService incidents;
    private final IncidentRepository cases;
    private final IncidentLinkRepository links;
    private final SystemComponentsQuery systems;
    private final IncidentFindingsQuery findings;
    private final IncidentWarningsQuery warnings;
    private final AuditTrail audit;
    private final Clock clock;

    public IncidentLinkService(
            IncidentService incidents,
            IncidentRepository cases,
            IncidentLinkRepository links,
            SystemComponentsQuery systems,
            IncidentFindingsQuery findings,
            IncidentWarningsQuery warnings,
            AuditTrail audit,
            Clock clock) {
        this.incidents = incidents;
        this.cases = cases;
        this.links = links;
        this.systems = systems;
        this.findings = findings;
        this.warnings = warnings;
        this.audit = audit;
        this.clock = clock;
    }

    public record Component(long id, String label, String kind) {}

    /** An affected system with its affected components, and its other registered components (to add). */
    public record AffectedSystem(
            long systemId, String code, String name, List<Component> components, List<Component> otherComponents) {}

    /**
     * A link as the case shows it. {@code visible} is false when the caller may not see the finding or warning
     * itself (then only its kind and id are shown); {@code state} is the finding's status or where the affected
     * systems' response to the warning stands.
     */
    public record Link(
            String kind,
            long targetId,
            boolean visible,
            String title,
            String severity,
            String state,
            String href,
            List<String> cves) {}

    /** What may be added: the visible systems of the organisation's subtree, open findings, warnings received. */
    public record Candidates(
            List<SystemComponentsQuery.SystemRef> systems,
            IncidentFindingsQuery.Found findingsFound,
            String findingSearch,
            IncidentWarningsQuery.Found warningsFound,
            String warningSearch) {

        static final Candidates NONE =
                new Candidates(List.of(), IncidentFindingsQuery.Found.NONE, "", IncidentWarningsQuery.Found.NONE, "");

        /** The findings offered (most severe first, at most {@link #FINDINGS_SHOWN}). */
        public List<IncidentFindingsQuery.FindingRef> findings() {
            return findingsFound.rows();
        }

        /** The warnings offered (newest first, at most {@link #WARNINGS_SHOWN}). */
        public List<IncidentWarningsQuery.WarningRef> warnings() {
            return warningsFound.rows();
        }
    }

    /** The most candidate warnings the incident page lists; past it the page says how many and offers a search. */
    public static final int WARNINGS_SHOWN = 200;

    /** The most candidate findings the incident page lists; past it the page says how many and offers a search. */
    public static final int FINDINGS_SHOWN = 200;

    // ------------------------------------------------------------------ reads

    public List<AffectedSystem> affectedSystems(long id) {
        incidents.get(id);
        List<Long> ids = links.systems(id);
        Map<Long, List<Long>> marked = links.components(id);
        Map<Long, SystemComponentsQuery.SystemRef> named = systems.named(ids);
        Map<Long, List<Component>> affected = new LinkedHashMap<>();
        Map<Long, List<Component>> others = new LinkedHashMap<>();
        for (SystemComponentsQuery.ComponentRef c : systems.components(ids)) {
            boolean isMarked = marked.getOrDefault(c.systemId(), List.of()).contains(c.id());
            (isMarked ? affected : others)
                    .computeIfAbsent(c.systemId(), k -> new ArrayList<>())
                    .add(new Component(c.id(), c.label(), c.kind()));
        }
        List<AffectedSystem> out = new ArrayList<>();
        for (long s : ids) {
            SystemComponentsQuery.SystemRef ref = named.get(s);
            if (ref != null) {
                out.add(new AffectedSystem(
                        s,
                        ref.code(),
                        ref.name(),
                        affected.getOrDefault(s, List.of()),
                        others.getOrDefault(s, List.of())));
            }
        }
        return out;
    }

    public List<Link> links(long id) {
        incidents.get(id);
        List<IncidentLinkRepository.LinkRow> rows = links.links(id);
        List<Long> findingIds = rows.stream()
                .map(IncidentLinkRepository.LinkRow::findingId)
                .filter(f -> f != null)
                .toList();
        List<Long> warningIds = rows.stream()
                .map(IncidentLinkRepository.LinkRow::warningId)
                .filter(w -> w != null)
                .toList();
        Map<Long, IncidentFindingsQuery.FindingRef> f = findings.visible(findingIds);
        Map<Long, IncidentWarningsQuery.WarningRef> w = warnings.visible(warningIds, links.systems(id));
        List<Link> out = new ArrayList<>();
        for (IncidentLinkRepository.LinkRow r : rows) {
            if (r.findingId() != null) {
                IncidentFindingsQuery.FindingRef x = f.get(r.findingId());
                out.add(
                        x == null
                                ? new Link("FINDING", r.findingId(), false, null, null, null, null, List.of())
                                : new Link(
                                        "FINDING",
                                        x.id(),
                                        true,
                                        x.title(),
                                        x.severity(),
                                        x.status(),
                                        x.href(),
                                        x.cves()));
            } else {
                IncidentWarningsQuery.WarningRef x = w.get(r.warningId());
                out.add(
                        x == null
                                ? new Link("WARNING", r.warningId(), false, null, null, null, null, List.of())
                                : new Link(
                                        "WARNING",
                                        x.id(),
                                        true,
                                        x.title(),
                                        x.severity(),
                                        x.status(),
                                        x.href(),
                                        x.cves()));
            }
        }
        return out;
    }

    /**
     * A timeline event as the case page shows it: a link to a finding or a warning is named (the finding's title, CVEs,
     * host and system; the warning's title) with a link to it when the caller may see it, by its id otherwise.
     */
    public record TimelineLine(
            Instant at,
            String kind,
            String detail,
            String actorName,
            @Nullable String href,
            boolean hidden) {}

    private static final Set<String> FINDING_EVENTS = Set.of("LINKED_FINDING", "UNLINKED_FINDING");
    private static final Set<String> WARNING_EVENTS = Set.of("LINKED_WARNING", "UNLINKED_WARNING");

    public List<TimelineLine> timeline(long id) {
        List<IncidentRepository.TimelineEvent> events = incidents.timeline(id);
        Set<Long> findingIds = new LinkedHashSet<>();
        Set<Long> warningIds = new LinkedHashSet<>();
        for (IncidentRepository.TimelineEvent e : events) {
            Long target = target(e);
            if (target != null) {
                (FINDING_EVENTS.contains(e.kind()) ? findingIds : warningIds).add(target);
            }
        }
        Map<Long, IncidentFindingsQuery.FindingLabel> f = findings.labels(findingIds);
        Map<Long, IncidentWarningsQuery.WarningRef> w =
                warningIds.isEmpty() ? Map.of() : warnings.visible(warningIds, links.systems(id));
        List<TimelineLine> out = new ArrayList<>();
        for (IncidentRepository.TimelineEvent e : events) {
            Long target = target(e);
            if (target == null) {
                out.add(new TimelineLine(e.at(), e.kind(), e.detail(), e.actorName(), null, false));
            } else if (FINDING_EVENTS.contains(e.kind()) && f.containsKey(target)) {
                out.add(new TimelineLine(
                        e.at(), e.kind(), f.get(target).label(), e.actorName(), "/findings/" + target, false));
            } else if (WARNING_EVENTS.contains(e.kind()) && w.containsKey(target)) {
                IncidentWarningsQuery.WarningRef x = w.get(target);
                out.add(new TimelineLine(e.at(), e.kind(), x.title(), e.actorName(), x.href(), false));
            } else {
                out.add(new TimelineLine(e.at(), e.kind(), String.valueOf(target), e.actorName(), null, true));
            }
        }
        return out;
    }

    /** The finding or warning an event names ("#id"), or null when it names none. */
    private static @Nullable Long target(IncidentRepository.TimelineEvent e) {
        if (!FINDING_EVENTS.contains(e.kind()) && !WARNING_EVENTS.contains(e.kind())) {
            return null;
        }
        String d = e.detail();
        if (d == null || !d.matches("#\\d{1,18}")) {
            return null;
        }
        return Long.valueOf(d.substring(1));
    }

    /** The CVEs of the linked findings and warnings the caller sees, for the STIX export. */
    public List<String> linkedCves(long id) {
        Set<String> cves = new LinkedHashSet<>();
        links(id).forEach(l -> cves.addAll(l.cves()));
        return List.copyOf(cves);
    }

    /** What the caller may add to the case; nothing when it may not amend it. */
    public Candidates candidates(long id) {
        return candidates(id, null, null);
    }

    /**
     * What the caller may add to the case, the findings narrowed by {@code findingSearch} and the warnings by
     * {@code warningSearch} (title or CVE) when given; nothing when it may not amend it.
     */
    public Candidates candidates(long id, @Nullable String findingSearch, @Nullable String warningSearch) {
        Incident i = incidents.get(id);
        if (!i.status().open() || !incidents.canWork(id)) {
            return Candidates.NONE;
        }
        List<Long> affected = links.systems(id);
        Set<Long> linkedFindings = new LinkedHashSet<>();
        Set<Long> linkedWarnings = new LinkedHashSet<>();
        for (IncidentLinkRepository.LinkRow r : links.links(id)) {
            if (r.findingId() != null) {
                linkedFindings.add(r.findingId());
            } else {
                linkedWarnings.add(r.warningId());
            }
        }
        return new Candidates(
                systems.visibleInSubtree(i.organizationId()).stream()
                        .filter(s -> !affected.contains(s.id()))
                        .toList(),
                findings.openOfSystems(affected, findingSearch, linkedFindings, FINDINGS_SHOWN),
                findingSearch == null ? "" : findingSearch.strip(),
                warnings.reaching(affected, warningSearch, linkedWarnings, WARNINGS_SHOWN),
                warningSearch == null ? "" : warningSearch.strip());
    }

    // ------------------------------------------------------------------ affected systems and components

    /** Adds the system (when not yet affected) and these of its registered components. */
    @Transactional
    public List<AffectedSystem> addAffectedSystem(long id, Long systemId, List<Long> componentIds) {
        Incident i = amendable(id, "systemId");
        if (systemId == null) {
            throw new FieldProblemException("systemId", "validation.required");
        }
        SystemComponentsQuery.SystemRef system = systems.visibleInSubtree(systemId, i.organizationId())
                .orElseThrow(() -> new FieldProblemException("systemId", "incidents.error.systemUnknown"));
        Map<Long, SystemComponentsQuery.ComponentRef> registered = components(systemId);
        List<Long> wanted = componentIds == null ? List.of() : List.copyOf(new LinkedHashSet<>(componentIds));
        for (Long c : wanted) {
            if (c == null || !registered.containsKey(c)) {
                throw new FieldProblemException("componentIds", "incidents.error.componentUnknown");
            }
        }
        Instant now = clock.instant();
        Long by = CurrentPerson.principal().map(p -> p.personId()).orElse(null);
        String actor = incidents.actorName();
        if (links.insertSystem(id, systemId, by, now)) {
            cases.event(id, now, "SYSTEM_AFFECTED", system.name(), actor);
            audit.record(AuditEntry.change(
                    "incident.affectedSystem.add",
                    i.organizationId(),
                    "incident",
                    id,
                    null,
                    Map.of("systemId", systemId)));
        }
        List<Long> added = new ArrayList<>();
        for (long c : wanted) {
            if (links.insertComponent(id, systemId, c, now)) {
                added.add(c);
                cases.event(
                        id,
                        now,
                        "COMPONENT_AFFECTED",
                        system.name() + ": " + registered.get(c).label(),
                        actor);
            }
        }
        if (!added.isEmpty()) {
            audit.record(AuditEntry.change(
                    "incident.affectedComponent.add",
                    i.organizationId(),
                    "incident",
                    id,
                    null,
                    Map.of("systemId", systemId, "componentIds", added)));
        }
        return affectedSystems(id);
    }

    /** Removes these components of an affected system or, when none is named, the system with its components. */
    @Transactional
    public List<AffectedSystem> removeAffectedSystem(long id, Long systemId, List<Long> componentIds) {
        Incident i = amendable(id, "systemId");
        if (systemId == null) {
            throw new FieldProblemException("systemId", "validation.required");
        }
        if (!links.systems(id).contains(systemId)) {
            throw new FieldProblemException("systemId", "incidents.error.systemNotAffected");
        }
        String name = systems.named(List.of(systemId)).values().stream()
                .map(SystemComponentsQuery.SystemRef::name)
                .findFirst()
                .orElse("#" + systemId);
        Instant now = clock.instant();
        String actor = incidents.actorName();
        List<Long> named = componentIds == null
                ? List.of()
                : componentIds.stream().filter(c -> c != null).distinct().toList();
        if (named.isEmpty()) {
            List<Long> had = links.components(id).getOrDefault(systemId, List.of());
            links.deleteSystem(id, systemId);
            cases.event(id, now, "SYSTEM_UNAFFECTED", name, actor);
            audit.record(AuditEntry.change(
                    "incident.affectedSystem.remove",
                    i.organizationId(),
                    "incident",
                    id,
                    Map.of("systemId", systemId, "componentIds", had),
                    null));
            return affectedSystems(id);
        }
        List<Long> marked = links.components(id).getOrDefault(systemId, List.of());
        if (!marked.containsAll(named)) {
            throw new FieldProblemException("componentIds", "incidents.error.componentUnknown");
        }
        Map<Long, SystemComponentsQuery.ComponentRef> registered = components(systemId);
        links.deleteComponents(id, systemId, named);
        for (long c : named) {
            SystemComponentsQuery.ComponentRef ref = registered.get(c);
            cases.event(id, now, "COMPONENT_UNAFFECTED", name + ": " + (ref == null ? "#" + c : ref.label()), actor);
        }
        audit.record(AuditEntry.change(
                "incident.affectedComponent.remove",
                i.organizationId(),
                "incident",
                id,
                Map.of("systemId", systemId, "componentIds", named),
                null));
        return affectedSystems(id);
    }

    private Map<Long, SystemComponentsQuery.ComponentRef> components(long systemId) {
        Map<Long, SystemComponentsQuery.ComponentRef> out = new LinkedHashMap<>();
        systems.components(List.of(systemId)).forEach(c -> out.put(c.id(), c));
        return out;
    }

    // ------------------------------------------------------------------ links

    /** What to link: exactly one of a finding, a warning, or a CVE (its open findings on the affected systems). */
    public record LinkRequest(Long findingId, Long warningId, String cve) {}

    @Transactional
    public List<Link> link(long id, LinkRequest r) {
        incidents.get(id); // 404 outside the caller's view before anything about the request is said
        String field = field(r);
        Incident i = amendable(id, field);
        List<Long> affected = links.systems(id);
        List<Long> findingIds = new ArrayList<>();
        Long warningId = null;
        if (r.findingId() != null) {
            if (findings.openOfSystems(r.findingId(), affected).isEmpty()) {
                throw new FieldProblemException("findingId", "incidents.error.findingUnknown");
            }
            findingIds.add(r.findingId());
        } else if (r.warningId() != null) {
            if (warnings.reaching(r.warningId(), affected).isEmpty()) {
                throw new FieldProblemException("warningId", "incidents.error.warningUnknown");
            }
            warningId = r.warningId();
        } else {
            String cve = r.cve().strip().toUpperCase(Locale.ROOT);
            if (!CVE.matcher(cve).matches()) {
                throw new FieldProblemException("cve", "incidents.error.cveInvalid");
            }
            findings.openOfSystemsWithCve(cve, affected).forEach(f -> findingIds.add(f.id()));
            if (findingIds.isEmpty()) {
                throw new FieldProblemException("cve", "incidents.error.cveNoFinding", cve);
            }
        }
        Instant now = clock.instant();
        Long by = CurrentPerson.principal().map(p -> p.personId()).orElse(null);
        String actor = incidents.actorName();
        for (long f : findingIds) {
            if (links.insertLink(id, f, null, by, now)) {
                cases.event(id, now, "LINKED_FINDING", "#" + f, actor);
                audit.record(AuditEntry.change(
                        "incident.link.add", i.organizationId(), "incident", id, null, Map.of("findingId", f)));
            }
        }
        if (warningId != null && links.insertLink(id, null, warningId, by, now)) {
            cases.event(id, now, "LINKED_WARNING", "#" + warningId, actor);
            audit.record(AuditEntry.change(
                    "incident.link.add", i.organizationId(), "incident", id, null, Map.of("warningId", warningId)));
        }
        return links(id);
    }

    @Transactional
    public List<Link> unlink(long id, Long findingId, Long warningId) {
        incidents.get(id);
        String field = field(new LinkRequest(findingId, warningId, null));
        Incident i = amendable(id, field);
        if (!links.deleteLink(id, findingId, warningId)) {
            throw new FieldProblemException(field, "incidents.error.linkUnknown");
        }
        Instant now = clock.instant();
        boolean finding = findingId != null;
        cases.event(
                id,
                now,
                finding ? "UNLINKED_FINDING" : "UNLINKED_WARNING",
                "#" + (finding ? findingId : warningId),
                incidents.actorName());
        audit.record(AuditEntry.change(
                "incident.link.remove",
                i.organizationId(),
                "incident",
                id,
                finding ? Map.of("findingId", findingId) : Map.of("warningId", warningId),
                null));
        return links(id);
    }

    /** The one field a link request names; a problem when it names none or more than one. */
    private static String field(LinkRequest r) {
        int named = (r == null ? 0 : (r.findingId() != null ? 1 : 0))
                + (r == null ? 0 : (r.warningId() != null ? 1 : 0))
                + (r == null || r.cve() == null || r.cve().isBlank() ? 0 : 1);
        if (named == 0) {
            throw new FieldProblemException("findingId", "incidents.error.linkNone");
        }
        if (named > 1) {
            throw new FieldProblemException(r.findingId() != null ? "warningId" : "cve", "incidents.error.linkOne");
        }
        return r.findingId() != null ? "findingId" : r.warningId() != null ? "warningId" : "cve";
    }

    /** The incident, when the caller may work the case and its record may still be amended. */
    private Incident amendable(long id, String field) {
        Incident i = incidents.get(id);
        if (!incidents.canWork(id)) {
            throw new ForbiddenActionException("error.forbidden");
        }
        return i.amendRecord(field);
    }
}
