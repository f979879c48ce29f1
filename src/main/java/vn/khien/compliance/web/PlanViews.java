package vn.khien.compliance.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import vn.khien.compliance.catalogue.Requirement;
import vn.khien.compliance.catalogue.admin.CatalogueStore;
import vn.khien.compliance.evidence.Evidence;
import vn.khien.compliance.evidence.EvidenceRepository;
import vn.khien.compliance.plan.PlanItem;
import vn.khien.compliance.plan.PlanRepository;
import vn.khien.compliance.tasks.TaskRepository;
import vn.khien.systems.VisibleSystems;
import vn.khien.systems.register.InformationSystem;

/**
 * A system's plan as its page, API and document show it: the items with their evidence, the tasks and the regulation.
 * Reads go through {@link VisibleSystems} first, so a system outside the caller's scope is a 404 before anything else
 * is looked at.
 */
@Service
class PlanViews {

    private final PlanRepository plans;
    private final EvidenceRepository evidence;
    private final TaskRepository tasks;
    private final CatalogueStore catalogues;
    private final VisibleSystems systems;
    private final Clock clock;

    PlanViews(
            PlanRepository plans,
            EvidenceRepository evidence,
            TaskRepository tasks,
            CatalogueStore catalogues,
            VisibleSystems systems,
            Clock clock) {
        this.plans = plans;
        this.evidence = evidence;
        this.tasks = tasks;
        this.catalogues = catalogues;
        this.systems = systems;
        this.clock = clock;
    }

    /** The plan with its evidence and tasks, for whoever reads everything about the system (else 404). */
    PlanView view(long systemId) {
        return view(systems.get(systemId), true);
    }

    /**
     * The plan as the bodies appraising one of the system's dossiers read it too, while they appraise it (ADR 0012):
     * its items and regulation; evidence and tasks only for whoever reads everything about the system.
     */
    PlanView plan(long systemId) {
        InformationSystem system = systems.forPlan(systemId);
        return view(system, systems.readsEverything(systemId));
    }

    private PlanView view(InformationSystem system, boolean full) {
        long systemId = system.id();
        LocalDate today = LocalDate.now(clock);
        List<PlanItem> items = plans.items(systemId, false);
        var requirements = catalogues.everything();
        List<Evidence> allEvidence = evidence.evidence(systemId, today);
        Map<String, List<Evidence>> evidence = allEvidence.stream()
                .filter(Evidence::active)
                .collect(Collectors.groupingBy(Evidence::requirementId, LinkedHashMap::new, Collectors.toList()));
        Map<String, List<Evidence>> withdrawn = allEvidence.stream()
                .filter(e -> !e.active())
                .collect(Collectors.groupingBy(Evidence::requirementId, LinkedHashMap::new, Collectors.toList()));
        List<PlanLine> lines = new ArrayList<>();
        List<PlanLine> dropped = new ArrayList<>();
        for (PlanItem item : items) {
            Requirement requirement = requirements.find(item.requirementId()).orElse(null);
            if (requirement == null) {
                continue;
            }
            PlanLine line = new PlanLine(
                    requirement,
                    item,
                    evidence.getOrDefault(item.requirementId(), List.of()),
                    system.approvedLevel() == null ? List.of() : requirement.designProductsFor(system.approvedLevel()),
                    withdrawn.getOrDefault(item.requirementId(), List.of()));
            (item.required() ? lines : dropped).add(line);
        }
        return new PlanView(
                system,
                systems.canEdit(system),
                full,
                plans.currentRevision(systemId).orElse(null),
                plans.revisions(systemId),
                lines,
                dropped,
                tasks.tasks(systemId),
                plans.regulation(systemId).orElse(null),
                today);
    }
}
