package vn.khien.compliance.form08;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import vn.khien.compliance.assessment.AssessmentKind;
import vn.khien.compliance.catalogue.ComplianceTally;
import vn.khien.compliance.catalogue.RequirementStatus;
import vn.khien.compliance.plan.SecurityRegulation;
import vn.khien.platform.DateDisplay;
import vn.khien.systems.register.InformationSystem;
import vn.khien.systems.register.RegisterColumnsContributor;

/**
 * Columns 8, 10, 11 and 12 of the register's Mẫu 08 export (NĐ 331/2026, regulation.md §6.2), from compliance data.
 * The labels are the form's own words, so they stay Vietnamese whatever the reader's language.
 */
@Component
class Form08Columns implements RegisterColumnsContributor {

    static final String NOT_DEPLOYED = "Chưa triển khai";
    static final String PARTLY_DEPLOYED = "Đã triển khai một số hạng mục";
    static final String FULLY_DEPLOYED = "Đã triển khai đầy đủ";
    static final String BEFORE_GO_LIVE = "Trước khi đưa vào sử dụng";
    static final String PERIODIC = "Định kỳ";

    private final Form08Repository data;

    public Form08Columns(Form08Repository data) {
        this.data = data;
    }

    @Override
    public Map<Long, Map<Integer, String>> form08Columns(List<InformationSystem> systems) {
        Map<Long, Map<Integer, String>> result = new HashMap<>();
        if (systems.isEmpty()) {
            return result;
        }
        List<Long> ids = systems.stream().map(InformationSystem::id).toList();
        Map<Long, SecurityRegulation> regulations = data.regulations(ids);
        Map<Long, List<Form08Repository.ItemState>> items = data.requiredItems(ids);
        Map<Long, LocalDate> taskDue = data.lastOpenTaskDue(ids);
        Map<Long, Set<AssessmentKind>> kinds = data.completedKinds(ids);
        for (long id : ids) {
            Map<Integer, String> columns = new HashMap<>();
            SecurityRegulation regulation = regulations.get(id);
            if (regulation != null) {
                columns.put(REGULATION_DECISION, regulation(regulation));
            }
            List<Form08Repository.ItemState> plan = items.get(id);
            if (plan != null) {
                ComplianceTally tally = ComplianceTally.of(
                        plan.stream().map(Form08Repository.ItemState::status).toList());
                columns.put(PLAN_DEPLOYMENT, deployment(tally));
                if (!tally.fullyDeployed()) {
                    LocalDate expected = expectedFullDeployment(plan, taskDue.get(id));
                    columns.put(FULL_DEPLOYMENT_EXPECTED, expected == null ? "" : DateDisplay.DATE.format(expected));
                }
            }
            columns.put(INSPECTIONS, inspections(kinds.getOrDefault(id, Set.of())));
            result.put(id, columns);
        }
        return result;
    }

    static String regulation(SecurityRegulation r) {
        List<String> parts = new ArrayList<>(List.of(r.decisionNumber(), DateDisplay.DATE.format(r.issuedOn())));
        if (r.issuedBy() != null && !r.issuedBy().isBlank()) {
            parts.add(r.issuedBy());
        }
        return String.join(", ", parts);
    }

    /** Partly met items count as deployed items: the form only asks whether some or all are in place. */
    static String deployment(ComplianceTally tally) {
        if (tally.fullyDeployed()) {
            return FULLY_DEPLOYED;
        }
        return tally.met() + tally.partlyMet() == 0 ? NOT_DEPLOYED : PARTLY_DEPLOYED;
    }

    /** The last date on the roadmap: the latest target of a PLANNED item or due date of an open task. */
    static @Nullable LocalDate expectedFullDeployment(
            List<Form08Repository.ItemState> plan, @Nullable LocalDate lastTaskDue) {
        return Stream.concat(
                        plan.stream()
                                .filter(i -> i.status() == RequirementStatus.PLANNED)
                                .map(Form08Repository.ItemState::targetDate),
                        Stream.of(lastTaskDue))
                .filter(Objects::nonNull)
                .max(LocalDate::compareTo)
                .orElse(null);
    }

    /** Column 12 offers "before go-live", "periodic", both, or blank; ad-hoc inspections have no label there. */
    static String inspections(Set<AssessmentKind> kinds) {
        List<String> labels = new ArrayList<>();
        if (kinds.contains(AssessmentKind.BEFORE_GO_LIVE)) {
            labels.add(BEFORE_GO_LIVE);
        }
        if (kinds.contains(AssessmentKind.PERIODIC)) {
            labels.add(PERIODIC);
        }
        return String.join(", ", labels);
    }
}
