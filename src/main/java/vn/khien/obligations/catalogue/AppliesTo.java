package vn.khien.obligations.catalogue;

import java.util.Set;

/** A rule's applies-to predicate: every non-empty set must contain the subject's value. */
public record AppliesTo(Set<Integer> levels, Set<String> systemTypes, Set<String> orgKinds, Set<String> regimes,
                        Set<String> lifecycle, Set<String> flags) {

    public static final AppliesTo ALL = new AppliesTo(Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), Set.of());

    public AppliesTo {
        levels = Set.copyOf(levels);
        systemTypes = Set.copyOf(systemTypes);
        orgKinds = Set.copyOf(orgKinds);
        regimes = Set.copyOf(regimes);
        lifecycle = Set.copyOf(lifecycle);
        flags = Set.copyOf(flags);
    }

    public boolean test(Subject s) {
        return (levels.isEmpty() || s.level() != null && levels.contains(s.level()))
                && (systemTypes.isEmpty() || systemTypes.contains(s.systemType()))
                && (orgKinds.isEmpty() || orgKinds.contains(s.orgKind()))
                && (regimes.isEmpty() || regimes.contains(s.regime()))
                && (lifecycle.isEmpty() || lifecycle.contains(s.lifecycle()))
                && s.flags().containsAll(flags);
    }
}
