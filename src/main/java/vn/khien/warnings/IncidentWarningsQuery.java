package vn.khien.warnings;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * For incident case work (issue 12): the warnings an organisation received that reach an incident's affected systems,
 * and the linked ones to show. Added as a small public type so the incidents module never reaches into the warnings'
 * packages; the implementation ANDs the warnings' own TLP 2.0 visibility predicate into every read, so a warning the
 * caller may not see is simply absent.
 */
public interface IncidentWarningsQuery {

    /**
     * A warning as an incident shows it; {@code status} is where the affected systems' response stands (REACHED,
     * ACKNOWLEDGED, NOT_AFFECTED, FIXING, FIXED, REOPENED: the least advanced of them), null when none of the systems
     * is a target any more.
     */
    record WarningRef(long id, String title, String severity, String tlp, String status, List<String> cves) {

        public String href() {
            return "/warnings/" + id;
        }
    }

    /**
     * Some of the visible warnings with a target among these systems: {@code rows} (newest first, at most the limit
     * asked) of {@code total}, so a page says how many there are and offers a search when it shows only some.
     */
    record Found(List<WarningRef> rows, long total, int limit) {

        public static final Found NONE = new Found(List.of(), 0, 0);

        /** Whether more warnings match than are listed. */
        public boolean capped() {
            return total > rows.size();
        }
    }

    /**
     * Visible warnings with a target among these systems, except those given (already linked), newest first:
     * at most {@code limit} rows, with the total; {@code search} (when not blank) keeps those whose title or CVE ids
     * contain it.
     */
    Found reaching(Collection<Long> systemIds, @Nullable String search, Collection<Long> except, int limit);

    /** The warning when it is visible and has a target among these systems. */
    Optional<WarningRef> reaching(long warningId, Collection<Long> systemIds);

    /** These warnings as far as the caller sees them (absent ids are not visible), state over these systems. */
    Map<Long, WarningRef> visible(Collection<Long> warningIds, Collection<Long> systemIds);
}
