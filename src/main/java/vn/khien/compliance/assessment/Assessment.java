package vn.khien.compliance.assessment;

import java.time.LocalDate;
import java.util.List;

/** One inspection and assessment of a system, with its result per requirement. */
public record Assessment(
        long id,
        long systemId,
        AssessmentKind kind,
        AssessorKind assessorKind,
        String assessorName,
        List<AssessmentScope> scopes,
        int level,
        String regime,
        LocalDate startedOn,
        LocalDate completedOn,
        String reportFileName,
        List<Result> results) {

    public record Result(String requirementId, AssessmentOutcome outcome, String note) {}

    public long failed() {
        return results.stream()
                .filter(r -> r.outcome() == AssessmentOutcome.FAIL)
                .count();
    }
}
