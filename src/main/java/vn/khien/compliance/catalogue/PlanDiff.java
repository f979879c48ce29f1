package vn.khien.compliance.catalogue;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What changes in a plan when the level or regime changes: requirements newly required, no longer required, and kept
 * (whose status and evidence carry over). Orders follow the input sets so the UI lists them in catalogue order.
 */
public record PlanDiff(Set<String> newlyRequired, Set<String> noLongerRequired, Set<String> kept) {

    public PlanDiff {
        newlyRequired = Collections.unmodifiableSet(new LinkedHashSet<>(newlyRequired));
        noLongerRequired = Collections.unmodifiableSet(new LinkedHashSet<>(noLongerRequired));
        kept = Collections.unmodifiableSet(new LinkedHashSet<>(kept));
    }

    public static PlanDiff between(Set<String> oldPlan, Set<String> newPlan) {
        Set<String> added = new LinkedHashSet<>(newPlan);
        added.removeAll(oldPlan);
        Set<String> removed = new LinkedHashSet<>(oldPlan);
        removed.removeAll(newPlan);
        Set<String> kept = new LinkedHashSet<>(newPlan);
        kept.retainAll(oldPlan);
        return new PlanDiff(added, removed, kept);
    }

    public boolean isUnchanged() {
        return newlyRequired.isEmpty() && noLongerRequired.isEmpty();
    }
}
