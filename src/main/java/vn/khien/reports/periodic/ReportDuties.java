package vn.khien.reports.periodic;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import vn.khien.platform.duties.DutyEvidence;
import vn.khien.platform.duties.DutySource;
import vn.khien.reports.kinds.ReportKinds;

/**
 * Evidence of the reporting duties that a kind's {@code duty_rule} names (R33 for the incident-response network member
 * report, ADR 0038): the day of the organisation's latest submitted (or accepted) report of such a kind. The
 * obligations module keeps the latest evidence of all sources of a rule, so the network's own earlier Form 05 rows
 * still count.
 */
@Component
class ReportDuties implements DutySource {

    private final ReportKinds kinds;
    private final ReportRepository reports;

    ReportDuties(ReportKinds kinds, ReportRepository reports) {
        this.kinds = kinds;
        this.reports = reports;
    }

    @Override
    public Set<String> rules() {
        return kinds.kindsByDuty().keySet();
    }

    @Override
    public Map<Long, DutyEvidence> forOrganizations(String rule, Collection<Long> organizationIds) {
        List<String> ofRule = kinds.kindsByDuty().getOrDefault(rule, List.of());
        Map<Long, DutyEvidence> out = new HashMap<>();
        reports.lastSubmitted(ofRule, organizationIds).forEach((org, last) -> {
            LocalDate on = last.submittedAt().atZone(ReportService.ZONE).toLocalDate();
            out.put(org, DutyEvidence.met(on, "periodic-report", last.reportId(), "/reports/" + last.reportId()));
        });
        return out;
    }
}
