package vn.khien.compliance.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import vn.khien.compliance.catalogue.ComplianceTally;
import vn.khien.compliance.catalogue.RequirementStatus;
import vn.khien.compliance.plan.PlanRevision;
import vn.khien.compliance.plan.SecurityRegulation;
import vn.khien.compliance.tasks.RemediationTask;
import vn.khien.compliance.tasks.TaskStatus;
import vn.khien.systems.register.InformationSystem;

/**
 * Everything the plan page and the plan document show for one system. {@code full} is false for a body appraising a
 * dossier of the system (ADR 0012): it reads the plan's items and regulation, not the evidence, tasks or assessments.
 */
record PlanView(
        InformationSystem system,
        boolean canEdit,
        boolean full,
        @Nullable PlanRevision revision,
        List<PlanRevision> history,
        List<PlanLine> lines,
        List<PlanLine> noLongerRequired,
        List<RemediationTask> tasks,
        @Nullable SecurityRegulation regulation,
        LocalDate today) {

    public ComplianceTally tally() {
        return ComplianceTally.of(lines.stream().map(l -> l.item().status()).toList());
    }

    /** The circular requires the security regulation before the dossier; an approved level without one is flagged. */
    public boolean regulationMissing() {
        return system.approvedLevel() != null && regulation == null;
    }

    /** Planned items and open tasks by date: the roadmap to "fully deployed". */
    public List<RoadmapEntry> roadmap() {
        ArrayList<RoadmapEntry> entries = new ArrayList<>();
        lines.stream()
                .filter(l -> l.item().status() == RequirementStatus.PLANNED
                        && l.item().targetDate() != null)
                .forEach(l -> entries.add(new RoadmapEntry(
                        l.item().targetDate(),
                        l.requirement().id(),
                        PlanLine.title(l.requirement()),
                        l.item().owner(),
                        null,
                        null)));
        tasks.stream()
                .filter(t -> !t.done())
                .forEach(t -> entries.add(
                        new RoadmapEntry(t.dueOn(), t.requirementId(), t.title(), t.owner(), t.id(), t.status())));
        entries.sort(Comparator.comparing(RoadmapEntry::date, Comparator.nullsLast(Comparator.naturalOrder())));
        return entries;
    }

    public Map<String, List<PlanLine>> byKind() {
        return lines.stream()
                .collect(Collectors.groupingBy(
                        l -> l.requirement().kind().name(), LinkedHashMap::new, Collectors.toList()));
    }

    /** {@code taskId} and {@code status} are null for a planned requirement, else the remediation task's. */
    public record RoadmapEntry(
            @Nullable LocalDate date,
            @Nullable String requirementId,
            String title,
            @Nullable String owner,
            @Nullable Long taskId,
            @Nullable TaskStatus status) {}
}
