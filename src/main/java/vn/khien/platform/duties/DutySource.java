package vn.khien.platform.duties;

import java.util.Collection;
import java.util.Map;
import java.util.Set;

/**
 * A feature module's answer, for the recurring duties it owns (rule ids R01–R48 of the obligations catalogue), to
 * "when was this duty last met for this subject, and what proves it". The obligations module collects every bean
 * and turns the answers into statuses (MET, DUE_SOON, OVERDUE, NOT_APPLICABLE, NO_DATA) with the rule data's
 * frequency and lead time, so no feature module depends on the obligations module.
 *
 * <p>Implementations answer in bulk (one query per rule, never one per subject) and only for subjects the caller
 * may see: the ids passed in are already scoped, but a source must not reveal evidence of other subjects.
 */
public interface DutySource {

    /** The rule ids this source answers for, e.g. {@code Set.of("R21")}. */
    Set<String> rules();

    /** Evidence per system id for one rule; systems with no evidence are simply absent from the map. */
    default Map<Long, DutyEvidence> forSystems(String rule, Collection<Long> systemIds) {
        return Map.of();
    }

    /** Evidence per organisation id for one rule; organisations with no evidence are absent from the map. */
    default Map<Long, DutyEvidence> forOrganizations(String rule, Collection<Long> organizationIds) {
        return Map.of();
    }

    /**
     * Where the rule's catalogue predicate is not enough to say who owes the duty (R26: which organisations must keep
     * a response team comes from the source's rule data and designations): a verdict per organisation among those the
     * catalogue lets through. Organisations absent from the map owe the duty as the catalogue says.
     */
    default Map<Long, DutyApplicability> applicabilityForOrganizations(String rule, Collection<Long> organizationIds) {
        return Map.of();
    }
}
