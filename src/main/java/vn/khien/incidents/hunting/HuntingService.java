package vn.khien.incidents.hunting;

import java.time.Clock;
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
import vn.khien.access.OrgScope;
import vn.khien.audit.AuditEntry;
import vn.khien.audit.AuditTrail;
import vn.khien.compliance.RemediationTasks;
import vn.khien.platform.FieldProblemException;
import vn.khien.platform.FieldProblemException.FieldProblem;
import vn.khien.platform.ForbiddenActionException;
import vn.khien.platform.NotFoundException;

/**
 * Threat-hunting campaigns (Chỉ thị 18/CT-TTg: hunt for threats alongside the six-monthly scans), recorded like drills:
 * scope, hypotheses, techniques, result; each finding names the system it was found on and becomes a remediation task
 * of that system through compliance's task machinery (the one drills use), never a copy of it. Audited.
 */
@Service
public class HuntingService {

    static final Capability[] RECORD = {Capability.RESPOND_INCIDENTS, Capability.EDIT_SECURITY_DATA};
    static final int TEXT_MAX = 4000;
    static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");

    private final HuntingRepository campaigns;
    private final RemediationTasks tasks;
    private final OrgScope scope;
    private final AuditTrail audit;
    private final Clock clock;

    HuntingService(HuntingRepository campaigns, RemediationTasks tasks, OrgScope scope, AuditTrail audit, Clock clock) {
        this.campaigns = campaigns;
        this.tasks = tasks;
        this.scope = scope;
        this.audit = audit;
        this.clock = clock;
    }

    public record FindingRequest(
            String title,
            @Nullable Long systemId,
            @Nullable String owner,
            @Nullable LocalDate dueOn) {}

    public record CampaignRequest(
            Long organizationId,
            String title,
            String scope,
            String hypotheses,
            String techniques,
            @Nullable LocalDate startedOn,
            @Nullable LocalDate endedOn,
            String result,
            List<FindingRequest> findings) {}

    List<HuntingRepository.Campaign> list() {
        return campaigns.visible();
    }

    HuntingRepository.Campaign show(long id) {
        return campaigns.find(id).orElseThrow(() -> new NotFoundException("hunting campaign " + id));
    }

    @Transactional
    public HuntingRepository.Campaign record(CampaignRequest r) {
        if (r == null || r.organizationId() == null) {
            throw new FieldProblemException("organizationId", "validation.required");
        }
        long org = r.organizationId();
        if (!scope.canSee(org)) {
            // An organisation the caller cannot see is answered like an unknown one.
            throw new FieldProblemException("organizationId", "teams.error.organizationUnknown");
        }
        boolean may = false;
        for (Capability c : RECORD) {
            may |= scope.can(org, c);
        }
        if (!may) {
            throw new ForbiddenActionException("error.forbidden");
        }
        List<FieldProblem> problems = new ArrayList<>();
        required("title", r.title(), 300, problems);
        required("scope", r.scope(), TEXT_MAX, problems);
        required("hypotheses", r.hypotheses(), TEXT_MAX, problems);
        optional("techniques", r.techniques(), 2000, problems);
        optional("result", r.result(), TEXT_MAX, problems);
        LocalDate today = LocalDate.now(clock.withZone(VN));
        if (r.startedOn() == null) {
            problems.add(new FieldProblem("startedOn", "validation.required"));
        } else if (r.startedOn().isAfter(today)) {
            problems.add(new FieldProblem("startedOn", "drills.error.future"));
        } else if (r.endedOn() != null && r.endedOn().isBefore(r.startedOn())) {
            problems.add(new FieldProblem("endedOn", "hunting.error.endBeforeStart"));
        }
        List<FindingRequest> findings = new ArrayList<>();
        List<FindingRequest> asked = r.findings() == null ? List.of() : r.findings();
        for (int k = 0; k < asked.size(); k++) {
            FindingRequest f = asked.get(k);
            if (f == null || f.title() == null || f.title().isBlank()) {
                continue;
            }
            if (f.title().length() > 300) {
                problems.add(new FieldProblem("findings[" + k + "].title", "incidents.error.tooLong", 300));
            } else if (f.systemId() == null) {
                problems.add(new FieldProblem("findings[" + k + "].systemId", "validation.required"));
            } else if (!campaigns.systemInSubtree(f.systemId(), org)) {
                problems.add(new FieldProblem("findings[" + k + "].systemId", "hunting.error.systemOutside"));
            } else if (!campaigns.canOpenTask(f.systemId())) {
                problems.add(new FieldProblem("findings[" + k + "].systemId", "hunting.error.noTaskRight"));
            } else {
                findings.add(f);
            }
        }
        if (!problems.isEmpty()) {
            throw new FieldProblemException(problems);
        }
        LocalDate startedOn = Objects.requireNonNull(r.startedOn(), "checked above");
        long id = campaigns.insert(
                org,
                r.title().strip(),
                r.scope().strip(),
                r.hypotheses().strip(),
                strip(r.techniques()),
                startedOn,
                r.endedOn(),
                strip(r.result()),
                CurrentPerson.principal().map(p -> p.personId()).orElse(null),
                clock.instant());
        List<Long> taskIds = new ArrayList<>();
        for (FindingRequest f : findings) {
            LocalDate due = f.dueOn() == null ? today.plusDays(30) : f.dueOn();
            // The remediation task lives in compliance: the same table, checks and audit as drill findings' tasks.
            long systemId = Objects.requireNonNull(f.systemId(), "checked above");
            long taskId = tasks.open(systemId, "[Săn lùng] " + f.title().strip(), f.owner(), due);
            campaigns.insertFinding(id, systemId, f.title().strip(), taskId);
            taskIds.add(taskId);
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("organizationId", org);
        after.put("title", r.title().strip());
        after.put("startedOn", startedOn.toString());
        after.put("findings", findings.size());
        after.put("taskIds", taskIds);
        audit.record(AuditEntry.change("hunting.record", org, "hunting_campaign", id, null, after));
        return show(id);
    }

    private static void required(String field, String value, int max, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            problems.add(new FieldProblem(field, "validation.required"));
        } else {
            optional(field, value, max, problems);
        }
    }

    private static void optional(String field, String value, int max, List<FieldProblem> problems) {
        if (value != null && value.length() > max) {
            problems.add(new FieldProblem(field, "incidents.error.tooLong", max));
        }
    }

    private static @Nullable String strip(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
