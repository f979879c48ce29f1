package vn.khien.obligations.suppliers;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import vn.khien.platform.duties.DutyEvidence;
import vn.khien.platform.duties.DutySource;

/**
 * R36 for each organisation whose suppliers hold access to its systems at the rule's minimum level: the next due date
 * is the earliest among those suppliers (a cycle after each one's latest assessment; the day it was recorded for one
 * never assessed), so a single supplier without a current assessment makes the duty overdue; last met is the oldest
 * of their latest assessments, when every one has been assessed.
 */
@Component
class SupplierDutySource implements DutySource {

    private final SupplierRiskService suppliers;

    SupplierDutySource(SupplierRiskService suppliers) {
        this.suppliers = suppliers;
    }

    @Override
    public Set<String> rules() {
        return Set.of("R36");
    }

    @Override
    public Map<Long, DutyEvidence> forOrganizations(String rule, Collection<Long> organizationIds) {
        Map<Long, DutyEvidence> out = new HashMap<>();
        Map<Long, List<SupplierRisk>> byOrg = suppliers.ofOrganizations(organizationIds).stream()
                .filter(SupplierRisk::dutyApplies)
                .collect(Collectors.groupingBy(SupplierRisk::organizationId));
        byOrg.forEach((org, list) -> {
            LocalDate due = list.stream()
                    .map(SupplierRisk::dueOn)
                    .filter(Objects::nonNull)
                    .min(Comparator.naturalOrder())
                    .orElseThrow();
            LocalDate lastMet = list.stream().anyMatch(s -> s.latest() == null)
                    ? null
                    : list.stream()
                            // none is null: checked just above
                            .map(s -> Objects.requireNonNull(s.latest()).assessedOn())
                            .min(Comparator.naturalOrder())
                            .orElseThrow();
            out.put(
                    org,
                    new DutyEvidence(
                            lastMet, due, "supplier-assessment", null, "/organizations/" + org + "/suppliers"));
        });
        return out;
    }
}
