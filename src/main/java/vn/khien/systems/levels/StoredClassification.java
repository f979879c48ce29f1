package vn.khien.systems.levels;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One classification in a system's history.
 *
 * @param deciding the criteria that decided the proposed level, each with its article
 * @param parts    per part: name, answers, level and deciding criterion ids
 * @param noCriterion no criterion of the regime was met (a gap in the decree): the level is the officer's proposal
 *                    with its written justification, flagged for the appraiser
 */
public record StoredClassification(
        long id,
        long systemId,
        String regime,
        int proposedLevel,
        List<DecidingCriterion> deciding,
        List<Map<String, Object>> parts,
        int chosenLevel,
        String justification,
        String classifiedBy,
        Instant classifiedAt,
        boolean noCriterion) {

    public record DecidingCriterion(
            String id, int level, String legalRef, String descriptionVi, String descriptionEn) {}

    public boolean overridden() {
        return chosenLevel != proposedLevel;
    }
}
