package vn.khien.compliance.assessment;

import java.util.List;
import vn.khien.compliance.catalogue.Confidence;

/** Which assessor a level requires, with its legal basis. */
record AssessorRule(
        List<Integer> levels, AssessorRequirement assessor, String legalSource, Confidence confidence, String note) {

    public AssessorRule {
        levels = List.copyOf(levels);
    }
}
