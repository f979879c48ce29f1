package vn.khien.compliance.catalogue;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns an approved level into the requirement set of the system's security plan: when a level is approved, the
 * requirements of that level under the system's regime become its plan (issue #5).
 */
public final class PlanDerivation {

    private PlanDerivation() {}

    /** Requirement ids of the level, in catalogue order. */
    public static Set<String> derive(Catalogue catalogue, int level) {
        return idsOf(catalogue.requirementsFor(level));
    }

    /** Same, including the organisation's own requirements for that level. */
    public static Set<String> derive(CatalogueSet catalogues, int level) {
        Levels.check(level);
        return idsOf(catalogues.requirementsFor(level));
    }

    private static Set<String> idsOf(List<Requirement> requirements) {
        Set<String> ids = new LinkedHashSet<>();
        for (Requirement requirement : requirements) {
            ids.add(requirement.id());
        }
        return Collections.unmodifiableSet(ids);
    }
}
