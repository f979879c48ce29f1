package vn.khien.compliance.tasks;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khien.audit.AuditEntry;
import vn.khien.audit.AuditTrail;
import vn.khien.compliance.catalogue.Requirement;
import vn.khien.compliance.catalogue.RequirementStatus;
import vn.khien.compliance.catalogue.admin.CatalogueStore;
import vn.khien.compliance.plan.PlanItem;
import vn.khien.compliance.plan.PlanRepository;
import vn.khien.compliance.plan.PlanService;
import vn.khien.platform.FieldProblemException;
import vn.khien.platform.FieldProblemException.FieldProblem;
import vn.khien.platform.NotFoundException;
import vn.khien.systems.register.InformationSystem;

/** Remediation tasks: added by hand or for every gap of the plan, completed, edited and deleted; the audit keeps the task as it was, so a deletion loses nothing. */
@Service
public class TaskChanges {

    private final TaskRepository tasks;
    private final PlanRepository plans;
    private final PlanService planService;
    private final CatalogueStore catalogues;
    private final AuditTrail audit;
    private final Clock clock;

    TaskChanges(
            TaskRepository tasks,
            PlanRepository plans,
            PlanService planService,
            CatalogueStore catalogues,
            AuditTrail audit,
            Clock clock) {
        this.tasks = tasks;
        this.plans = plans;
        this.planService = planService;
        this.catalogues = catalogues;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public RemediationTask addTask(long systemId, TaskRequest r) {
        InformationSystem system = planService.editable(systemId);
        if (PlanService.blank(r.title())) {
            throw new FieldProblemException("title", "validation.required");
        }
        if (r.dueOn() == null) {
            throw new FieldProblemException("dueOn", "validation.required");
        }
        if (!PlanService.blank(r.requirementId())
                && plans.item(systemId, r.requirementId()).isEmpty()) {
            throw new FieldProblemException("requirementId", "compliance.error.requirementUnknown");
        }
        long id = tasks.insertTask(
                systemId,
                PlanService.blank(r.requirementId()) ? null : r.requirementId(),
                null,
                r.title().trim(),
                r.owner(),
                r.dueOn(),
                clock.instant());
        audit.record(AuditEntry.change(
                "compliance.task.add", system.ownerOrganizationId(), "remediation_task", id, null, r));
        return tasks.tasks(systemId).stream()
                .filter(t -> t.id() == id)
                .findFirst()
                .orElseThrow();
    }

    /**
     * Turns every gap (a required, applicable requirement not MET) that has no open task into a remediation task: the
     * item's owner and target date where recorded, else the given owner and due date.
     */
    @Transactional
    public List<RemediationTask> tasksForGaps(long systemId, GapTasksRequest r) {
        InformationSystem system = planService.editable(systemId);
        if (r == null || r.dueOn() == null) {
            throw new FieldProblemException("dueOn", "validation.required");
        }
        var requirements = catalogues.everything();
        Set<String> open = new HashSet<>();
        tasks.tasks(systemId).stream()
                .filter(t -> !t.done() && t.requirementId() != null)
                .forEach(t -> open.add(t.requirementId()));
        List<Long> created = new ArrayList<>();
        for (PlanItem item : plans.items(systemId, true)) {
            boolean gap =
                    item.status() != RequirementStatus.MET && item.status().isApplicable();
            if (!gap || open.contains(item.requirementId())) {
                continue;
            }
            String title = requirements
                    .find(item.requirementId())
                    .map(Requirement::title)
                    .orElse(item.requirementId());
            created.add(tasks.insertTask(
                    systemId,
                    item.requirementId(),
                    null,
                    title,
                    PlanService.blank(item.owner()) ? r.owner() : item.owner(),
                    item.targetDate() != null ? item.targetDate() : r.dueOn(),
                    clock.instant()));
        }
        audit.record(AuditEntry.change(
                "compliance.task.fromGaps",
                system.ownerOrganizationId(),
                "information_system",
                systemId,
                null,
                Map.of("tasks", created.size())));
        return tasks.tasks(systemId).stream()
                .filter(t -> created.contains(t.id()))
                .toList();
    }

    @Transactional
    public void completeTask(long systemId, long taskId) {
        InformationSystem system = planService.editable(systemId);
        if (tasks.completeTask(systemId, taskId) == 0) {
            throw new NotFoundException("task " + taskId);
        }
        audit.record(AuditEntry.change(
                "compliance.task.done",
                system.ownerOrganizationId(),
                "remediation_task",
                taskId,
                null,
                Map.of("done", true)));
    }

    @Transactional
    public RemediationTask update(long systemId, long taskId, TaskUpdate u) {
        InformationSystem system = planService.editable(systemId);
        RemediationTask before = find(systemId, taskId);
        List<FieldProblem> problems = new ArrayList<>();
        if (u == null || PlanService.blank(u.title())) {
            problems.add(new FieldProblem("title", "validation.required"));
        }
        if (u == null || u.dueOn() == null) {
            problems.add(new FieldProblem("dueOn", "validation.required"));
        }
        if (u == null || u.status() == null) {
            problems.add(new FieldProblem("status", "validation.required"));
        }
        if (!problems.isEmpty()) {
            throw new FieldProblemException(problems);
        }
        String owner = u.owner();
        TaskUpdate clean = new TaskUpdate(
                u.title(), owner == null || owner.isBlank() ? null : owner.trim(), u.dueOn(), u.status());
        tasks.updateTask(systemId, taskId, clean);
        RemediationTask after = find(systemId, taskId);
        audit.record(AuditEntry.change(
                "compliance.task.update",
                system.ownerOrganizationId(),
                "remediation_task",
                taskId,
                snapshot(before),
                snapshot(after)));
        return after;
    }

    @Transactional
    public void delete(long systemId, long taskId) {
        InformationSystem system = planService.editable(systemId);
        RemediationTask before = find(systemId, taskId);
        tasks.deleteTask(systemId, taskId);
        audit.record(AuditEntry.change(
                "compliance.task.delete",
                system.ownerOrganizationId(),
                "remediation_task",
                taskId,
                snapshot(before),
                null));
    }

    private RemediationTask find(long systemId, long taskId) {
        return tasks.task(systemId, taskId).orElseThrow(() -> new NotFoundException("task " + taskId));
    }

    private static Map<String, Object> snapshot(RemediationTask t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("requirement", t.requirementId());
        m.put("assessment", t.assessmentId());
        m.put("title", t.title());
        m.put("owner", t.owner());
        m.put("dueOn", String.valueOf(t.dueOn()));
        m.put("status", t.status());
        return m;
    }
}
