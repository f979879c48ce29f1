package vn.khien.incidents.plans;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khien.access.Capability;
import vn.khien.access.CurrentPerson;
import vn.khien.audit.AuditEntry;
import vn.khien.audit.AuditTrail;
import vn.khien.platform.FieldProblemException;
import vn.khien.platform.ForbiddenActionException;
import vn.khien.platform.NotFoundException;

/**
 * Incident-response plans of systems (R23): a draft on the outline the system's level calls for, approved by the
 * owner (a leader of the owning organisation), versioned, and flagged for update when the system changes. Audited.
 */
@Service
public class ResponsePlanService {

    static final int SECTION_MAX = 8000;
    static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");

    private final ResponsePlanRepository plans;
    private final PlanOutlines outlines;
    private final AuditTrail audit;
    private final Clock clock;

    ResponsePlanService(ResponsePlanRepository plans, PlanOutlines outlines, AuditTrail audit, Clock clock) {
        this.plans = plans;
        this.outlines = outlines;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * A system's plans as shown and answered by the API.
     *
     * @param outline        the outline the system's approved level calls for now (a new draft follows it)
     * @param inForce        the approved plan, or null
     * @param updateDueOn    when the plan in force was flagged: the day by which it should be updated (rule data)
     */
    public record SystemPlans(
            long systemId,
            String systemName,
            @Nullable Integer level,
            PlanOutlines.Outline outline,
            @Nullable ResponsePlan inForce,
            @Nullable ResponsePlan draft,
            List<ResponsePlan> versions,
            @Nullable LocalDate updateDueOn,
            boolean updateWithinChoice,
            String updateWithinRef,
            boolean canEdit,
            boolean canApprove) {}

    public SystemPlans forSystem(long systemId) {
        ResponsePlanRepository.SystemRef s =
                plans.system(systemId, Capability.READ).orElseThrow(() -> new NotFoundException("system " + systemId));
        List<ResponsePlan> all = plans.plans(systemId);
        ResponsePlan inForce = all.stream()
                .filter(p -> p.status() == ResponsePlanStatus.APPROVED)
                .findFirst()
                .orElse(null);
        ResponsePlan draft = all.stream()
                .filter(p -> p.status() == ResponsePlanStatus.DRAFT)
                .findFirst()
                .orElse(null);
        LocalDate updateDue = inForce == null || !inForce.needsUpdate()
                ? null
                : Objects.requireNonNull(inForce.updateRaisedAt(), "raised with the flag")
                        .atZone(VN)
                        .toLocalDate()
                        .plus(outlines.updateWithin());
        return new SystemPlans(
                systemId,
                s.name(),
                s.level(),
                outlines.forLevel(s.level()),
                inForce,
                draft,
                all,
                updateDue,
                outlines.updateWithinChoice(),
                outlines.updateWithinRef(),
                plans.system(systemId, Capability.EDIT_SECURITY_DATA).isPresent(),
                plans.systemOfOwner(systemId, Capability.APPROVE).isPresent());
    }

    public PlanOutlines outlines() {
        return outlines;
    }

    public PlanOutlines.Outline outlineOf(ResponsePlan p) {
        return outlines.byId(p.outlineId()).orElseThrow();
    }

    /**
     * Writes the draft (creating the next version on the outline the system's level calls for, starting from the
     * plan in force, when there is none). Only the sections of the outline; blank sections are dropped.
     */
    @Transactional
    public ResponsePlan saveDraft(long systemId, Map<String, String> sections) {
        ResponsePlanRepository.SystemRef s =
                plans.system(systemId, Capability.READ).orElseThrow(() -> new NotFoundException("system " + systemId));
        if (plans.system(systemId, Capability.EDIT_SECURITY_DATA).isEmpty()) {
            throw new ForbiddenActionException("error.forbidden");
        }
        Instant now = clock.instant();
        ResponsePlan draft = plans.draft(systemId).orElse(null);
        boolean created = draft == null;
        if (draft == null) {
            PlanOutlines.Outline outline = outlines.forLevel(s.level());
            long id = plans.insertDraft(
                    systemId,
                    outline.id(),
                    s.level(),
                    CurrentPerson.principal().map(p -> p.personId()).orElse(null),
                    now);
            draft = plans.plan(systemId, id).orElseThrow();
        }
        PlanOutlines.Outline outline = outlineOf(draft);
        Map<String, String> clean = new LinkedHashMap<>();
        List<FieldProblemException.FieldProblem> problems = new ArrayList<>();
        Map<String, String> given = sections == null ? Map.of() : sections;
        given.forEach((k, v) -> {
            if (outline.section(k).isEmpty()) {
                problems.add(new FieldProblemException.FieldProblem("sections." + k, "plans.error.unknownSection"));
            } else if (v != null && v.length() > SECTION_MAX) {
                problems.add(new FieldProblemException.FieldProblem(
                        "sections." + k, "incidents.error.tooLong", SECTION_MAX));
            } else if (v != null && !v.isBlank()) {
                clean.put(k, v.strip());
            }
        });
        if (!problems.isEmpty()) {
            throw new FieldProblemException(problems);
        }
        if (created && clean.isEmpty()) {
            // A new version starts from the plan in force.
            plans.inForce(systemId)
                    .ifPresent(p -> p.sections().forEach((k, v) -> {
                        if (outline.section(k).isPresent()) {
                            clean.put(k, v);
                        }
                    }));
        }
        Map<String, String> before = draft.sections();
        ResponsePlan edited = draft.edit(clean);
        plans.saveSections(edited, now);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("systemId", systemId);
        after.put("version", edited.version());
        after.put("outline", edited.outlineId());
        after.put("sections", new ArrayList<>(clean.keySet()));
        audit.record(AuditEntry.change(
                created ? "response-plan.draft" : "response-plan.edit",
                s.ownerOrganizationId(),
                "response_plan",
                edited.id(),
                created ? null : Map.of("sections", new ArrayList<>(before.keySet())),
                after));
        return plans.plan(systemId, edited.id()).orElseThrow();
    }

    /** The owner approves the draft: it becomes the plan in force and the previous one is superseded. */
    @Transactional
    public ResponsePlan approve(long systemId, long planId) {
        ResponsePlanRepository.SystemRef s =
                plans.system(systemId, Capability.READ).orElseThrow(() -> new NotFoundException("system " + systemId));
        ResponsePlan draft = plans.plan(systemId, planId).orElseThrow(() -> new NotFoundException("plan " + planId));
        if (plans.systemOfOwner(systemId, Capability.APPROVE).isEmpty()) {
            throw new ForbiddenActionException("plans.error.ownerApproves");
        }
        Instant now = clock.instant();
        Long by = CurrentPerson.principal().map(p -> p.personId()).orElse(null);
        String name = by == null ? null : plans.personName(by).orElse(null);
        ResponsePlan approved = draft.approve(outlineOf(draft), name, now);
        ResponsePlan previous = plans.inForce(systemId).orElse(null);
        if (previous != null) {
            plans.markSuperseded(previous.supersede(now));
        }
        plans.markApproved(approved, by);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("systemId", systemId);
        after.put("version", approved.version());
        after.put("status", approved.status().name());
        after.put("supersedes", previous == null ? null : previous.version());
        audit.record(AuditEntry.change(
                "response-plan.approve",
                s.ownerOrganizationId(),
                "response_plan",
                planId,
                Map.of("status", draft.status().name()),
                after));
        return plans.plan(systemId, planId).orElseThrow();
    }

    /** The system changed: flag its plan in force (no person: called from the systems module's events). */
    @Transactional
    public void systemChanged(long systemId, String reason, @Nullable Integer newLevel) {
        ResponsePlanRepository.SystemRef s = plans.systemUnscoped(systemId).orElse(null);
        ResponsePlan inForce = s == null ? null : plans.inForce(systemId).orElse(null);
        if (s == null || inForce == null || inForce.needsUpdate()) {
            return;
        }
        if (ResponsePlan.LEVEL_CHANGED.equals(reason) && newLevel != null && newLevel.equals(inForce.systemLevel())) {
            return;
        }
        ResponsePlan flagged = inForce.flagForUpdate(reason, clock.instant());
        plans.markNeedsUpdate(flagged);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("needsUpdate", true);
        after.put("reason", reason);
        after.put("level", newLevel);
        audit.record(AuditEntry.change(
                "response-plan.flag-update",
                s.ownerOrganizationId(),
                "response_plan",
                inForce.id(),
                Map.of("needsUpdate", false),
                after));
    }
}
