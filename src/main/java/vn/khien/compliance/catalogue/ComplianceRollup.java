package vn.khien.compliance.catalogue;

import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Rolls requirement statuses up over many systems (an organisation subtree). Shares are requirement-weighted:
 * a level-3 system with 66 requirements weighs more than a level-1 system with 34, as in the annual report's
 * per-criterion assessment (TT 12 Đ14.8).
 */
public final class ComplianceRollup {

    private ComplianceRollup() {}

    public static ComplianceTally overall(Collection<SystemCompliance> systems) {
        ComplianceTally total = ComplianceTally.EMPTY;
        for (SystemCompliance system : systems) {
            total = total.plus(system.tally());
        }
        return total;
    }

    /** Tallies per requirement group; groups no system has requirements in are absent. */
    public static Map<RequirementGroup, ComplianceTally> byGroup(
            Collection<SystemCompliance> systems, RequirementIndex requirements) {
        Map<RequirementGroup, ComplianceTally> result = new EnumMap<>(RequirementGroup.class);
        for (SystemCompliance system : systems) {
            system.statuses().forEach((requirementId, status) -> {
                RequirementGroup group = requirements
                        .find(requirementId)
                        .orElseThrow(() -> new IllegalArgumentException("System " + system.systemId()
                                + " has a status for requirement '" + requirementId
                                + "' which none of the given catalogues defines"))
                        .group();
                result.merge(group, ComplianceTally.EMPTY.plus(status), ComplianceTally::plus);
            });
        }
        return result;
    }

    /** Tallies per security level of the systems. */
    public static SortedMap<Integer, ComplianceTally> byLevel(Collection<SystemCompliance> systems) {
        SortedMap<Integer, ComplianceTally> result = new TreeMap<>();
        for (SystemCompliance system : systems) {
            result.merge(system.level(), system.tally(), ComplianceTally::plus);
        }
        return result;
    }

    public static long fullyDeployedCount(Collection<SystemCompliance> systems) {
        return systems.stream().filter(SystemCompliance::fullyDeployed).count();
    }
}
