package vn.khien.compliance.catalogue;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The status of every requirement in one system's plan, the input of roll-ups. */
public record SystemCompliance(String systemId, int level, Map<String, RequirementStatus> statuses) {

    public SystemCompliance {
        Levels.check(level);
        statuses = Collections.unmodifiableMap(new LinkedHashMap<>(statuses));
    }

    /** Plan requirements without a recorded status count as NOT_STARTED, so an unfilled plan is never compliant. */
    public static SystemCompliance fromPlan(
            String systemId, int level, Set<String> planRequirementIds, Map<String, RequirementStatus> recorded) {
        Map<String, RequirementStatus> statuses = new LinkedHashMap<>();
        for (String requirementId : planRequirementIds) {
            statuses.put(requirementId, recorded.getOrDefault(requirementId, RequirementStatus.NOT_STARTED));
        }
        return new SystemCompliance(systemId, level, statuses);
    }

    public ComplianceTally tally() {
        return ComplianceTally.of(statuses.values());
    }

    public boolean fullyDeployed() {
        return tally().fullyDeployed();
    }
}
