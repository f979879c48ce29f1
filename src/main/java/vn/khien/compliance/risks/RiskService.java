package vn.khien.compliance.risks;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khien.audit.AuditEntry;
import vn.khien.audit.AuditTrail;
import vn.khien.compliance.plan.PlanService;
import vn.khien.platform.FieldProblemException;
import vn.khien.platform.FieldProblemException.FieldProblem;
import vn.khien.systems.register.InformationSystem;

/**
 * The risk rating officers record for a system. It drives new-regime assessment intervals ("by level and risk",
 * NĐ 331 Đ28.5.a); legacy intervals ignore it, as NĐ 85 fixes them by level.
 */
@Service
public class RiskService {

    private final RiskRepository risks;
    private final PlanService plans;
    private final AuditTrail audit;
    private final Clock clock;

    public RiskService(RiskRepository risks, PlanService plans, AuditTrail audit, Clock clock) {
        this.risks = risks;
        this.plans = plans;
        this.audit = audit;
        this.clock = clock;
    }

    public Optional<SystemRisk> get(long systemId) {
        plans.viewSystem(systemId);
        return risks.find(systemId);
    }

    @Transactional
    public SystemRisk save(long systemId, RiskRequest r) {
        InformationSystem system = plans.editable(systemId);
        List<FieldProblem> problems = new ArrayList<>();
        if (r == null || r.rating() == null) {
            problems.add(new FieldProblem("rating", "validation.required"));
        }
        if (r == null || r.assessedOn() == null) {
            problems.add(new FieldProblem("assessedOn", "validation.required"));
        } else if (r.assessedOn().isAfter(LocalDate.now(clock))) {
            problems.add(new FieldProblem("assessedOn", "compliance.error.inFuture"));
        }
        if (!problems.isEmpty()) {
            throw new FieldProblemException(problems);
        }
        SystemRisk before = risks.find(systemId).orElse(null);
        SystemRisk after = new SystemRisk(
                systemId,
                // Both checked above.
                Objects.requireNonNull(r.rating(), "rating"),
                Objects.requireNonNull(r.assessedOn(), "assessedOn"),
                PlanService.blank(r.note()) ? null : r.note().trim());
        risks.save(after, clock.instant());
        audit.record(AuditEntry.change(
                "compliance.risk.save",
                system.ownerOrganizationId(),
                "compliance_risk_rating",
                systemId,
                before,
                after));
        return after;
    }
}
