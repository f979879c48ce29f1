package vn.khien.compliance.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khien.audit.AuditEntry;
import vn.khien.audit.AuditTrail;
import vn.khien.platform.FieldProblemException;
import vn.khien.platform.FieldProblemException.FieldProblem;
import vn.khien.platform.NotFoundException;
import vn.khien.systems.register.InformationSystem;

/** Editing and deleting remediation tasks; the audit keeps the task as it was, so a deletion loses nothing. */
@Service
class TaskChanges {

    private final PlanRepository plans;
    private final PlanService planService;
    private final AuditTrail audit;

    public TaskChanges(PlanRepository plans, PlanService planService, AuditTrail audit) {
        this.plans = plans;
        this.planService = planService;
        this.audit = audit;
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
        TaskUpdate clean = new TaskUpdate(
                u.title(), PlanService.blank(u.owner()) ? null : u.owner().trim(), u.dueOn(), u.status());
        plans.updateTask(systemId, taskId, clean);
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
        plans.deleteTask(systemId, taskId);
        audit.record(AuditEntry.change(
                "compliance.task.delete",
                system.ownerOrganizationId(),
                "remediation_task",
                taskId,
                snapshot(before),
                null));
    }

    private RemediationTask find(long systemId, long taskId) {
        return plans.task(systemId, taskId).orElseThrow(() -> new NotFoundException("task " + taskId));
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
