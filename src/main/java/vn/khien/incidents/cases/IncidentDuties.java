package vn.khien.incidents.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import vn.khien.incidents.deadlines.DeadlineEngine;
import vn.khien.incidents.deadlines.ReportDeadline;
import vn.khien.incidents.deadlines.ReportKind;
import vn.khien.platform.duties.DutyEvidence;
import vn.khien.platform.duties.DutySource;

/**
 * The incident duties of a system (obligations R28–R32, all owed on each incident): the last report of the kinds a
 * rule covers (report-forms.yaml {@code duty}) as evidence, and the earliest limit an open incident of the system still
 * owes such a report by (from the reporting rules), so the obligations matrix shows an open incident's clock as a due
 * date. R30 (acknowledge a notice at once) is met by verifying or rejecting the incident; an unverified incident owes
 * it from the day it came in.
 */
@Component
class IncidentDuties implements DutySource {

    static final Set<String> RULES = Set.of("R28", "R29", "R30", "R31", "R32");

    private final IncidentRepository incidents;
    private final IncidentCatalogue catalogue;
    private final DeadlineEngine engine;

    IncidentDuties(IncidentRepository incidents, IncidentCatalogue catalogue, DeadlineEngine engine) {
        this.incidents = incidents;
        this.catalogue = catalogue;
        this.engine = engine;
    }

    @Override
    public Set<String> rules() {
        return RULES;
    }

    @Override
    public Map<Long, DutyEvidence> forSystems(String rule, Collection<Long> systemIds) {
        Map<Long, DutyEvidence> out = new HashMap<>();
        if (!RULES.contains(rule) || systemIds.isEmpty()) {
            return out;
        }
        if ("R30".equals(rule)) {
            incidents.acknowledgementsOfSystems(systemIds).forEach((system, at) -> {
                if (at[0] != null || at[1] != null) {
                    out.put(
                            system,
                            new DutyEvidence(
                                    day(at[0]), day(at[1]), "incident-acknowledgement", null, "/incidents?status=NEW"));
                }
            });
            return out;
        }
        Set<ReportKind> kinds = catalogue.kindsOfDuty(rule);
        Map<Long, Instant> last = incidents.lastSubmissionOfSystems(
                systemIds, kinds.stream().map(Enum::name).collect(Collectors.toSet()));
        List<Incident> open = incidents.openOfSystems(systemIds);
        Map<Long, Set<String>> submitted =
                incidents.submittedKinds(open.stream().map(Incident::id).toList());
        Map<Long, Instant> nextDue = new HashMap<>();
        Map<Long, Long> dueIncident = new HashMap<>();
        for (Incident i : open) {
            Set<String> done = submitted.getOrDefault(i.id(), Set.of());
            for (ReportDeadline d : engine.assess(i.facts()).deadlines()) {
                if (!kinds.contains(d.kind())
                        || d.dueAt() == null
                        || done.contains(d.kind().name())) {
                    continue;
                }
                Instant due = d.dueAt().toInstant();
                Instant current = nextDue.get(i.systemId());
                if (current == null || due.isBefore(current)) {
                    nextDue.put(i.systemId(), due);
                    dueIncident.put(i.systemId(), i.id());
                }
            }
        }
        String kind =
                "R28".equals(rule) ? "incident-notice" : "R32".equals(rule) ? "incident-escalation" : "incident-report";
        for (Long system : systemIds) {
            Instant l = last.get(system);
            Instant n = nextDue.get(system);
            if (l == null && n == null) {
                continue;
            }
            Long incident = dueIncident.get(system);
            out.put(
                    system,
                    new DutyEvidence(
                            day(l),
                            day(n),
                            kind,
                            incident,
                            incident == null ? "/incidents" : "/incidents/" + incident));
        }
        return out;
    }

    private static LocalDate day(Instant i) {
        return i == null ? null : i.atZone(IncidentDocuments.VN).toLocalDate();
    }
}
