package vn.khien.incidents.plans;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import vn.khien.platform.duties.DutyEvidence;
import vn.khien.platform.duties.DutySource;

/**
 * R23 (a response plan per system, updated on change): the day the plan in force was approved; when the system has
 * changed since, the day by which the plan should be updated (rule data, a choice of the platform).
 */
@Component
class ResponsePlanDuty implements DutySource {

    private final ResponsePlanRepository plans;
    private final PlanOutlines outlines;

    ResponsePlanDuty(ResponsePlanRepository plans, PlanOutlines outlines) {
        this.plans = plans;
        this.outlines = outlines;
    }

    @Override
    public Set<String> rules() {
        return Set.of("R23");
    }

    @Override
    public Map<Long, DutyEvidence> forSystems(String rule, Collection<Long> systemIds) {
        Map<Long, DutyEvidence> out = new HashMap<>();
        if (!"R23".equals(rule)) {
            return out;
        }
        plans.inForce(systemIds).forEach((id, p) -> {
            LocalDate approved = p.approvedAt().atZone(ResponsePlanService.VN).toLocalDate();
            LocalDate updateBy = p.needsUpdate() && p.updateRaisedAt() != null
                    ? p.updateRaisedAt()
                            .atZone(ResponsePlanService.VN)
                            .toLocalDate()
                            .plus(outlines.updateWithin())
                    : null;
            out.put(
                    id,
                    new DutyEvidence(
                            approved, updateBy, "response-plan", p.planId(), "/systems/" + id + "/response-plans"));
        });
        return out;
    }
}
