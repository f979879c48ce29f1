package vn.khien.vulnerabilities.findings;

import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khien.access.Capability;
import vn.khien.access.CurrentPerson;
import vn.khien.access.OrgScope;
import vn.khien.access.PersonPrincipal;
import vn.khien.audit.AuditEntry;
import vn.khien.audit.AuditTrail;
import vn.khien.platform.FieldProblemException;
import vn.khien.platform.ForbiddenActionException;
import vn.khien.platform.NotFoundException;
import vn.khien.systems.VisibleSystems;
import vn.khien.systems.register.InformationSystem;
import vn.khien.vulnerabilities.FindingTally;

/**
 * Reading findings and changing their state. Officers (EDIT_SECURITY_DATA on the system) mark false positives,
 * fixes and reopenings; accepting a risk also needs APPROVE on the owner (a leader), a reason and an expiry.
 * Every change is kept in the finding's history and the audit trail, in the same transaction.
 */
@Service
public class FindingService {

    /** Longest a risk may be accepted before it must be looked at again. */
    public static final int MAX_RISK_DAYS = 366;

    private final FindingRepository repository;
    private final VisibleSystems systems;
    private final OrgScope scope;
    private final AuditTrail audit;
    private final SlaPolicies sla;
    private final FindingTally tally;
    private final Clock clock;

    public FindingService(
            FindingRepository repository,
            VisibleSystems systems,
            OrgScope scope,
            AuditTrail audit,
            SlaPolicies sla,
            FindingTally tally,
            Clock clock) {
        this.repository = repository;
        this.systems = systems;
        this.scope = scope;
        this.audit = audit;
        this.sla = sla;
        this.tally = tally;
        this.clock = clock;
    }

    public record StateRequest(
            List<Long> ids,
            FindingStatus status,

            @Size(max = 20000, message = "{validation.size}")
            String reason,

            LocalDate riskExpiresOn) {}

    /** The organisation highest in the tree on which the caller holds a role: the start of "my findings". */
    public Optional<Long> homeOrganization() {
        return repository.homeOrganization(CurrentPerson.idOrNobody());
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public FindingRepository.Page search(FindingQuery q) {
        if (q.systemId() != null) {
            systems.get(q.systemId());
        }
        if (q.organizationId() != null && !scope.canSee(q.organizationId())) {
            throw new NotFoundException("organization " + q.organizationId());
        }
        return repository.search(q, today());
    }

    public Finding get(long id) {
        return repository.findVisible(id).orElseThrow(() -> new NotFoundException("finding " + id));
    }

    public Map<Long, List<FindingLocation>> locations(List<Finding> findings, int perFinding) {
        return repository.locations(findings.stream().map(Finding::id).toList(), perFinding);
    }

    public List<FindingChange> history(long id) {
        get(id);
        return repository.history(id);
    }

    public boolean canEdit(long systemId) {
        return systems.canEdit(systems.get(systemId));
    }

    public boolean canApprove(long ownerOrganizationId) {
        return scope.can(ownerOrganizationId, Capability.APPROVE);
    }

    /** Changes the state of several findings at once: all or none. Returns how many changed. */
    @Transactional
    public int changeState(StateRequest r) {
        if (r.ids() == null || r.ids().isEmpty()) {
            throw new FieldProblemException("ids", "validation.required");
        }
        if (r.status() == null || r.status() == FindingStatus.REOPENED) {
            throw new FieldProblemException("status", "findings.error.statusNotSettable");
        }
        if (r.reason() == null || r.reason().isBlank()) {
            throw new FieldProblemException("reason", "validation.required");
        }
        if (r.status() == FindingStatus.ACCEPTED_RISK) {
            checkExpiry(r.riskExpiresOn());
        }
        Set<Long> ids = new LinkedHashSet<>(r.ids());
        List<Finding> findings = repository.findVisible(ids);
        if (findings.size() != ids.size()) {
            throw new NotFoundException("finding");
        }
        Map<Long, Boolean> editable = new LinkedHashMap<>();
        PersonPrincipal who =
                CurrentPerson.principal().orElseThrow(() -> new ForbiddenActionException("error.forbidden"));
        int changed = 0;
        Set<Long> changedSystems = new LinkedHashSet<>();
        for (Finding f : findings) {
            if (!editable.computeIfAbsent(f.systemId(), this::canEdit)) {
                throw new ForbiddenActionException("error.forbidden");
            }
            if (r.status() == FindingStatus.ACCEPTED_RISK && !canApprove(f.ownerOrganizationId())) {
                throw new ForbiddenActionException("findings.error.approveNeeded");
            }
            if (f.status() == r.status()) {
                continue;
            }
            FindingRepository.StateChange c = new FindingRepository.StateChange(
                    r.status(),
                    r.reason().trim(),
                    who.personId(),
                    who.username(),
                    r.riskExpiresOn(),
                    today(),
                    clock.instant());
            repository.changeState(f, c, who.personId(), who.username());
            changedSystems.add(f.systemId());
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("status", r.status().name());
            after.put("reason", r.reason().trim());
            if (r.riskExpiresOn() != null && r.status() == FindingStatus.ACCEPTED_RISK) {
                after.put("riskExpiresOn", r.riskExpiresOn().toString());
            }
            audit.record(AuditEntry.change(
                    "finding.state",
                    f.ownerOrganizationId(),
                    "finding",
                    f.id(),
                    Map.of("status", f.status().name()),
                    after));
            changed++;
        }
        tally.refresh(changedSystems);
        return changed;
    }

    private void checkExpiry(LocalDate expires) {
        if (expires == null) {
            throw new FieldProblemException("riskExpiresOn", "validation.required");
        }
        if (!expires.isAfter(today()) || expires.isAfter(today().plusDays(MAX_RISK_DAYS))) {
            throw new FieldProblemException("riskExpiresOn", "findings.error.riskExpiry", MAX_RISK_DAYS);
        }
    }

    /** Accepted risks whose time ran out are open again (daily, shortly after midnight in Vietnam). */
    @Scheduled(cron = "0 5 0 * * *", zone = "Asia/Ho_Chi_Minh")
    @Transactional
    public int reopenExpiredRisks() {
        List<FindingRepository.ExpiredRisk> expired = repository.expiredRisks(today());
        expired.forEach(r -> {
            repository.reopenExpiredRisk(r.id(), clock.instant());
            audit.record(AuditEntry.change(
                    "finding.riskExpired",
                    null,
                    "finding",
                    r.id(),
                    Map.of("status", "ACCEPTED_RISK"),
                    Map.of("status", "OPEN")));
        });
        tally.refresh(
                expired.stream().map(FindingRepository.ExpiredRisk::systemId).toList());
        return expired.size();
    }

    public List<FindingRepository.Count> counts(long organizationId) {
        if (!scope.canSee(organizationId)) {
            throw new NotFoundException("organization " + organizationId);
        }
        return repository.counts(organizationId, today());
    }

    public record SystemDuty(
            long systemId,
            String code,
            String name,
            @Nullable LocalDate lastScan,
            @Nullable LocalDate nextDue,
            ScanDuty duty) {}

    public List<SystemDuty> scanDuties(long organizationId) {
        if (!scope.canSee(organizationId)) {
            throw new NotFoundException("organization " + organizationId);
        }
        return repository.lastScans(organizationId).stream()
                .map(s -> new SystemDuty(
                        s.systemId(),
                        s.code(),
                        s.name(),
                        s.lastScan(),
                        ScanDuty.dueDate(s.lastScan()),
                        ScanDuty.of(s.lastScan(), today())))
                .toList();
    }

    public SystemDuty scanDuty(long systemId) {
        InformationSystem s = systems.get(systemId);
        LocalDate last = repository.lastScan(systemId).orElse(null);
        return new SystemDuty(s.id(), s.code(), s.name(), last, ScanDuty.dueDate(last), ScanDuty.of(last, today()));
    }

    public SlaDays slaFor(long organizationId) {
        return sla.forOrganization(organizationId);
    }

    /** Sets the SLA of an organisation's subtree: leaders (APPROVE) of that organisation only. */
    @Transactional
    public void setSla(long organizationId, SlaDays days) {
        if (!scope.canSee(organizationId)) {
            throw new NotFoundException("organization " + organizationId);
        }
        if (!scope.can(organizationId, Capability.APPROVE)) {
            throw new ForbiddenActionException("error.forbidden");
        }
        if (days.critical() < 1 || days.high() < 1 || days.medium() < 1 || days.low() < 1) {
            throw new FieldProblemException("critical", "findings.error.slaDays");
        }
        SlaDays before = sla.forOrganization(organizationId);
        sla.save(organizationId, days, clock.instant());
        audit.record(AuditEntry.change("finding.sla", organizationId, "organization", organizationId, before, days));
    }
}
