package vn.khien.compliance.assessment;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khien.audit.AuditEntry;
import vn.khien.audit.AuditTrail;
import vn.khien.compliance.catalogue.Regime;
import vn.khien.compliance.evidence.EvidenceFile;
import vn.khien.compliance.plan.PlanRepository;
import vn.khien.compliance.plan.PlanService;
import vn.khien.compliance.plan.RegimeIds;
import vn.khien.compliance.risks.RiskRating;
import vn.khien.compliance.risks.RiskRepository;
import vn.khien.compliance.risks.SystemRisk;
import vn.khien.compliance.tasks.TaskRepository;
import vn.khien.platform.FieldProblemException;
import vn.khien.platform.FieldProblemException.FieldProblem;
import vn.khien.platform.NotFoundException;
import vn.khien.systems.register.InformationSystem;
import vn.khien.systems.register.LifecycleStatus;

/**
 * Records assessments and computes when the next one is due. The assessor must be one the rules accept for the
 * system's regime and level (licensed or designated organisation for level 3+ under NĐ 85); failed results become
 * remediation tasks.
 */
@Service
public class AssessmentService {

    private final TaskRepository remediation;
    private final AssessmentRepository assessments;
    private final PlanRepository plans;
    private final PlanService planService;
    private final AssessmentSchedule schedule;
    private final RiskRepository risks;
    private final AuditTrail audit;
    private final Clock clock;

    public AssessmentService(
            TaskRepository remediation,
            AssessmentRepository assessments,
            PlanRepository plans,
            PlanService planService,
            RiskRepository risks,
            AuditTrail audit,
            Clock clock) {
        this.remediation = remediation;
        this.risks = risks;
        this.assessments = assessments;
        this.plans = plans;
        this.planService = planService;
        this.schedule = AssessmentSchedule.withDefaultRules();
        this.audit = audit;
        this.clock = clock;
    }

    public List<Assessment> list(long systemId) {
        planService.viewSystem(systemId);
        return assessments.forSystem(systemId);
    }

    public EvidenceFile report(long systemId, long assessmentId) {
        planService.viewSystem(systemId);
        return assessments
                .report(systemId, assessmentId)
                .orElseThrow(() -> new NotFoundException("assessment report " + assessmentId));
    }

    @Transactional
    public Assessment record(long systemId, AssessmentRequest r) {
        InformationSystem system = planService.editable(systemId);
        if (system.approvedLevel() == null) {
            throw new FieldProblemException("system", "compliance.error.noApprovedLevel");
        }
        check(system, r);
        long id = assessments.insert(systemId, r, system.approvedLevel(), system.approvedRegime(), clock.instant());
        int tasks = 0;
        for (AssessmentRequest.ResultRequest result :
                r.results() == null ? List.<AssessmentRequest.ResultRequest>of() : r.results()) {
            if (result.outcome() == AssessmentOutcome.FAIL) {
                String title = result.note() == null || result.note().isBlank()
                        ? result.requirementId()
                        : result.requirementId() + ": " + result.note();
                remediation.insertTask(
                        systemId,
                        result.requirementId(),
                        id,
                        title,
                        result.remediationOwner(),
                        result.remediationDue(),
                        clock.instant());
                tasks++;
            }
        }
        audit.record(AuditEntry.change(
                "compliance.assessment.record",
                system.ownerOrganizationId(),
                "assessment",
                id,
                null,
                Map.of(
                        "kind",
                        r.kind(),
                        "assessor",
                        r.assessorKind(),
                        "completedOn",
                        String.valueOf(r.completedOn()),
                        "remediationTasks",
                        tasks)));
        return assessments.forSystem(systemId).stream()
                .filter(a -> a.id() == id)
                .findFirst()
                .orElseThrow();
    }

    private void check(InformationSystem system, AssessmentRequest r) {
        List<FieldProblem> problems = new ArrayList<>();
        if (r.kind() == null) {
            problems.add(new FieldProblem("kind", "validation.required"));
        }
        if (r.assessorKind() == null) {
            problems.add(new FieldProblem("assessorKind", "validation.required"));
        } else {
            Regime regime = RegimeIds.of(system.approvedRegime());
            AssessorRequirement required = schedule.requiredAssessor(
                    regime,
                    Objects.requireNonNull(system.approvedLevel(), "assessed: levelled"),
                    r.circumstances() == null ? Set.of() : r.circumstances());
            if (!required.accepts(r.assessorKind())) {
                problems.add(
                        new FieldProblem("assessorKind", "compliance.error.assessorNotAllowed." + required.name()));
            }
        }
        if (PlanService.blank(r.assessorName())) {
            problems.add(new FieldProblem("assessorName", "validation.required"));
        }
        if (r.scopes() == null || r.scopes().isEmpty()) {
            problems.add(new FieldProblem("scopes", "validation.required"));
        }
        if (r.startedOn() == null) {
            problems.add(new FieldProblem("startedOn", "validation.required"));
        } else if (r.completedOn() != null && r.completedOn().isBefore(r.startedOn())) {
            problems.add(new FieldProblem("completedOn", "compliance.error.completedBeforeStarted"));
        }
        if (r.completedOn() != null && r.completedOn().isAfter(LocalDate.now(clock))) {
            problems.add(new FieldProblem("completedOn", "compliance.error.inFuture"));
        }
        Set<String> inPlan = Set.copyOf(plans.requiredIds(system.id()));
        List<AssessmentRequest.ResultRequest> results = r.results() == null ? List.of() : r.results();
        for (int i = 0; i < results.size(); i++) {
            AssessmentRequest.ResultRequest result = results.get(i);
            if (result.requirementId() == null || !inPlan.contains(result.requirementId())) {
                problems.add(
                        new FieldProblem("results[" + i + "].requirementId", "compliance.error.requirementUnknown"));
            }
            if (result.outcome() == null) {
                problems.add(new FieldProblem("results[" + i + "].outcome", "validation.required"));
            } else if (result.outcome() == AssessmentOutcome.FAIL && result.remediationDue() == null) {
                // A failed item becomes a remediation task, and a task without a due date never shows as late.
                problems.add(new FieldProblem("results[" + i + "].remediationDue", "compliance.error.remediationDue"));
            }
        }
        if (!problems.isEmpty()) {
            throw new FieldProblemException(problems);
        }
    }

    /** Next due date of a system with an approved level, from the periodicity rules of its regime. */
    public AssessmentSchedulePoint scheduleOf(InformationSystem system) {
        LocalDate today = LocalDate.now(clock);
        Regime regime = RegimeIds.of(system.approvedRegime());
        int level = Objects.requireNonNull(system.approvedLevel(), "scheduled: levelled");
        RiskRating risk = riskOf(system.id());
        LocalDate last = assessments.lastCompleted(system.id()).orElse(null);
        LocalDate due = schedule.dueDate(regime, level, risk, last, system.approvedOn());
        PreGoLiveStatus preGoLive = schedule.preGoLive(
                regime,
                level,
                system.approvedOn(),
                liveSince(system, today),
                assessments.completedKinds(system.id()).contains(AssessmentKind.BEFORE_GO_LIVE));
        return new AssessmentSchedulePoint(
                last,
                due,
                schedule.isOverdue(regime, level, risk, last, system.approvedOn(), today),
                last == null,
                risk == null ? AssessmentSchedule.DEFAULT_RISK : risk,
                risk != null,
                preGoLive);
    }

    /** The officer's rating, or null for "not rated" (the schedule then assumes its default). */
    @Nullable
    RiskRating riskOf(long systemId) {
        return risks.find(systemId).map(SystemRisk::rating).orElse(null);
    }

    /**
     * When the system went live, null while it is not live. An operating system without a recorded date is taken
     * as live since its approval, so a missing go-live assessment shows until the officer records the real date.
     */
    static @Nullable LocalDate liveSince(InformationSystem system, LocalDate today) {
        if (system.operatingSince() != null && !system.operatingSince().isAfter(today)) {
            return system.operatingSince();
        }
        if (system.lifecycleStatus() == LifecycleStatus.OPERATING) {
            return system.approvedOn() != null ? system.approvedOn() : today;
        }
        return null;
    }
}
