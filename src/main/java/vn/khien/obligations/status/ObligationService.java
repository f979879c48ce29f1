package vn.khien.obligations.status;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khien.obligations.ObligationStatus;
import vn.khien.obligations.catalogue.Obligation;
import vn.khien.obligations.catalogue.ObligationCatalogue;
import vn.khien.obligations.catalogue.ObligationEngine;
import vn.khien.obligations.catalogue.ObligationRule;
import vn.khien.obligations.catalogue.Subject;
import vn.khien.obligations.catalogue.SubjectKind;
import vn.khien.organizations.Organization;
import vn.khien.organizations.OrganizationRepository;
import vn.khien.platform.NotFoundException;
import vn.khien.platform.duties.DutyApplicability;
import vn.khien.platform.duties.DutyEvidence;
import vn.khien.platform.duties.DutySource;
import vn.khien.systems.SupplierAccessQuery;
import vn.khien.systems.SystemFacts;

/**
 * Evaluates the catalogue for the systems and organisations the caller may see: collects every {@link DutySource}
 * bean, asks each once per rule for all subjects at hand, and hands rule, subject and evidence to the engine. A rule
 * no bean answers for is NO_DATA (its module does not exist yet), never MET.
 */
@Service
@Transactional(readOnly = true)
public class ObligationService {

    /** Subjects per duty-source call. */
    static final int CHUNK = 10_000;

    private final ObligationCatalogue catalogue;
    private final ObligationEngine engine = new ObligationEngine();
    private final Map<String, List<DutySource>> sourcesByRule = new HashMap<>();
    private final SystemFacts systems;
    private final SupplierAccessQuery suppliers;
    private final OrganizationRepository organizations;
    private final Clock clock;

    public ObligationService(
            ObligationCatalogue catalogue,
            List<DutySource> sources,
            SystemFacts systems,
            SupplierAccessQuery suppliers,
            OrganizationRepository organizations,
            Clock clock) {
        this.catalogue = catalogue;
        this.systems = systems;
        this.suppliers = suppliers;
        this.organizations = organizations;
        this.clock = clock;
        for (DutySource source : sources) {
            source.rules()
                    .forEach(r -> sourcesByRule
                            .computeIfAbsent(r, k -> new ArrayList<>())
                            .add(source));
        }
    }

    public ObligationCatalogue catalogue() {
        return catalogue;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public Set<String> answeredRules() {
        return Set.copyOf(sourcesByRule.keySet());
    }

    /** Every duty of one visible system, in catalogue order; 404 for a system outside the caller's subtree. */
    public SystemObligations forSystem(long systemId) {
        SystemFacts.Facts facts = systems.visible(systemId).orElseThrow(() -> new NotFoundException("system"));
        return new SystemObligations(facts, evaluate(List.of(subject(facts))));
    }

    public record SystemObligations(SystemFacts.Facts system, List<Obligation> obligations) {}

    /** The organisation's own duties and those of the systems it owns. */
    public OrganizationObligations forOrganization(long organizationId) {
        Organization org = visibleOrganization(organizationId);
        List<Subject> subjects = new ArrayList<>();
        subjects.add(subject(org, systems.owners(List.of(org.id()))));
        systems.inSubtree(org.path()).stream()
                .filter(s -> s.ownerId() == org.id())
                .map(ObligationService::subject)
                .forEach(subjects::add);
        return new OrganizationObligations(org, evaluate(subjects));
    }

    public record OrganizationObligations(Organization organization, List<Obligation> obligations) {}

    /**
     * The subtree below an organisation: one row per child (and one for the organisation itself), one column per rule
     * that applies somewhere in the subtree, each cell the worst status of that rule over the row's subtree; rows
     * worst first.
     */
    public Matrix matrix(long organizationId) {
        Organization root = visibleOrganization(organizationId);
        List<Organization> all = organizations.findAllVisible().stream()
                .filter(o -> o.path().startsWith(root.path()))
                .toList();
        Set<Long> owners = systems.owners(all.stream().map(Organization::id).toList());
        List<Subject> subjects = new ArrayList<>();
        all.forEach(o -> subjects.add(subject(o, owners)));
        List<SystemFacts.Facts> facts = systems.inSubtree(root.path());
        Map<Long, String> ownerPath = all.stream().collect(Collectors.toMap(Organization::id, Organization::path));
        facts.forEach(f -> subjects.add(subject(f)));
        List<Obligation> evaluated = evaluate(subjects);

        List<Organization> rowsOrgs = new ArrayList<>();
        rowsOrgs.add(root);
        all.stream()
                .filter(o -> root.id() == (o.parentId() == null ? -1 : o.parentId()))
                .forEach(rowsOrgs::add);
        Set<String> columns = new HashSet<>();
        List<Row> rows = new ArrayList<>();
        for (Organization rowOrg : rowsOrgs) {
            boolean own = rowOrg.id() == root.id();
            Map<String, List<Obligation>> byRule = new LinkedHashMap<>();
            for (Obligation o : evaluated) {
                String path = ownerPath.get(o.subject().organizationId());
                boolean inRow = own
                        ? o.subject().organizationId() == root.id()
                        : path != null && path.startsWith(rowOrg.path());
                if (inRow && o.status() != ObligationStatus.NOT_APPLICABLE) {
                    byRule.computeIfAbsent(o.rule().id(), k -> new ArrayList<>())
                            .add(o);
                }
            }
            Map<String, Cell> cells = new HashMap<>();
            byRule.forEach((rule, list) -> {
                columns.add(rule);
                ObligationStatus worst = list.stream()
                        .map(Obligation::status)
                        .min(Comparator.naturalOrder())
                        .orElseThrow();
                List<Obligation> worstOnes =
                        list.stream().filter(o -> o.status() == worst).toList();
                String link = worstOnes.size() == 1
                        ? worstOnes.get(0).link()
                        : "/organizations/" + rowOrg.id() + "/obligations#" + rule;
                cells.put(
                        rule,
                        new Cell(
                                worst,
                                worstOnes.size(),
                                list.size(),
                                link,
                                worstOnes.get(0).dueOn()));
            });
            rows.add(new Row(rowOrg, own, cells));
        }
        rows.sort(Comparator.comparing((Row r) -> !r.own())
                .thenComparing(Comparator.comparingLong((Row r) -> r.count(ObligationStatus.OVERDUE))
                        .reversed())
                .thenComparing(Comparator.comparingLong((Row r) -> r.count(ObligationStatus.DUE_SOON))
                        .reversed())
                .thenComparing(r -> r.organization().nameVi()));
        List<ObligationRule> ruleColumns = catalogue.rules().stream()
                .filter(r -> columns.contains(r.id()))
                .sorted(Comparator.comparing(ObligationRule::id))
                .toList();
        return new Matrix(root, ruleColumns, rows);
    }

    /**
     * Every duty in the subtrees the caller sees (each top-most visible organisation with everything below it), for
     * counts on the home page and for reminders.
     */
    public List<Obligation> everythingVisible() {
        List<Organization> all = organizations.findAllVisible();
        List<Organization> tops = all.stream()
                .filter(o ->
                        all.stream().noneMatch(p -> p.id() != o.id() && o.path().startsWith(p.path())))
                .toList();
        Set<Long> owners = systems.owners(all.stream().map(Organization::id).toList());
        List<Subject> subjects = new ArrayList<>();
        all.forEach(o -> subjects.add(subject(o, owners)));
        Set<Long> seen = new HashSet<>();
        for (Organization top : tops) {
            systems.inSubtree(top.path()).stream().filter(f -> seen.add(f.id())).forEach(f -> subjects.add(subject(f)));
        }
        return evaluate(subjects);
    }

    /**
     * Every duty of every organisation and system, unscoped: only for the reminder job, which acts for no caller.
     *
     * @param organizations every organisation, as (id, name, kind)
     */
    public List<Obligation> everythingForBackgroundJobs(List<Subject> organizations) {
        Set<Long> owners =
                systems.owners(organizations.stream().map(Subject::id).toList());
        List<Subject> subjects = new ArrayList<>();
        organizations.forEach(o -> {
            Set<String> flags = new HashSet<>(o.flags());
            if (owners.contains(o.id())) {
                flags.add("OWNS_SYSTEMS");
            }
            subjects.add(Subject.organization(o.id(), o.name(), o.orgKind(), flags));
        });
        systems.everySystemForBackgroundJobs().forEach(f -> subjects.add(subject(f)));
        return evaluate(subjects);
    }

    public record Cell(
            ObligationStatus status,
            int worstCount,
            int subjects,
            String link,
            @Nullable LocalDate dueOn) {}

    public record Row(Organization organization, boolean own, Map<String, Cell> cells) {
        public long count(ObligationStatus status) {
            return cells.values().stream().filter(c -> c.status() == status).count();
        }

        public @Nullable Cell cell(String rule) {
            return cells.get(rule);
        }
    }

    public record Matrix(Organization organization, List<ObligationRule> rules, List<Row> rows) {}

    /** Evaluates every rule of the catalogue for these subjects, asking each source once per rule. */
    public List<Obligation> evaluate(List<Subject> given) {
        LocalDate today = today();
        List<Subject> subjects = withSupplierAccess(given);
        List<Obligation> out = new ArrayList<>();
        for (SubjectKind kind : SubjectKind.values()) {
            List<Subject> ofKind =
                    subjects.stream().filter(s -> s.kind() == kind).toList();
            if (ofKind.isEmpty()) {
                continue;
            }
            for (ObligationRule rule : catalogue.rulesFor(kind).stream()
                    .sorted(Comparator.comparing(ObligationRule::id))
                    .toList()) {
                List<Subject> applicable =
                        ofKind.stream().filter(rule::appliesTo).toList();
                List<DutySource> sources = sourcesByRule.getOrDefault(rule.id(), List.of());
                Map<Long, DutyEvidence> evidence = evidence(rule, kind, sources, applicable);
                Map<Long, DutyApplicability> verdicts = verdicts(rule, kind, sources, applicable);
                for (Subject s : ofKind) {
                    out.add(engine.evaluate(
                            rule, s, !sources.isEmpty(), evidence.get(s.id()), verdicts.get(s.id()), today));
                }
            }
        }
        return out;
    }

    /**
     * Adds SUPPLIER_ACCESS_AT_LEVEL to the organisations owning a system at R36's minimumLevel or above to which a
     * supplier holds access (supply-chain risk, issue 13).
     */
    private List<Subject> withSupplierAccess(List<Subject> subjects) {
        String minimum =
                catalogue.rule("R36").map(r -> r.parameter("minimumLevel")).orElse(null);
        List<Long> orgs = subjects.stream()
                .filter(s -> s.kind() == SubjectKind.ORGANIZATION)
                .map(Subject::id)
                .toList();
        if (minimum == null || orgs.isEmpty()) {
            return subjects;
        }
        Set<Long> holders = suppliers.ownersWithSupplierAccess(orgs, Integer.parseInt(minimum));
        if (holders.isEmpty()) {
            return subjects;
        }
        return subjects.stream()
                .map(s -> s.kind() == SubjectKind.ORGANIZATION && holders.contains(s.id()) ? withFlag(s) : s)
                .toList();
    }

    private static Subject withFlag(Subject s) {
        Set<String> flags = new HashSet<>(s.flags());
        flags.add("SUPPLIER_ACCESS_AT_LEVEL");
        return Subject.organization(s.id(), s.name(), s.orgKind(), flags);
    }

    private static Map<Long, DutyEvidence> evidence(
            ObligationRule rule, SubjectKind kind, List<DutySource> sources, List<Subject> applicable) {
        Map<Long, DutyEvidence> merged = new HashMap<>();
        if (applicable.isEmpty()) {
            return merged;
        }
        for (List<Long> ids : chunks(applicable)) {
            for (DutySource source : sources) {
                Map<Long, DutyEvidence> answer = kind == SubjectKind.SYSTEM
                        ? source.forSystems(rule.id(), ids)
                        : source.forOrganizations(rule.id(), ids);
                answer.forEach((id, ev) -> merged.merge(id, ev, ObligationService::later));
            }
        }
        return merged;
    }

    /** The sources' verdicts on who owes an organisation duty, where the rule data of a source decides it (R26). */
    private static Map<Long, DutyApplicability> verdicts(
            ObligationRule rule, SubjectKind kind, List<DutySource> sources, List<Subject> applicable) {
        Map<Long, DutyApplicability> merged = new HashMap<>();
        if (kind != SubjectKind.ORGANIZATION || applicable.isEmpty()) {
            return merged;
        }
        for (List<Long> ids : chunks(applicable)) {
            for (DutySource source : sources) {
                // A subject any source says owes the duty owes it.
                source.applicabilityForOrganizations(rule.id(), ids)
                        .forEach((id, v) -> merged.merge(id, v, (a, b) -> a.applies() ? a : b));
            }
        }
        return merged;
    }

    /**
     * The subjects' ids in slices a duty source can bind: PostgreSQL takes at most 65,535 parameters a statement, and
     * the national leader sees 100,000 systems (issue 15).
     */
    static List<List<Long>> chunks(List<Subject> subjects) {
        List<Long> ids = subjects.stream().map(Subject::id).toList();
        List<List<Long>> out = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            out.add(ids.subList(from, Math.min(ids.size(), from + CHUNK)));
        }
        return out;
    }

    private static DutyEvidence later(DutyEvidence a, DutyEvidence b) {
        if (a.lastMetOn() == null) {
            return b;
        }
        return b.lastMetOn() != null && b.lastMetOn().isAfter(a.lastMetOn()) ? b : a;
    }

    private Organization visibleOrganization(long id) {
        return organizations.findVisible(id).orElseThrow(() -> new NotFoundException("organization"));
    }

    static Subject subject(SystemFacts.Facts f) {
        return Subject.system(
                f.id(),
                f.ownerId(),
                f.code() + " — " + f.name(),
                f.level(),
                f.regime(),
                f.systemType(),
                f.lifecycle(),
                f.approvedOn(),
                f.flags());
    }

    static Subject subject(Organization o, Set<Long> owners) {
        Set<String> flags = new HashSet<>();
        if (owners.contains(o.id())) {
            flags.add("OWNS_SYSTEMS");
        }
        return Subject.organization(o.id(), o.nameVi(), o.kind().name(), flags);
    }
}
