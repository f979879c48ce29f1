package vn.khien.systems.classification;

import java.util.List;

/**
 * The proposed security level and why.
 *
 * @param decidingCriteria the matched criteria of the proposed level (empty when the regime default decided)
 * @param matchedCriteria  every criterion met, highest level first, for the explanation in the dossier
 * @param byDefault        true when no criterion was met and the regime's default level applied
 */
public record ClassificationResult(
        String regimeId,
        int proposedLevel,
        List<Criterion> decidingCriteria,
        List<Criterion> matchedCriteria,
        boolean byDefault) {

    public ClassificationResult {
        decidingCriteria = List.copyOf(decidingCriteria);
        matchedCriteria = List.copyOf(matchedCriteria);
    }
}
