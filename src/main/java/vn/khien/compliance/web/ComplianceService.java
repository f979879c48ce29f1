package vn.khien.compliance.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import vn.khien.access.OrgScope;
import vn.khien.compliance.assessment.AssessmentService;
import vn.khien.compliance.catalogue.ComplianceRollup;
import vn.khien.compliance.catalogue.ComplianceTally;
import vn.khien.compliance.catalogue.RequirementIndex;
import vn.khien.compliance.catalogue.RequirementStatus;
import vn.khien.compliance.catalogue.SystemCompliance;
import vn.khien.compliance.catalogue.admin.CatalogueStore;
import vn.khien.compliance.evidence.Evidence;
import vn.khien.compliance.evidence.EvidenceRepository;
import vn.khien.compliance.plan.PlanRepository;
import vn.khien.platform.NotFoundException;
import vn.khien.systems.VisibleSystems;
import vn.khien.systems.register.InformationSystem;
import vn.khien.systems.register.SystemSearch;

/**
 * Compliance shares computed from plan data, per system and rolled up per organisation subtree. Only systems with an
 * approved level and a derived plan count: a system without a plan has nothing to be compliant with yet.
 */
@Service
class ComplianceService {

    private final EvidenceRepository evidence;
    private final VisibleSystems systems;
    private final PlanRepository plans;
    private final CatalogueStore catalogues;
    private final AssessmentService assessments;
    private final OrgScope scope;
    private final JdbcClient jdbc;
    private final Clock clock;

    ComplianceService(
            EvidenceRepository evidence,
            VisibleSystems systems,
            PlanRepository plans,
            CatalogueStore catalogues,
            AssessmentService assessments,
            OrgScope scope,
            JdbcClient jdbc,
            Clock clock) {
        this.evidence = evidence;
        this.clock = clock;
        this.systems = systems;
        this.plans = plans;
        this.catalogues = catalogues;
        this.assessments = assessments;
        this.scope = scope;
        this.jdbc = jdbc;
    }

    public SystemSummary forSystem(long systemId) {
        InformationSystem system = systems.get(systemId);
        Map<String, RequirementStatus> statuses = new LinkedHashMap<>();
        plans.items(systemId, true).forEach(i -> statuses.put(i.requirementId(), i.status()));
        long flagged = evidence.evidence(systemId, LocalDate.now(clock)).stream()
                .filter(Evidence::flagged)
                .filter(e -> statuses.containsKey(e.requirementId()))
                .count();
        return summary(system, statuses, catalogues.everything(), flagged);
    }

    public SubtreeSummary forSubtree(long organizationId) {
        if (!scope.canSee(organizationId)) {
            throw new NotFoundException("organization " + organizationId);
        }
        Map<String, Object> org = jdbc.sql("SELECT name_vi, path FROM organization WHERE id = :id")
                .param("id", organizationId)
                .query()
                .singleRow();
        // Both columns are NOT NULL.
        String path = (String) Objects.requireNonNull(org.get("path"), "path");
        Map<Long, Map<String, RequirementStatus>> statuses = plans.statusesInSubtree(path);
        RequirementIndex index = catalogues.everything();
        Map<Long, Long> flagged = evidence.flaggedEvidenceInSubtree(path, LocalDate.now(clock));
        List<SystemSummary> rows = new ArrayList<>();
        List<SystemCompliance> compliance = new ArrayList<>();
        for (InformationSystem system : systems.search(new SystemSearch(organizationId, null, null, null, null))) {
            Map<String, RequirementStatus> s = statuses.get(system.id());
            if (system.approvedLevel() == null || s == null) {
                continue;
            }
            rows.add(summary(system, s, index, flagged.getOrDefault(system.id(), 0L)));
            compliance.add(new SystemCompliance(String.valueOf(system.id()), system.approvedLevel(), s));
        }
        var tally = ComplianceRollup.overall(compliance);
        return new SubtreeSummary(
                organizationId,
                (String) Objects.requireNonNull(org.get("name_vi"), "name_vi"),
                tally,
                tally.percent(),
                ComplianceRollup.fullyDeployedCount(compliance),
                rows.stream()
                        .filter(r -> r.assessment() != null && r.assessment().attention())
                        .count(),
                ComplianceRollup.byGroup(compliance, index),
                ComplianceRollup.byLevel(compliance),
                rows);
    }

    /** Top organisations the caller can see: where the overview starts when no organisation is chosen. */
    public List<Map<String, Object>> rootsOfCaller() {
        var f = scope.visible("o.path");
        return jdbc.sql("SELECT o.id, o.name_vi FROM organization o WHERE " + f.sql()
                        + " AND NOT EXISTS (SELECT 1 FROM organization p WHERE p.id = o.parent_id AND "
                        + scope.visible("p.path").sql() + ") ORDER BY o.path")
                .params(f.params())
                .query()
                .listOfRows();
    }

    /** Organisations the caller can see, in tree order, with their depth for indenting the choice list. */
    public List<Map<String, Object>> visibleOrganizations() {
        var f = scope.visible("o.path");
        return jdbc.sql("SELECT o.id, o.name_vi, o.path FROM organization o WHERE " + f.sql() + " ORDER BY o.path")
                .params(f.params())
                .query((rs, n) -> Map.<String, Object>of(
                        "id",
                        rs.getLong("id"),
                        "name",
                        rs.getString("name_vi"),
                        "depth",
                        rs.getString("path").chars().filter(c -> c == '/').count() - 2))
                .list();
    }

    private SystemSummary summary(
            InformationSystem system,
            Map<String, RequirementStatus> statuses,
            RequirementIndex index,
            long flaggedEvidence) {
        if (system.approvedLevel() == null) {
            return new SystemSummary(
                    system.id(),
                    system.code(),
                    system.name(),
                    system.ownerOrganizationId(),
                    system.ownerName(),
                    null,
                    system.approvedRegime(),
                    ComplianceTally.EMPTY,
                    0,
                    false,
                    Map.of(),
                    null,
                    false,
                    0);
        }
        SystemCompliance c = new SystemCompliance(String.valueOf(system.id()), system.approvedLevel(), statuses);
        return new SystemSummary(
                system.id(),
                system.code(),
                system.name(),
                system.ownerOrganizationId(),
                system.ownerName(),
                system.approvedLevel(),
                system.approvedRegime(),
                c.tally(),
                c.tally().percent(),
                c.fullyDeployed(),
                ComplianceRollup.byGroup(List.of(c), index),
                assessments.scheduleOf(system),
                !plans.hasRegulation(system.id()),
                flaggedEvidence);
    }
}
