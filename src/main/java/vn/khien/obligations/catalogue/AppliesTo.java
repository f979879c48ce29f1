package vn.khien.obligations.catalogue;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/** A rule's applies-to predicate: every non-empty set must contain the subject's value. */
record AppliesTo(
        Set<Integer> levels,
        Set<String> systemTypes,
        Set<String> orgKinds,
        Set<String> regimes,
        Set<String> lifecycle,
        Set<String> flags) {

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
        return within(levels, s.level())
                && within(systemTypes, s.systemType())
                && within(orgKinds, s.orgKind())
                && within(regimes, s.regime())
                && within(lifecycle, s.lifecycle())
                && s.flags().containsAll(flags);
    }

    /** An empty set allows anything; otherwise the value must be known and listed (immutable sets refuse null). */
    private static <T> boolean within(Set<T> allowed, @Nullable T value) {
        return allowed.isEmpty() || value != null && allowed.contains(value);
    }
}
