package vn.khien.compliance.evidence;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khien.audit.AuditEntry;
import vn.khien.audit.AuditTrail;
import vn.khien.compliance.plan.PlanService;
import vn.khien.platform.FieldProblemException;
import vn.khien.platform.NotFoundException;
import vn.khien.systems.register.InformationSystem;

/**
 * Withdrawing evidence without losing the record: superseded evidence stays as proof of what was shown until then;
 * deleted evidence keeps its title, dates and reason while its file is erased. Both are audited.
 */
@Service
public class EvidenceWithdrawals {

    private final EvidenceRepository evidence;
    private final PlanService planService;
    private final AuditTrail audit;
    private final Clock clock;

    public EvidenceWithdrawals(EvidenceRepository evidence, PlanService planService, AuditTrail audit, Clock clock) {
        this.evidence = evidence;
        this.planService = planService;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Evidence supersede(long systemId, long evidenceId, @Nullable WithdrawalRequest r) {
        InformationSystem system = planService.editable(systemId);
        Evidence before = find(systemId, evidenceId);
        if (!before.active()) {
            // Already withdrawn: superseding again would overwrite the date and reason of the history.
            throw new FieldProblemException("evidence", "compliance.error.evidenceWithdrawn");
        }
        evidence.supersedeEvidence(systemId, evidenceId, reason(r), clock.instant());
        return audited("compliance.evidence.supersede", system, before, find(systemId, evidenceId));
    }

    @Transactional
    public Evidence delete(long systemId, long evidenceId, @Nullable WithdrawalRequest r) {
        InformationSystem system = planService.editable(systemId);
        Evidence before = find(systemId, evidenceId);
        if (before.state() == EvidenceState.DELETED) {
            throw new NotFoundException("evidence " + evidenceId);
        }
        String reason = reason(r);
        if (reason == null) {
            // A deletion erases the file: the record must at least say why.
            throw new FieldProblemException("reason", "compliance.error.deleteReasonRequired");
        }
        evidence.deleteEvidence(systemId, evidenceId, reason, clock.instant());
        return audited("compliance.evidence.delete", system, before, find(systemId, evidenceId));
    }

    private Evidence find(long systemId, long evidenceId) {
        return evidence.evidence(systemId, LocalDate.now(clock)).stream()
                .filter(e -> e.id() == evidenceId)
                .findFirst()
                .orElseThrow(() -> new NotFoundException("evidence " + evidenceId));
    }

    private Evidence audited(String action, InformationSystem system, Evidence before, Evidence after) {
        audit.record(AuditEntry.change(
                action, system.ownerOrganizationId(), "plan_evidence", after.id(), snapshot(before), snapshot(after)));
        return after;
    }

    private static Map<String, Object> snapshot(Evidence e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("requirement", e.requirementId());
        m.put("title", e.title());
        m.put("state", e.state());
        m.put("file", e.fileName());
        m.put("url", e.url());
        m.put("validUntil", String.valueOf(e.validUntil()));
        m.put("reason", e.withdrawalReason());
        return m;
    }

    private static @Nullable String reason(@Nullable WithdrawalRequest r) {
        String reason = r == null ? null : r.reason();
        return reason == null || reason.isBlank() ? null : reason.trim();
    }
}
