package vn.khien.compliance.evidence;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khien.audit.AuditEntry;
import vn.khien.audit.AuditTrail;
import vn.khien.compliance.plan.PlanItem;
import vn.khien.compliance.plan.PlanRepository;
import vn.khien.compliance.plan.PlanService;
import vn.khien.platform.FieldProblemException;
import vn.khien.platform.NotFoundException;
import vn.khien.systems.VisibleSystems;
import vn.khien.systems.register.InformationSystem;

/** Evidence for a plan item: a file (10 MB at most) or a link, with its validity; added and read, audited. */
@Service
public class EvidenceService {

    private final EvidenceRepository evidence;
    private final PlanRepository plans;
    private final PlanService planService;
    private final VisibleSystems systems;
    private final AuditTrail audit;
    private final Clock clock;

    EvidenceService(
            EvidenceRepository evidence,
            PlanRepository plans,
            PlanService planService,
            VisibleSystems systems,
            AuditTrail audit,
            Clock clock) {
        this.evidence = evidence;
        this.plans = plans;
        this.planService = planService;
        this.systems = systems;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Evidence addEvidence(long systemId, String requirementId, EvidenceRequest r) {
        InformationSystem system = planService.editable(systemId);
        if (plans.item(systemId, requirementId).filter(PlanItem::required).isEmpty()) {
            throw new NotFoundException("plan item " + requirementId);
        }
        if (PlanService.blank(r.title())) {
            throw new FieldProblemException("title", "validation.required");
        }
        byte @Nullable [] content = r.content();
        boolean hasFile = content != null && content.length > 0;
        if (!hasFile && PlanService.blank(r.url())) {
            throw new FieldProblemException("url", "compliance.error.evidenceNeedsFileOrLink");
        }
        if (!PlanService.blank(r.url()) && !r.url().matches("(?i)https?://\\S+")) {
            throw new FieldProblemException("url", "compliance.error.url");
        }
        if (content != null && content.length > EvidenceRequest.MAX_BYTES) {
            throw new FieldProblemException("file", "compliance.error.fileTooLarge");
        }
        long id = evidence.insertEvidence(
                systemId,
                requirementId,
                r.title().trim(),
                PlanService.blank(r.url()) ? null : r.url().trim(),
                hasFile ? r.fileName() : null,
                hasFile ? r.contentType() : null,
                hasFile ? content : null,
                r.validUntil(),
                clock.instant());
        Evidence added = evidence.evidence(systemId, LocalDate.now(clock)).stream()
                .filter(e -> e.id() == id)
                .findFirst()
                .orElseThrow();
        audit.record(AuditEntry.change(
                "compliance.evidence.add",
                system.ownerOrganizationId(),
                "plan_evidence",
                id,
                null,
                Map.of(
                        "requirement",
                        requirementId,
                        "title",
                        added.title(),
                        "validUntil",
                        String.valueOf(added.validUntil()))));
        return added;
    }

    public EvidenceFile evidenceFile(long systemId, long evidenceId) {
        systems.get(systemId);
        return evidence.evidenceFile(systemId, evidenceId)
                .orElseThrow(() -> new NotFoundException("evidence " + evidenceId));
    }
}
