package vn.khien.compliance.catalogue;

import java.util.List;

/**
 * One legal basis of a requirement. {@code levels} says for which levels this clause is the basis, because the same
 * requirement carries a different appendix and TCVN clause per level (e.g. TCVN 11930:2017 §5.1.2.1 at level 1,
 * §7.1.2.1 at level 3). An empty list means "all levels of the requirement".
 */
record LegalReference(String document, String clause, List<Integer> levels) {

    public LegalReference {
        levels = levels == null ? List.of() : List.copyOf(levels);
    }

    public boolean appliesTo(int level) {
        return levels.isEmpty() || levels.contains(level);
    }

    /** Human-readable citation, e.g. "TCVN 11930:2017 §7.2.1.2". */
    public String citation() {
        return document + " " + clause;
    }
}
