package vn.khien.warnings;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

    /** Visible warnings with a target among these systems, newest first (at most 200). */
    List<WarningRef> reaching(Collection<Long> systemIds);

    /** The warning when it is visible and has a target among these systems. */
    Optional<WarningRef> reaching(long warningId, Collection<Long> systemIds);

    /** These warnings as far as the caller sees them (absent ids are not visible), state over these systems. */
    Map<Long, WarningRef> visible(Collection<Long> warningIds, Collection<Long> systemIds);
}
