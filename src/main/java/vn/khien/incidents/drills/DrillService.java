package vn.khien.incidents.drills;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khien.access.Capability;
import vn.khien.access.CurrentPerson;
import vn.khien.audit.AuditEntry;
import vn.khien.audit.AuditTrail;
import vn.khien.compliance.RemediationTasks;
import vn.khien.platform.FieldProblemException;
import vn.khien.platform.ForbiddenActionException;
import vn.khien.platform.NotFoundException;

/**
 * Drills of a system (CT 18/2022; R24 live-fire at least once a year for level 3+, R25). Findings become remediation
 * tasks through compliance's task machinery. Audited.
 */
@Service
class DrillService {

    static final int TEXT_MAX = 4000;

    private final DrillRepository drills;
    private final RemediationTasks tasks;
    private final AuditTrail audit;
    private final Clock clock;

    public DrillService(DrillRepository drills, RemediationTasks tasks, AuditTrail audit, Clock clock) {
        this.drills = drills;
        this.tasks = tasks;
        this.audit = audit;
        this.clock = clock;
    }

    public record FindingRequest(
            String title, @Nullable String owner, @Nullable LocalDate dueOn) {}

    public record DrillRequest(
            DrillKind kind,
            LocalDate heldOn,
            String scenario,
            String participants,
            String result,
            List<FindingRequest> findings) {}

    /** The yearly live-fire duty of one system: applies from level 3; due a year after the last live-fire drill. */
    public record LiveFireDuty(
            boolean applies,
            @Nullable LocalDate lastLiveFireOn,
            @Nullable LocalDate nextDueOn,
            boolean overdue) {
        static LiveFireDuty of(@Nullable Integer level, @Nullable LocalDate last, LocalDate today) {
            boolean applies = level != null && level >= 3;
            LocalDate next = !applies ? null : last == null ? today : last.plusYears(1);
            return new LiveFireDuty(applies, last, next, applies && (last == null || !today.isBefore(next)));
        }
    }

    public record SystemDrills(
            long systemId, String systemName, Integer level, LiveFireDuty duty, List<DrillRepository.Drill> drills) {}

    public SystemDrills forSystem(long systemId) {
        DrillRepository.SystemRef s =
                drills.system(systemId, Capability.READ).orElseThrow(() -> new NotFoundException("system " + systemId));
        LocalDate today = LocalDate.now(clock);
        LocalDate last = drills.lastLiveFire(List.of(systemId)).get(systemId);
        return new SystemDrills(
                systemId, s.name(), s.level(), LiveFireDuty.of(s.level(), last, today), drills.drills(systemId));
    }

    public boolean canRecord(long systemId) {
        return drills.system(systemId, Capability.EDIT_SECURITY_DATA).isPresent();
    }

    @Transactional
    public DrillRepository.Drill record(long systemId, DrillRequest r) {
        DrillRepository.SystemRef s =
                drills.system(systemId, Capability.READ).orElseThrow(() -> new NotFoundException("system " + systemId));
        if (!canRecord(systemId)) {
            throw new ForbiddenActionException("error.forbidden");
        }
        List<FieldProblemException.FieldProblem> problems = new ArrayList<>();
        if (r == null || r.kind() == null) {
            problems.add(new FieldProblemException.FieldProblem("kind", "validation.required"));
        }
        if (r == null || r.heldOn() == null) {
            problems.add(new FieldProblemException.FieldProblem("heldOn", "validation.required"));
        } else if (r.heldOn().isAfter(LocalDate.now(clock))) {
            problems.add(new FieldProblemException.FieldProblem("heldOn", "drills.error.future"));
        }
        if (r == null || r.scenario() == null || r.scenario().isBlank()) {
            problems.add(new FieldProblemException.FieldProblem("scenario", "validation.required"));
        } else if (r.scenario().length() > TEXT_MAX) {
            problems.add(new FieldProblemException.FieldProblem("scenario", "incidents.error.tooLong", TEXT_MAX));
        }
        if (r != null && r.result() != null && r.result().length() > TEXT_MAX) {
            problems.add(new FieldProblemException.FieldProblem("result", "incidents.error.tooLong", TEXT_MAX));
        }
        if (r != null && r.participants() != null && r.participants().length() > 2000) {
            problems.add(new FieldProblemException.FieldProblem("participants", "incidents.error.tooLong", 2000));
        }
        if (!problems.isEmpty()) {
            throw new FieldProblemException(problems);
        }
        long drillId = drills.insert(
                systemId,
                r.kind(),
                r.heldOn(),
                r.scenario().strip(),
                blankToNull(r.participants()),
                blankToNull(r.result()),
                CurrentPerson.principal().map(p -> p.personId()).orElse(null),
                clock.instant());
        List<Long> taskIds = new ArrayList<>();
        int n = 0;
        for (FindingRequest f : r.findings() == null ? List.<FindingRequest>of() : r.findings()) {
            if (f == null || f.title() == null || f.title().isBlank()) {
                continue;
            }
            LocalDate due = f.dueOn() == null ? LocalDate.now(clock).plusDays(30) : f.dueOn();
            // The remediation task lives in compliance: same table, checks and audit as the plan page's tasks.
            long taskId = tasks.open(systemId, "[Diễn tập] " + f.title().strip(), f.owner(), due);
            drills.insertFinding(drillId, f.title().strip(), taskId);
            taskIds.add(taskId);
            n++;
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("systemId", systemId);
        after.put("kind", r.kind().name());
        after.put("heldOn", r.heldOn().toString());
        after.put("findings", n);
        after.put("taskIds", taskIds);
        audit.record(AuditEntry.change("drill.record", s.ownerOrganizationId(), "system_drill", drillId, null, after));
        return drills.drills(systemId).stream()
                .filter(d -> d.id() == drillId)
                .findFirst()
                .orElseThrow();
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
